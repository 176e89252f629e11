package ru.tsur.pulse.privacy;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers as {@value #PLACEHOLDER}: +7/8/7 followed by exactly ten digits in any usual grouping
 * («+7 921 000-00-00», «8(4712)51-23-45», «89211234567», «+7(921)1234567», «8-800-555-35-35», «8.921.555.12.34»),
 * other international numbers («+375 29 123-45-67»), ten-digit mobiles without prefix («921 123-45-67»,
 * «921.555.12.34»), a city number with its area code in brackets («(812) 555-12-34»), city numbers «123-45-67»
 * always and «51-23-45» unless it reads as a date (dd-mm-yy) with no phone or number word before it, and
 * «51 23 45» / «555.12.34» / «512345» right after a phone word («тел.», «телефон», «звоните», «WhatsApp»…).
 *
 * <p>Why: a phone number reaches the writer directly. Dates, sums, house numbers and case numbers must stay, so
 * short numbers count only with a phone word before them, and not when a word such as «заявка» or «№» stands in
 * between. The words are in {@code privacy/phone-words.txt}, {@code phone-number-words.txt} and
 * {@code not-phone-number-words.txt}. Patterns run only near digits: text without a run of five or more digits
 * costs a character scan.
 */
final class PhoneNumbers {

    static final String PLACEHOLDER = "[телефон]";

    private static final String SPACE = "[ \\u00A0]";
    private static final String SEPARATOR = "[ \\u00A0\\-()]";
    private static final String GROUP_SEPARATOR = "[ \\u00A0\\-]";
    private static final String NOT_MONEY = "(?!" + SPACE + "*(?:руб|р\\.|₽|тыс|млн|млрд|коп|%|г\\.|год))";

    /**
     * Every shape of number that is a phone by itself, as one alternation (one scan). Dots count as separators
     * only in the full mobile grouping «(8.)921.555.12.34»: a standard's number «СП 82.13330.2016» or a sum
     * «1.500.000» has other groups.
     */
    private static final Pattern SHAPES = Pattern.compile(
            "(?<phone>(?<![\\d+\\p{L}])(?:\\+" + SPACE + "?7|8|7(?=[ \\u00A0\\-]?\\(?9))(?:" + SEPARATOR + "{0,3}\\d){10}"
                    + "(?!\\d)" + NOT_MONEY
                    + "|(?<![\\d+\\p{L}])\\+" + SPACE + "?(?!7)\\d{1,3}(?:" + SEPARATOR + "{0,3}\\d){7,12}(?!\\d)"
                    + "|(?<![\\d+\\-\\p{L}.])(?:(?:\\+" + SPACE + "?7|8)[ \\u00A0.]?)?9\\d{2}\\.\\d{3}\\.\\d{2}\\.\\d{2}"
                    + "(?!\\d|\\.\\d)"
                    + "|(?<![\\d+\\-\\p{L}])(?:\\((?:\\d{3}\\)" + SPACE + "?\\d{3}|\\d{4}\\)" + SPACE + "?\\d{2}"
                    + "|\\d{5}\\)" + SPACE + "?\\d)|9\\d{2}" + GROUP_SEPARATOR + "?\\d{3})"
                    + GROUP_SEPARATOR + "?\\d{2}" + GROUP_SEPARATOR + "?\\d{2}(?![\\d\\-])" + NOT_MONEY + ")"
                    + "|(?<local>(?<![\\d\\-.,:/+])(?<!№[ \\u00A0]{0,2})(?<la>\\d{2,3})-(?<lb>\\d{2})-\\d{2}(?![\\d\\-]))");

    private final WordList notPhoneNumberWords;
    /** Lower-case needles to look for before trying {@link #afterWord} (the entries without their «*»). */
    private final String[] phoneWordNeedles;
    /** A phone word, then (no other digits in between) «51 23 45», «555.12.34» or «512345»: group 2 is masked. */
    private final Pattern afterWord;
    private final Pattern phoneOrNumberWord;

    PhoneNumbers(WordList phoneWords, WordList numberWords, WordList notPhoneNumberWords) {
        this.notPhoneNumberWords = notPhoneNumberWords;
        this.phoneWordNeedles = phoneWords.entries().stream()
                .map(entry -> entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry)
                .toArray(String[]::new);
        this.afterWord = Pattern.compile("(?iu)(" + phoneWords.regex() + "[^\\d\\n]{0,20}?)(?<![\\d\\-])"
                + "(\\d{2,3}[ \\u00A0.]\\d{2}[ \\u00A0.]\\d{2}|\\d{5,7})(?![\\d\\-]|\\.\\d)" + NOT_MONEY);
        this.phoneOrNumberWord = Pattern.compile("(?iu)" + phoneWords.regex() + "|" + numberWords.regex());
    }

    /**
     * @param lower {@code text} in lower case ({@link WordList#normalize}), offset for offset, or null to have it
     *              computed here when needed
     */
    String mask(String text, String lower) {
        String masked = text;
        if (hasShortNumber(masked)) {
            masked = maskAfterWords(masked, lower != null ? lower : WordList.normalize(masked));
        }
        return TextMasking.replaceInNumberIslands(SHAPES, masked, 6, PLACEHOLDER, this::notADate);
    }

    /** A city number «51-23-45» that reads as a date (dd-mm-yy) counts only with a phone or number word before it. */
    private boolean notADate(String text, Matcher match) {
        if (match.start("local") < 0 || match.group("la").length() != 2) {
            return true;
        }
        return !looksLikeDate(match.group("la"), match.group("lb")) || phoneOrNumberWordBefore(text, match.start());
    }

    private static boolean looksLikeDate(String day, String month) {
        int a = Integer.parseInt(day);
        int b = Integer.parseInt(month);
        return a >= 1 && a <= 31 && b >= 1 && b <= 12;
    }

    private boolean phoneOrNumberWordBefore(String text, int position) {
        Matcher word = phoneOrNumberWord.matcher(text);
        word.region(Math.max(0, position - 40), position);
        return word.find();
    }

    /**
     * {@link #afterWord} tried only where a phone word occurs ({@code indexOf} on the lower-case copy) instead of
     * at every position of the text.
     */
    private String maskAfterWords(String text, String lower) {
        Matcher match = null;
        int[] spans = null;
        int count = 0;
        for (String needle : phoneWordNeedles) {
            for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
                if (match == null) {
                    match = afterWord.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                match.region(at, text.length());
                if (!match.lookingAt() || !isPhoneAfterWord(text, lower, match)) {
                    continue;
                }
                if (spans == null) {
                    spans = new int[8];
                } else if (count * 2 == spans.length) {
                    spans = Arrays.copyOf(spans, spans.length * 2);
                }
                spans[count * 2] = match.start(2);
                spans[count * 2 + 1] = match.end(2);
                count++;
            }
        }
        if (count == 0) {
            return text;
        }
        sortSpans(spans, count);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (int a = 0; a < count; a++) {
            if (spans[a * 2] < last) {
                continue; // the same number found from two phone words
            }
            out.append(text, last, spans[a * 2]).append(PLACEHOLDER);
            last = spans[a * 2 + 1];
        }
        return out.append(text, last, text.length()).toString();
    }

    /** No «заявка», «№»… between the word and the number, and «12.03.21» is a date, not «555.12.34». */
    private boolean isPhoneAfterWord(String text, String lower, Matcher match) {
        if (notPhoneNumberWords.occursIn(lower.substring(match.start(1), match.end(1)))) {
            return false;
        }
        String number = match.group(2);
        return !(number.indexOf('.') == 2 && looksLikeDate(number.substring(0, 2), number.substring(3, 5)));
    }

    /** Sorts (start, end) pairs by start; the arrays are tiny, so insertion sort. */
    private static void sortSpans(int[] spans, int count) {
        for (int a = 1; a < count; a++) {
            int start = spans[a * 2];
            int end = spans[a * 2 + 1];
            int b = a - 1;
            while (b >= 0 && spans[b * 2] > start) {
                spans[(b + 1) * 2] = spans[b * 2];
                spans[(b + 1) * 2 + 1] = spans[b * 2 + 1];
                b--;
            }
            spans[(b + 1) * 2] = start;
            spans[(b + 1) * 2 + 1] = end;
        }
    }

    /** Whether some run of digits joined by single spaces, hyphens or dots has 5 to 9 digits («51 23 45», «512345»). */
    private static boolean hasShortNumber(String text) {
        int n = text.length();
        for (int i = TextMasking.nextDigit(text, 0); i >= 0; ) {
            int digits = 0;
            int j = i;
            while (j < n) {
                char c = text.charAt(j);
                if (TextMasking.isDigit(c)) {
                    digits++;
                    j++;
                } else if ((c == ' ' || c == '\u00A0' || c == '-' || c == '.') && j + 1 < n
                        && TextMasking.isDigit(text.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            if (digits >= 5 && digits <= 9) {
                return true;
            }
            i = TextMasking.nextDigit(text, j);
        }
        return false;
    }
}
