package ru.tsur.pulse.normalize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertThat(normalizer.normalize(null)).isEqualTo("");
        assertThat(normalizer.normalize("")).isEqualTo("");
        assertThat(normalizer.normalize("  \t\r\n ")).isEqualTo("");
    }

    @Test
    void plainTextIsLeftAlone() {
        assertThat(normalizer.normalize("Во дворе дома 5 по ул. Ленина не убран снег"))
                .isEqualTo("Во дворе дома 5 по ул. Ленина не убран снег");
    }

    @Test
    void portalParagraphsAndLineBreaksBecomeSingleLineBreaks() {
        String portal = "<p>Добрый день!</p><p>Во дворе дома 12 по ул. Савушкина<br>не убран снег.<br/>"
                + "<BR />Прошу принять меры.</p>";
        assertThat(normalizer.normalize(portal))
                .isEqualTo("Добрый день!\nВо дворе дома 12 по ул. Савушкина\nне убран снег.\nПрошу принять меры.");
    }

    @Test
    void inlineTagsWithStylesAreRemovedAndSeparateWords() {
        String portal = "<div class=\"msg\"><span style=\"color: #ff0000; font-weight: bold\">Срочно!</span>"
                + "<strong>Течёт</strong> крыша над <a href=\"https://example.org/?a=1&b=2\">кв. 45</a></div>";
        assertThat(normalizer.normalize(portal)).isEqualTo("Срочно! Течёт крыша над кв. 45");
    }

    @Test
    void scriptsStylesAndCommentsAreDroppedWithTheirContent() {
        String portal = "<style type=\"text/css\">p { margin: 0 }</style>"
                + "<p>Нет горячей воды</p><script type=\"text/javascript\">alert('<p>взлом</p>');</script>"
                + "<!-- служебный комментарий <b>портала</b> --><SCRIPT>var x = 1 < 2;</SCRIPT>третий день";
        assertThat(normalizer.normalize(portal)).isEqualTo("Нет горячей воды\nтретий день");
    }

    @Test
    void namedEntitiesAreDecoded() {
        assertThat(normalizer.normalize("Управляющая&nbsp;компания &laquo;Жилкомсервис №&nbsp;2&raquo; &mdash; "
                + "не&nbsp;отвечает&hellip; &quot;ТСЖ&quot; &amp; УК, t&deg; в квартире +12"))
                .isEqualTo("Управляющая компания «Жилкомсервис № 2» — не отвечает… \"ТСЖ\" & УК, t° в квартире +12");
    }

    @Test
    void numericEntitiesAreDecodedInDecimalAndHex() {
        assertThat(normalizer.normalize("&#1040;&#1074;&#1072;&#1088;&#1080;&#1103; &#x41;&#X42;&#x0421; &#8470;5"))
                .isEqualTo("Авария AB\u0421 №5");
    }

    @Test
    void numericNoBreakSpaceAndSoftHyphenAreHandled() {
        assertThat(normalizer.normalize("дом&#160;5,&#xA0;кв.&nbsp;&nbsp;7 водо&shy;снабжение"))
                .isEqualTo("дом 5, кв. 7 водоснабжение");
    }

    @Test
    void doubleEscapedEntitiesAreDecodedTwice() {
        assertThat(normalizer.normalize("Не&amp;nbsp;работает лифт &amp;laquo;OTIS&amp;raquo;"))
                .isEqualTo("Не работает лифт «OTIS»");
    }

    @Test
    void tripleEscapingIsDecodedOnlyTwice() {
        assertThat(normalizer.normalize("a&amp;amp;amp;b")).isEqualTo("a&amp;b");
    }

    @Test
    void unknownAndInvalidEntitiesAreKeptAsWritten() {
        assertThat(normalizer.normalize("&foo; и &#0; и &#xFFFFFF; и &;и & без точки с запятой"))
                .isEqualTo("&foo; и &#0; и &#xFFFFFF; и &;и & без точки с запятой");
    }

    @Test
    void escapedMarkupIsDecodedToTextNotStripped() {
        assertThat(normalizer.normalize("Пишут &lt;b&gt;жирным&lt;/b&gt;: t &lt; 18 &gt; нормы"))
                .isEqualTo("Пишут <b>жирным</b>: t < 18 > нормы");
    }

    @Test
    void lessThanSignsThatAreNotTagsAreKept() {
        assertThat(normalizer.normalize("температура <18 градусов, а должно быть > 20"))
                .isEqualTo("температура <18 градусов, а должно быть > 20");
    }

    @Test
    void whitespaceIsFoldedAndLineBreaksKept() {
        String raw = "  Добрый\tдень,\u00A0\u00A0\r\n\r\n\r\n   в подъезде   \n \n грязно  \r не убирают  \u000B ";
        assertThat(normalizer.normalize(raw)).isEqualTo("Добрый день,\nв подъезде\nгрязно\nне убирают");
    }

    @Test
    void foldLowersCaseAndWritesYoAsYe() {
        assertThat(TextNormalizer.fold("Ёлки на ЗЕЛЁНОЙ улице, Street 5\n  всё ещё"))
                .isEqualTo("елки на зеленой улице, street 5\n  все еще");
    }

    @Test
    void foldOfOneCharacterAgreesWithFoldOfTheText() {
        String letters = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяABCXYZabcxyz0123456789 -№«»";
        StringBuilder foldedOneByOne = new StringBuilder();
        for (char character : letters.toCharArray()) {
            foldedOneByOne.append(TextNormalizer.fold(character));
        }
        assertThat(foldedOneByOne.toString()).isEqualTo(TextNormalizer.fold(letters));
        assertThat(TextNormalizer.fold('Ё')).isEqualTo('е');
        assertThat(TextNormalizer.fold('ё')).isEqualTo('е');
    }

    @Test
    void foldLineLowersCaseFoldsYoAndJoinsLines() {
        assertThat(TextNormalizer.foldLine("Ёлки на ЗЕЛЁНОЙ улице\nЖЁЛТЫЙ  снег\tвсё ещё "))
                .isEqualTo("елки на зеленой улице желтый снег все еще");
        assertThat(TextNormalizer.foldLine("  \t\n ")).isEqualTo("");
    }

    @Test
    void foldLineOfNormalizedPortalHtml() {
        assertThat(TextNormalizer.foldLine(normalizer.normalize("<p>Наледь у&nbsp;подъезда</p><p>Гололёд!</p>")))
                .isEqualTo("наледь у подъезда гололед!");
    }

    @Test
    void spaceFoldingWithoutRegularExpressionsAgreesWithTheExpressionsItReplaced() {
        java.util.regex.Pattern horizontal = java.util.regex.Pattern.compile("[\\s&&[^\\n]]+");
        java.util.regex.Pattern aroundNewline = java.util.regex.Pattern.compile(" *\\n[ \\n]*");
        char[] alphabet = {' ', ' ', '\t', '\n', '\n', '\u000B', '\f', 'а', 'b', '\u2003', '\u2028', '-'};
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int sample = 0; sample < 20_000; sample++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String input = text.toString();
            String expected = aroundNewline.matcher(horizontal.matcher(input).replaceAll(" ")).replaceAll("\n").strip();
            assertThat(TextNormalizer.foldSpaces(input).strip()).as("«%s»", input).isEqualTo(expected);
        }
    }
}
