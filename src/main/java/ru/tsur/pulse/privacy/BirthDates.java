package ru.tsur.pulse.privacy;

import java.util.regex.Pattern;

/**
 * Masks dates of birth as {@value #PLACEHOLDER}: a date or year with a birth marker after it («1938 г.р.»,
 * «12.03.1985 г.р.», «1941 года рождения» — masked together with the marker), or after a birth word
 * («д.р. 12.03.1954», «дата рождения ребёнка 12.08.2015», «год рождения 1960») or right after a birth verb
 * («родилась 7 июня 1949 года», «родился в 1951 году») — the word stays, the date is masked.
 *
 * <p>Why: a date of birth together with a name or an address identifies a person, but the dates operators need
 * («15.01.2021 прорвало трубу», «дом 1985 года постройки») look the same; only the words around a date tell a
 * birth from an event, so a date without such a word is never touched. The words are in
 * {@code privacy/birth-date-words.txt}, {@code birth-date-verbs.txt} and {@code birth-date-markers.txt}.
 */
final class BirthDates {

    static final String PLACEHOLDER = "[дата рождения]";

    /** A date or year, then a marker: masked whole. */
    private final WordGuardedPattern dateThenMarker;
    /** A birth word, up to 25 characters without digits or sentence ends, then a date or year (masked). */
    private final WordGuardedPattern wordThenDate;
    /** A birth verb, spaces, an optional «в», then a date or year (masked). */
    private final WordGuardedPattern verbThenDate;

    BirthDates(WordList words, WordList verbs, WordList markers, WordList months) {
        String date = "(?:\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})"
                + "|\\d{1,2}[ \\u00A0]+" + months.regex() + "[ \\u00A0]+(?:19|20)\\d{2}"
                + "|(?:19|20)\\d{2})(?![\\d]|[./-]\\d)";
        String yearWord = "(?:[ \\u00A0]?(?:года|году|г\\.(?![ \\u00A0]?р)|г(?![\\p{L}.])))?";
        this.dateThenMarker = new WordGuardedPattern(markers, Pattern.compile(
                "(?iu)(?<![\\d.,/-])" + date + "[ \\u00A0]*" + markers.regex()), 0);
        this.wordThenDate = new WordGuardedPattern(words, Pattern.compile(
                "(?iu)(" + words.regex() + "[^\\d\\n!?;.,]{0,25}?)(?<![\\d.,/-])(" + date + yearWord + ")"), 2);
        this.verbThenDate = new WordGuardedPattern(verbs, Pattern.compile(
                "(?iu)(" + verbs.regex() + "[ \\u00A0]+(?:в[ \\u00A0]+)?)(" + date + yearWord + ")"), 2);
    }

    /**
     * @param lower the message in lower case ({@link WordList#normalize}), for the cheap look for birth words; it may
     *              be the text before earlier maskers replaced anything
     */
    String mask(String text, String lower) {
        if (!hasDateOrYear(text)) {
            return text;
        }
        String masked = dateThenMarker.mask(text, lower, PLACEHOLDER);
        masked = wordThenDate.mask(masked, lower, PLACEHOLDER);
        return verbThenDate.mask(masked, lower, PLACEHOLDER);
    }

    /** A run of four digits starting 19 or 20, or one or two digits followed by «.», «/», «-» and a digit. */
    private static boolean hasDateOrYear(String text) {
        for (int i = TextMasking.nextDigit(text, 0); i >= 0; ) {
            int end = TextMasking.endOfDigits(text, i);
            int length = end - i;
            if (length == 4 && (text.startsWith("19", i) || text.startsWith("20", i))) {
                return true;
            }
            if (length <= 2 && end + 1 < text.length() && ".-/".indexOf(text.charAt(end)) >= 0
                    && TextMasking.isDigit(text.charAt(end + 1))) {
                return true;
            }
            i = TextMasking.nextDigit(text, end);
        }
        return false;
    }
}
