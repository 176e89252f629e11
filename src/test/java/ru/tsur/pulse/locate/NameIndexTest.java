package ru.tsur.pulse.locate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NameIndexTest {

    private static Region spb;
    private static Region kursk;
    private static NameIndex spbNames;
    private static NameIndex kurskNames;

    @BeforeAll
    static void loadPacks() {
        ObjectMapper json = new ObjectMapper();
        spb = RegionPack.load("spb", json).region();
        kursk = RegionPack.load("kursk", json).region();
        spbNames = new NameIndex(spb.municipalities());
        kurskNames = new NameIndex(kursk.municipalities());
    }

    /** The id of the municipality whose map name is {@code name}, looked up in the pack, not guessed. */
    private static String id(Region region, String name) {
        return region.municipalities().stream().filter(municipality -> municipality.name().equals(name))
                .map(Municipality::id).findFirst()
                .orElseThrow(() -> new AssertionError("No municipality named " + name + " in " + region.id()));
    }

    @Test
    void numberedOkrugIsFoundHoweverTheNumberSignIsWritten() {
        String mo65 = id(spb, "муниципальный округ N 65");
        for (String name : List.of("муниципальный округ N 65", "муниципальный округ №65", "Муниципальный округ № 65",
                "муниципальный  округ  №  65", "МО №65", "МО № 65", "мо N 65", "МО 65", "округ №65", "округ 65",
                "МО «№ 65»")) {
            assertThat(spbNames.find(name)).as(name).contains(mo65);
        }
        assertThat(spbNames.find("муниципальный округ №7")).contains(id(spb, "муниципальный округ N 7"));
        assertThat(spbNames.find("муниципальный округ №72")).contains(id(spb, "муниципальный округ N 72"));
        assertThat(spbNames.find("муниципальный округ №66")).isEmpty();
    }

    @Test
    void officialFullNamesAreReducedToTheMunicipality() {
        assertThat(spbNames.find("внутригородское муниципальное образование Санкт-Петербурга "
                + "муниципальный округ № 65")).contains(id(spb, "муниципальный округ N 65"));
        assertThat(spbNames.find("Внутригородское муниципальное образование города федерального значения "
                + "Санкт-Петербурга муниципальный округ Ланское")).contains(id(spb, "муниципальный округ Черная речка"));
        assertThat(spbNames.find("внутригородское муниципальное образование Санкт-Петербурга город Колпино"))
                .contains(id(spb, "город Колпино"));
    }

    @Test
    void townIsFoundWithOrWithoutItsTypeWord() {
        String kolpino = id(spb, "город Колпино");
        for (String name : List.of("город Колпино", "г. Колпино", "г.Колпино", "Колпино", "  КОЛПИНО ",
                "Город  Колпино", "г Колпино")) {
            assertThat(spbNames.find(name)).as(name).contains(kolpino);
        }
        String shushary = id(spb, "поселок Шушары");
        for (String name : List.of("посёлок Шушары", "пос.Шушары", "п. Шушары", "Шушары", "поселок Шушары")) {
            assertThat(spbNames.find(name)).as(name).contains(shushary);
        }
    }

    @Test
    void renamedOkrugsResolveToTheMapMunicipality() {
        String parnas = id(spb, "муниципальный округ Парнас");
        assertThat(spbNames.find("муниципальный округ Сергиевское")).contains(parnas);
        assertThat(spbNames.find("МО «Сергиевское»")).contains(parnas);
        assertThat(spbNames.find("Сергиевское")).contains(parnas);
        assertThat(spbNames.find("Парнас")).contains(parnas);

        String chernayaRechka = id(spb, "муниципальный округ Черная речка");
        assertThat(spbNames.find("муниципальный округ Ланское")).contains(chernayaRechka);
        assertThat(spbNames.find("МО Ланское")).contains(chernayaRechka);
        assertThat(spbNames.find("муниципальный округ Чёрная речка")).contains(chernayaRechka);
        assertThat(spbNames.find("ЧЁРНАЯ РЕЧКА")).contains(chernayaRechka);
    }

    @Test
    void yoAndHyphenSpellingsAreEquivalent() {
        assertThat(spbNames.find("муниципальный округ Звёздное")).contains(id(spb, "муниципальный округ Звездное"));
        assertThat(spbNames.find("МО Шувалово-Озёрки"))
                .contains(id(spb, "муниципальный округ Шувалово-Озерки"));
        assertThat(spbNames.find("муниципальный округ Лахта - Ольгино"))
                .contains(id(spb, "муниципальный округ Лахта-Ольгино"));
        assertThat(spbNames.find("Лахта Ольгино")).contains(id(spb, "муниципальный округ Лахта-Ольгино"));
    }

    @Test
    void ownIdsAreAcceptedAsHints() {
        for (Municipality municipality : spb.municipalities()) {
            assertThat(spbNames.find(municipality.id())).as(municipality.id()).contains(municipality.id());
        }
        String mo65 = id(spb, "муниципальный округ N 65");
        assertThat(spbNames.find(" " + mo65.toUpperCase() + " ")).contains(mo65);
        String kurskCity = id(kursk, "Курск");
        assertThat(kurskNames.find(kurskCity)).contains(kurskCity);
    }

    @Test
    void everyShippedNameAndAliasLeadsBackToItsMunicipality() {
        for (Region region : List.of(spb, kursk)) {
            NameIndex names = new NameIndex(region.municipalities());
            for (Municipality municipality : region.municipalities()) {
                assertThat(names.find(municipality.name())).as(municipality.name()).contains(municipality.id());
                assertThat(names.find(municipality.shortName())).as(municipality.shortName())
                        .contains(municipality.id());
                for (String alias : municipality.aliases()) {
                    assertThat(names.find(alias)).as(alias).contains(municipality.id());
                }
            }
        }
    }

    @Test
    void kurskCityAndDistrictAreToldApart() {
        String city = id(kursk, "Курск");
        String district = id(kursk, "Курский район");
        assertThat(kurskNames.find("г. Курск")).contains(city);
        assertThat(kurskNames.find("город Курск")).contains(city);
        assertThat(kurskNames.find("городской округ «Город Курск»")).contains(city);
        assertThat(kurskNames.find("Курский район")).contains(district);
        assertThat(kurskNames.find("Курский р-н")).contains(district);
        assertThat(kurskNames.find("Курчатов")).contains(id(kursk, "Курчатов"));
        assertThat(kurskNames.find("Курчатовский район")).contains(id(kursk, "Курчатовский район"));
        assertThat(kurskNames.find("Обоянь")).contains(id(kursk, "Обоянский район"));
    }

    @Test
    void unknownNamesAreNotGuessed() {
        for (String name : List.of("Москва", "Невский район", "Васильевский остров", "Курск", "округ",
                "муниципальный округ", "МО", "г.", "№", "   ", "")) {
            assertThat(spbNames.find(name)).as(name).isEmpty();
        }
        assertThat(spbNames.find(null)).isEmpty();
        assertThat(kurskNames.find("Курская область")).isEmpty();
        assertThat(kurskNames.find("Сеймский округ")).isEmpty();
        assertThat(kurskNames.find("Колпино")).isEmpty();
    }

    @Test
    void aNameTwoMunicipalitiesShareDesignatesNeither() {
        NameIndex names = new NameIndex(List.of(
                new Municipality("x-sovetskiy-rayon", "Советский район", "Советский р-н", null,
                        List.of("Советский", "п. Кшенский"), null),
                new Municipality("x-mo-sovetskiy", "муниципальный округ Советский", "Советский", null,
                        List.of("МО Советский"), null),
                new Municipality("x-kolpino", "город Колпино", "Колпино", null, List.of(), null),
                new Municipality("x-mo-kolpino", "муниципальный округ Колпино", "МО Колпино", null, List.of(), null)));

        // «Советский» is written exactly by both (an alias of one, the short name of the other).
        assertThat(names.find("Советский")).isEmpty();
        assertThat(names.find("  СОВЕТСКИЙ ")).isEmpty();
        // Reduced to a key, «округ Советский» and «г. Колпино» fit both.
        assertThat(names.find("округ Советский")).isEmpty();
        assertThat(names.find("г. Колпино")).isEmpty();
        assertThat(names.find("Колпино МО")).isEmpty();
        // Names written exactly by one municipality designate it, and ids always designate their own.
        assertThat(names.find("Колпино")).isEqualTo(Optional.of("x-kolpino"));
        assertThat(names.find("Советский район")).isEqualTo(Optional.of("x-sovetskiy-rayon"));
        assertThat(names.find("Советский р-н")).isEqualTo(Optional.of("x-sovetskiy-rayon"));
        assertThat(names.find("муниципальный округ Советский")).isEqualTo(Optional.of("x-mo-sovetskiy"));
        assertThat(names.find("МО Советский")).isEqualTo(Optional.of("x-mo-sovetskiy"));
        assertThat(names.find("город Колпино")).isEqualTo(Optional.of("x-kolpino"));
        assertThat(names.find("МО Колпино")).isEqualTo(Optional.of("x-mo-kolpino"));
        assertThat(names.find("x-mo-kolpino")).isEqualTo(Optional.of("x-mo-kolpino"));
    }

    @Test
    void keyDropsTypeWordsNumberSignsAndPunctuation() {
        assertThat(NameIndex.key("муниципальный округ №65")).isEqualTo("65");
        assertThat(NameIndex.key("Муниципальный округ N 65")).isEqualTo("65");
        assertThat(NameIndex.key("МО «Лахта-Ольгино»")).isEqualTo("лахта ольгино");
        assertThat(NameIndex.key("посёлок Усть-Ижора")).isEqualTo("усть ижора");
        assertThat(NameIndex.key("г.Колпино")).isEqualTo("колпино");
        assertThat(NameIndex.key("внутригородское муниципальное образование города федерального значения "
                + "Санкт-Петербурга муниципальный округ Ланское")).isEqualTo("ланское");
        // A Latin «N» is a number sign only before a number.
        assertThat(NameIndex.key("Набережная N реки")).isEqualTo("набережная n реки");
    }
}
