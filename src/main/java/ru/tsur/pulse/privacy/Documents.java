package ru.tsur.pulse.privacy;

import java.util.regex.Pattern;

/**
 * Masks identity-document numbers as {@value #PLACEHOLDER}: after their word (up to 40 characters without digits
 * in between) a passport series and number («паспорт 38 04 123456», «серия 3804 номер 123456», «загранпаспорт
 * 75 1234567»), an insurance number («СНИЛС 123-456-789 01», 11 digits grouped or not), a taxpayer number («ИНН»,
 * 10 or 12 digits) and a medical policy number («полис ОМС», «ЕНП», 16 digits grouped or not); anywhere, the
 * shapes no other number has: «123-456-789 01» (SNILS) and «38 04 123456» / «3804 123456» (passport,
 * also a driving licence).
 *
 * <p>Why: these numbers identify a person in every state register. The word stays visible («паспорт [документ]»)
 * so the operator still sees what the resident sent. The words are in {@code privacy/passport-words.txt},
 * {@code snils-words.txt}, {@code inn-words.txt} and {@code medical-policy-words.txt}.
 */
final class Documents {

    static final String PLACEHOLDER = "[документ]";

    private static final String SPACE = "[ \\u00A0]";
    /**
     * Between a word and its number: up to 40 characters, no digits, no «!» or «?»; a line break may stand there
     * («Полис обязательного страхования», line break, «4650…»: residents often type their data as a form).
     */
    private static final String GAP = "[^\\d!?]{0,40}?";
    private static final String PASSPORT_NUMBER = "\\d{2}" + SPACE + "?\\d{2}" + SPACE + "*,?" + SPACE
            + "*(?:(?:№|N|номер|ном\\.|н\\.)" + SPACE + "*)?\\d{6}" + "|\\d{2}" + SPACE + "?\\d{7}";
    /**
     * SNILS «123-456-789 01» and passport «38 04 123456» / «3804 № 123456», in any text; a passport shape followed
     * by a further group of digits is part of something longer («3782 822463 10005» is a card).
     */
    private static final Pattern SHAPES = Pattern.compile(
            "(?<![\\d\\-])\\d{3}-\\d{3}-\\d{3}[- \\u00A0]\\d{2}(?![\\d\\-])"
                    + "|(?<![\\d\\-+])(?:\\d{2}" + SPACE + "\\d{2}|\\d{4})" + SPACE + "(?:№" + SPACE + "*)?\\d{6}"
                    + "(?![\\d\\-]|" + SPACE + "\\d)");

    private final WordGuardedPattern passport;
    private final WordGuardedPattern snils;
    private final WordGuardedPattern inn;
    private final WordGuardedPattern medicalPolicy;

    Documents(WordList passportWords, WordList snilsWords, WordList innWords, WordList medicalPolicyWords) {
        this.passport = afterWords(passportWords, PASSPORT_NUMBER);
        this.snils = afterWords(snilsWords, "\\d{3}[- \\u00A0]?\\d{3}[- \\u00A0]?\\d{3}[- \\u00A0]?\\d{2}");
        this.inn = afterWords(innWords, "\\d{12}|\\d{10}");
        this.medicalPolicy = afterWords(medicalPolicyWords, "\\d(?:[- \\u00A0]?\\d){15}");
    }

    /** A word of the list and what follows it up to the number, then the number, which is masked. */
    private static WordGuardedPattern afterWords(WordList words, String number) {
        return new WordGuardedPattern(words,
                Pattern.compile("(?iu)(" + words.regex() + GAP + ")(?<!\\d)(" + number + ")(?!\\d)"), 2);
    }

    /**
     * @param digits how many digits the text holds (at most)
     * @param lower  the message in lower case ({@link WordList#normalize}), for the cheap look for document words
     */
    String mask(String text, int digits, String lower) {
        String masked = text;
        if (digits >= 9) {
            masked = passport.mask(masked, lower, PLACEHOLDER);
            masked = snils.mask(masked, lower, PLACEHOLDER);
            masked = inn.mask(masked, lower, PLACEHOLDER);
            masked = medicalPolicy.mask(masked, lower, PLACEHOLDER);
        }
        return TextMasking.replaceInNumberIslands(SHAPES, masked, 10, PLACEHOLDER, TextMasking.ANY_MATCH);
    }
}
