package ru.tsur.pulse.tools.regionpack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The street of an address as residents write it; an address naming no kind of street gives none. */
class DemoStreetsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "г.Санкт-Петербург, Тамбовская улица, дом 11, литера А | Тамбовская ул.",
            "г.Санкт-Петербург, улица Лётчика Пилютова, дом 44, корпус 2, литера А | ул. Лётчика Пилютова",
            "г.Санкт-Петербург, Ленинский проспект, дом 134, литера А | Ленинский пр.",
            "город Кронштадт, проспект Ленина, дом 47, литера А | пр. Ленина",
            "г.Санкт-Петербург, набережная Обводного канала, дом 167а, литера Ц | наб. Обводного канала",
            "г.Санкт-Петербург, Загребский бульвар, дом 7, корпус 3 | Загребский б-р",
            "г.Санкт-Петербург, Малая Подьяческая улица, дом 3 | Малая Подьяческая ул.",
            "г.Санкт-Петербург, 9-я линия В.О., дом 2 | 9-я линия В.О.",
            "г.Санкт-Петербург, Выборгское шоссе, дом 5 | Выборгское шоссе",
            "г.Санкт-Петербург, Толубеевский проезд, дом 8 | Толубеевский проезд",
            "г.Санкт-Петербург, Сенная площадь, дом 1 | Сенная пл.",
            "г.Санкт-Петербург, 1-й Рабфаковский переулок, дом 4 | 1-й Рабфаковский пер.",
            "посёлок Шушары, территория Славянка, Колпинское шоссе, дом 34 | ",
            "посёлок Шушары, территория Ленсоветовский, дом 5 | ",
            "г.Санкт-Петербург | ",
            " | "})
    void theStreetOfAnAddress(String address, String street) {
        assertThat(DemoStreets.streetName(address).orElse(null)).isEqualTo(street);
    }
}
