package ru.tsur.pulse.prevention.incidents;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cause classes of the St Petersburg portal's topics that share a network, and of some that do not. */
class CauseClassTest {

    @Test
    void topicsOfSharedNetworksHaveTheirCause() {
        assertThat(CauseClass.of("Водоснабжение", "Отсутствие горячей воды")).isEqualTo("теплоснабжение: авария на сети/ИТП");
        assertThat(CauseClass.of("Центральное отопление", "Низкая температура в отапливаемом помещении"))
                .isEqualTo("теплоснабжение: авария на сети/ИТП");
        assertThat(CauseClass.of("Водоснабжение", "Отсутствие холодной воды")).isEqualTo("водоснабжение: авария на сети");
        assertThat(CauseClass.of("Водоотведение", "Неисправность канализации")).isEqualTo("водоотведение: авария на сети");
        assertThat(CauseClass.of("Благоустройство", "Неисправно освещение, опора освещения повреждена"))
                .isEqualTo("наружное освещение: линия");
    }

    @Test
    void eachBuildingsOwnThingsAndWallsHaveNone() {
        assertThat(CauseClass.of("Содержание МКД", "Неисправное освещение в подъезде / на фасаде жилого здания"))
                .isEqualTo(CauseClass.UNDETERMINED);
        assertThat(CauseClass.of("Благоустройство", "Несанкционированные надписи /объявления на опорах освещения"))
                .isEqualTo(CauseClass.UNDETERMINED);
        assertThat(CauseClass.of("Центральное отопление", "Низкая температура на лестничной площадке"))
                .isEqualTo(CauseClass.UNDETERMINED);
        assertThat(CauseClass.of("Благоустройство", "Мусор на внутридворовой территории")).isEqualTo(CauseClass.UNDETERMINED);
    }
}
