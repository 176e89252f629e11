package ru.tsur.pulse.prevention;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address normal form: the spellings residents and portals use for one building give one string, and
 * different buildings stay different.
 */
class AddressNormalizerTest {

    @Test
    void theSpellingsOfOneBuildingAreOneNormalForm() {
        String normal = "санкт петербург, улица мебельная, дом 47, корпус 1";
        assertThat(AddressNormalizer.normalize("г.Санкт-Петербург, Мебельная улица, дом 47, корпус 1, литера А")).isEqualTo(normal);
        assertThat(AddressNormalizer.normalize("Санкт-Петербург г., ул. Мебельная, д. 47 к. 1 лит. А")).isEqualTo(normal);
        assertThat(AddressNormalizer.normalize("г. Санкт-Петербург, ул Мебельная, 47к1")).isEqualTo(normal);
        assertThat(AddressNormalizer.normalize("Россия, 197374, г. Санкт-Петербург, ул. Мебельная, д.47, корп.1, кв. 15"))
                .isEqualTo(normal);
        assertThat(AddressNormalizer.normalize("  Г. САНКТ-ПЕТЕРБУРГ ,  УЛ.  МЕБЕЛЬНАЯ  Д 47  КОРПУС 1 ПАРАДНАЯ 3 "))
                .isEqualTo(normal);
        assertThat(AddressNormalizer.normalize("Санкт-Петербург, Мебельная ул., 47 корп. 1")).isEqualTo(normal);
    }

    @Test
    void streetTypesLeadAndAbbreviationsBecomeWords() {
        assertThat(AddressNormalizer.normalize("пр-т Ветеранов, д. 5")).isEqualTo("проспект ветеранов, дом 5");
        assertThat(AddressNormalizer.normalize("Ветеранов проспект, дом 5")).isEqualTo("проспект ветеранов, дом 5");
        assertThat(AddressNormalizer.normalize("Загребский б-р, 7 к 3")).isEqualTo("бульвар загребский, дом 7, корпус 3");
        assertThat(AddressNormalizer.normalize("наб. Обводного канала, д. 167 а, лит. Ц"))
                .isEqualTo("набережная обводного канала, дом 167а, литера ц");
        assertThat(AddressNormalizer.normalize("город Павловск, Берёзовая улица, дом 24, литера А"))
                .isEqualTo("павловск, улица березовая, дом 24");
        assertThat(AddressNormalizer.normalize("пос. Шушары, Пушкинская ул., 34 стр. 2"))
                .isEqualTo("шушары, улица пушкинская, дом 34, строение 2");
    }

    @Test
    void numbersInStreetNamesStayInTheStreetAndOrdinalEndingsGo() {
        assertThat(AddressNormalizer.normalize("5-я линия В.О., д. 10")).isEqualTo("линия 5 в о, дом 10");
        assertThat(AddressNormalizer.normalize("ул. 1 Мая, 12")).isEqualTo("улица 1 мая, дом 12");
        assertThat(AddressNormalizer.normalize("2-я Советская ул., д. 9 / 3")).isEqualTo("улица 2 советская, дом 9/3");
        assertThat(AddressNormalizer.normalize("ул. Ленина, д. 5лит.Б")).isEqualTo("улица ленина, дом 5, литера б");
    }

    @Test
    void differentBuildingsStayDifferent() {
        assertThat(AddressNormalizer.normalize("ул. Мебельная, д. 47, корп. 1"))
                .isNotEqualTo(AddressNormalizer.normalize("ул. Мебельная, д. 47, корп. 2"))
                .isNotEqualTo(AddressNormalizer.normalize("ул. Мебельная, д. 47а, корп. 1"));
        assertThat(AddressNormalizer.normalize("ул. Мебельная, д. 47, лит. Б"))
                .isNotEqualTo(AddressNormalizer.normalize("ул. Мебельная, д. 47"));
        assertThat(AddressNormalizer.normalize("г. Пушкин, Пушкинская ул., 3"))
                .isNotEqualTo(AddressNormalizer.normalize("пос. Шушары, Пушкинская ул., 3"));
    }

    @Test
    void anAddressThatNamesNothingIsEmpty() {
        assertThat(AddressNormalizer.normalize(null)).isEmpty();
        assertThat(AddressNormalizer.normalize("  ")).isEmpty();
        assertThat(AddressNormalizer.normalize("Россия, 190000")).isEmpty();
        assertThat(AddressNormalizer.normalize(", ; .")).isEmpty();
    }
}
