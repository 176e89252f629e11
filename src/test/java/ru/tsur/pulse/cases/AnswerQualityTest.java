package ru.tsur.pulse.cases;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerQualityTest {

    private static final AnswerQuality QUALITY = new AnswerQuality(60, 0.8, 3);

    @Test
    void aConcreteAnswerHasNoFlags() {
        assertThat(QUALITY.flags("Мусор вывезен 01.12, контейнерная площадка убрана, график вывоза восстановлен", List.of()))
                .isEmpty();
        assertThat(QUALITY.flags("Работы по ремонту кровли включены в план и будут выполнены до 15 декабря текущего года", List.of()))
                .isEmpty();
    }

    @Test
    void shortAndEmptyAnswersAreFlagged() {
        assertThat(QUALITY.flags("Рассмотрено.", List.of())).containsExactly(AnswerQuality.TOO_SHORT, AnswerQuality.NO_ACTION);
        assertThat(QUALITY.flags("Ваше обращение рассмотрено, информация принята к сведению и передана в профильную службу",
                List.of())).containsExactly(AnswerQuality.NO_ACTION);
    }

    @Test
    void theSameTextAsSeveralEarlierAnswersIsBoilerplate() {
        String template = "Ваше обращение рассмотрено, информация принята к сведению и передана в профильную службу для работы";
        List<String> earlier = List.of(template, template.replace("профильную", "ответственную"), template, "Мусор вывезен 01.12");
        assertThat(QUALITY.flags(template, earlier)).contains(AnswerQuality.BOILERPLATE);
        assertThat(QUALITY.flags(template, earlier.subList(0, 2))).doesNotContain(AnswerQuality.BOILERPLATE);
    }
}
