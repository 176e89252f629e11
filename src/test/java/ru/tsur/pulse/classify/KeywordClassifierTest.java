package ru.tsur.pulse.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordClassifierTest {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private static Region spb;
    private static Region kursk;
    private static KeywordClassifier spbClassifier;
    private static KeywordClassifier kurskClassifier;

    @BeforeAll
    static void loadPacks() {
        ObjectMapper json = new ObjectMapper();
        spb = RegionPack.load("spb", json).region();
        kursk = RegionPack.load("kursk", json).region();
        spbClassifier = new KeywordClassifier(spb.categories());
        kurskClassifier = new KeywordClassifier(kursk.categories());
    }

    private static String categoryId(Region region, String name) {
        return region.categories().stream().filter(category -> category.name().equals(name))
                .map(Category::id).findFirst()
                .orElseThrow(() -> new AssertionError("No category named " + name + " in " + region.id()));
    }

    private static String categoryIdByCode(Region region, String code) {
        return region.categories().stream().filter(category -> code.equals(category.code()))
                .map(Category::id).findFirst()
                .orElseThrow(() -> new AssertionError("No category with code " + code + " in " + region.id()));
    }

    private static Classification classify(KeywordClassifier classifier, String category, String topic, String raw) {
        IncomingMessage message = new IncomingMessage("portal", "1", Instant.parse("2021-01-14T06:30:00Z"), raw,
                59.75, 30.589, null, null, category, topic, null);
        return classifier.classify(message, NORMALIZER.normalize(raw));
    }

    @Test
    void sourceCategoryGivenByNameIsKept() {
        assertThat(classify(spbClassifier, "Кровля", "Протечка кровли", "Во дворе не убран снег"))
                .isEqualTo(new Classification(categoryId(spb, "Кровля"), "Протечка кровли", 1.0, "source"));
        assertThat(classify(spbClassifier, "  СОДЕРЖАНИЕ   МКД ", null, "Течет крыша"))
                .isEqualTo(new Classification(categoryId(spb, "Содержание МКД"), null, 1.0, "source"));
    }

    @Test
    void sourceCategoryGivenByIdIsKept() {
        String roof = categoryId(spb, "Кровля");
        assertThat(classify(spbClassifier, roof, null, "Не убран снег"))
                .isEqualTo(new Classification(roof, null, 1.0, "source"));
        assertThat(classify(spbClassifier, "other", "Благодарность", "Спасибо"))
                .isEqualTo(new Classification(Category.OTHER_ID, "Благодарность", 1.0, "source"));
    }

    @Test
    void unknownSourceCategoryFallsBackToKeywords() {
        assertThat(classify(spbClassifier, "Дороги и тротуары", null, "Не убран снег"))
                .isEqualTo(new Classification(categoryId(spb, "Благоустройство"), null, 1.0, "keywords"));
        assertThat(classify(spbClassifier, "   ", null, "Не убран снег"))
                .isEqualTo(new Classification(categoryId(spb, "Благоустройство"), null, 1.0, "keywords"));
    }

    @Test
    void snowAndIceInTheYardIsImprovement() {
        // убран→«убра», снег, дворе→«двор», гололёд→«гололед», тротуаре→«троту»: five votes, all «Благоустройство».
        assertThat(classify(spbClassifier, null, null,
                "<p>Не убран снег во дворе,&nbsp;ГОЛОЛЁД на тротуаре!</p>"))
                .isEqualTo(new Classification(categoryId(spb, "Благоустройство"), null, 1.0, "keywords"));
    }

    @Test
    void brokenLightingInTheStairwellIsBuildingMaintenance() {
        // освещение→«освещ», подъезде→«подъе», лампа→«ламп», этаже→«этаж».
        assertThat(classify(spbClassifier, null, "Освещение",
                "Не горит освещение в подъезде, перегорела лампа на 3 этаже"))
                .isEqualTo(new Classification(categoryId(spb, "Содержание МКД"), "Освещение", 1.0, "keywords"));
    }

    @Test
    void litterInTheYardIsImprovement() {
        // дворе→«двор», мусор, урны→«урн».
        assertThat(classify(spbClassifier, null, null, "Во дворе мусор, урны переполнены"))
                .isEqualTo(new Classification(categoryId(spb, "Благоустройство"), null, 1.0, "keywords"));
    }

    @Test
    void confidenceIsTheWinnersShareOfTheVotes() {
        // мусорные, мусор → «Благоустройство» (2); контейнеры→«конте» → «Содержание МКД» (1).
        assertThat(classify(spbClassifier, null, null, "Переполнены мусорные контейнеры, мусор не вывозят неделю"))
                .isEqualTo(new Classification(categoryId(spb, "Благоустройство"), null, 2.0 / 3, "keywords"));
        // течет → «Водоснабжение»; крыша, сосульки → «Кровля»; подъездом → «Содержание МКД».
        assertThat(classify(spbClassifier, null, null, "Течет крыша, сосульки над подъездом"))
                .isEqualTo(new Classification(categoryId(spb, "Кровля"), null, 0.5, "keywords"));
    }

    @Test
    void aPrefixOwnedByTwoCategoriesVotesForBothAndTheTieGoesToTheFirstListed() {
        // «аренда» is a keyword of both; «Нарушение правил…» is listed before «Незаконная … конструкция».
        String rules = categoryId(spb, "Нарушение правил пользования общим имуществом");
        String advertising = categoryId(spb, "Незаконная информационная и (или) рекламная конструкция");
        assertThat(spb.categories().stream().map(Category::id).toList().indexOf(rules))
                .isLessThan(spb.categories().stream().map(Category::id).toList().indexOf(advertising));
        assertThat(classify(spbClassifier, null, null, "Аренда"))
                .isEqualTo(new Classification(rules, null, 0.5, "keywords"));
    }

    @Test
    void textWithoutKeywordsIsOtherWithZeroConfidence() {
        assertThat(classify(spbClassifier, null, "Благодарность", "Спасибо за оперативную работу!"))
                .isEqualTo(new Classification(Category.OTHER_ID, "Благодарность", 0.0, "none"));
        assertThat(classify(spbClassifier, null, null, "OK 123 !!!"))
                .isEqualTo(new Classification(Category.OTHER_ID, null, 0.0, "none"));
        assertThat(spbClassifier.classify(new IncomingMessage("portal", "1", Instant.EPOCH, "<p></p>", null, null,
                null, null, null, null, null), ""))
                .isEqualTo(new Classification(Category.OTHER_ID, null, 0.0, "none"));
    }

    @Test
    void kurskNumericSourceCodeMapsToTheCategoryWithThatCode() {
        String housing = categoryIdByCode(kursk, "3");
        assertThat(kursk.categories().stream().filter(category -> category.id().equals(housing))
                .map(Category::name).toList()).containsExactly("ЖКХ");
        assertThat(classify(kurskClassifier, "3", "Отопление", "Спасибо"))
                .isEqualTo(new Classification(housing, "Отопление", 1.0, "source"));
        assertThat(classify(kurskClassifier, "16", null, "Спасибо"))
                .isEqualTo(new Classification(categoryIdByCode(kursk, "16"), null, 1.0, "source"));
        assertThat(classify(kurskClassifier, "0", null, "Спасибо"))
                .isEqualTo(new Classification(categoryId(kursk, "Дороги"), null, 1.0, "source"));
    }

    @Test
    void kurskUnknownCodeFallsBackToKeywords() {
        // мусор, баки → «Экология».
        assertThat(classify(kurskClassifier, "99", null, "Не вывозят мусор, баки переполнены"))
                .isEqualTo(new Classification(categoryId(kursk, "Экология"), null, 1.0, "keywords"));
        // дороге→«дорог», разметки→«размет».
        assertThat(classify(kurskClassifier, null, null, "Яма на дороге, нет разметки"))
                .isEqualTo(new Classification(categoryId(kursk, "Дороги"), null, 1.0, "keywords"));
    }

    @Test
    void wordsAreRunsOfLettersOfTheFoldedText() {
        String folded = TextNormalizer.foldLine(NORMALIZER.normalize(
                "<p>г.Курск, ул. 50 лет Октября&nbsp;— Wi-Fi не ловит, ЁЛКИ-палки 3й этаж</p>"));
        java.util.List<String> words = new java.util.ArrayList<>();
        KeywordClassifier.forEachWord(folded, (start, end) -> words.add(folded.substring(start, end)));
        assertThat(words).containsExactly("г", "курск", "ул", "лет", "октября", "wi", "fi", "не", "ловит", "елки",
                "палки", "й", "этаж");
        KeywordClassifier.forEachWord("", (start, end) -> words.add("never"));
        KeywordClassifier.forEachWord(" 12 — !", (start, end) -> words.add("never"));
        assertThat(words).doesNotContain("never");
    }
}
