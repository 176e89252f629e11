package ru.tsur.pulse.route;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline classes and the keyword rule that makes a learned topic urgent, checked on real topic names of the
 * Kursk and St Petersburg data.
 */
class RoutingDeadlineClassTest {

    @Test
    void dangerousTopicsAreUrgent() {
        for (String topic : List.of("Аварийные деревья", "Аварийное жильё", "Угроза падения дерева или его части",
                "Утратившие жизнеспособность деревья и кустарники, угроза падения деревьев", "Отсутствие горячей воды",
                "Отсутствие холодной воды", "Отсутствие отопления", "Отсутствие электроэнергии", "Нет света в доме",
                "Наличие наледи на крыше", "Сосульки на кровле", "Обрушение кровли", "Прорыв трубы",
                "Подтопление подвала", "Затопление квартиры")) {
            assertThat(DeadlineClass.ofTopic(topic)).as(topic).isEqualTo(DeadlineClass.URGENT);
        }
    }

    @Test
    void ordinaryTopicsAreStandard() {
        for (String topic : List.of("Очистка от снега и наледи дорог в границах городских округов и сельских поселений",
                "Отсутствие твёрдого дорожного покрытия на дорогах в границах городских округов и сельских поселений",
                "Отсутствие адресной вывески с названием улицы и номером дома", "Отсутствие светофора",
                "Отсутствие радиатора на лестничной площадке", "Неработающее наружное освещение",
                "Отсутствие люков на коммуникационных колодцах", "Протечка труб в подвале, на чердаке, на лестничной площадке",
                "Нарушение дорожного покрытия (ямы)")) {
            assertThat(DeadlineClass.ofTopic(topic)).as(topic).isEqualTo(DeadlineClass.STANDARD);
        }
        assertThat(DeadlineClass.ofTopic(null)).isEqualTo(DeadlineClass.STANDARD);
        assertThat(DeadlineClass.ofTopic(" ")).isEqualTo(DeadlineClass.STANDARD);
    }

    @Test
    void idsAreLowerCaseAndParsedLeniently() {
        assertThat(DeadlineClass.values()).extracting(DeadlineClass::id).containsExactly("urgent", "standard", "extended");
        assertThat(DeadlineClass.byId(" Extended ")).contains(DeadlineClass.EXTENDED);
        assertThat(DeadlineClass.byId("asap")).isEmpty();
        assertThat(DeadlineClass.byId(null)).isEmpty();
    }
}
