package ru.tsur.pulse.privacy;

import java.util.regex.Pattern;

/**
 * Masks bank account numbers as {@value #PLACEHOLDER}: Russian 20-digit accounts after an account word
 * («р/с», «к/с», «счёт №», «расчётный счёт»), bare 20-digit runs that have an account's structure, a household's
 * personal account with a utility after «лицевой счёт» / «л/с» (6 to 20 digits), and IBANs («DE89 3704 0044 0532
 * 0130 00», «GB82WEST12345698765432») that pass the ISO 13616 mod-97 check.
 *
 * <p>Why: an account number is where a resident's money is; residents write theirs when they ask for a refund.
 *
 * <p>The rule for a bare 20-digit run (no account word before it): every Russian account number has 20 digits
 * laid out by the Bank of Russia's chart of accounts — digits 1–5 the balance account, 6–8 the currency code,
 * 9 a check key (computed with the bank's BIC, which the message seldom gives, so it cannot be verified here),
 * 10–20 the branch and the account itself. A run is taken for an account when it starts with 3 (interbank
 * accounts: 30101 is every bank's correspondent account) or 4 (clients' accounts: 401–409 settlement accounts,
 * 40817 a private person's, 423 deposits, 45x loans) and digits 6–8 are a currency code listed in
 * {@code privacy/bank-account-currencies.txt} (810 or 643 for the rouble). Other 20-digit identifiers a message
 * may hold — a fine's payment identifier (УИН, starting 188 or 0), a tracking or contract number — pass both
 * tests by chance about once in a thousand, so they stay for the operator; with an account word any 20 digits
 * are masked.
 */
final class BankAccounts {

    static final String PLACEHOLDER = "[счёт]";

    private static final String SPACE = "[ \\u00A0]";
    private static final String NOT_MONEY = "(?!" + SPACE + "*(?:руб|р\\.|₽|тыс|коп|%))";

    private final WordGuardedPattern accountAfterWord;
    private final WordGuardedPattern personalAccountAfterWord;
    private final Pattern bareAccount;

    BankAccounts(WordList accountWords, WordList personalAccountWords, WordList currencies) {
        this.accountAfterWord = new WordGuardedPattern(accountWords, Pattern.compile("(?iu)(" + accountWords.regex()
                + "[^\\d\\n!?]{0,30}?)(?<!\\d)(\\d(?:" + SPACE + "?\\d){19})(?!\\d)"), 2);
        this.personalAccountAfterWord = new WordGuardedPattern(personalAccountWords, Pattern.compile("(?iu)("
                + personalAccountWords.regex() + "[^\\d\\n!?]{0,30}?)(?<!\\d)(\\d{6,20})(?!\\d)" + NOT_MONEY), 2);
        this.bareAccount = Pattern.compile("(?<![\\d\\p{L}+\\-./,])[34]\\d{4}" + SPACE + "?"
                + "(?:" + String.join("|", currencies.words()) + ")"
                + SPACE + "?\\d" + SPACE + "?\\d{4}" + SPACE + "?\\d{7}(?![\\d\\p{L}])");
    }

    /**
     * @param digits how many digits the text holds (at most)
     * @param lower  the message in lower case ({@link WordList#normalize}), for the cheap look for account words
     */
    String mask(String text, int digits, String lower) {
        String masked = text;
        if (digits >= 6) {
            if (digits >= 20) {
                masked = accountAfterWord.mask(masked, lower, PLACEHOLDER);
            }
            masked = personalAccountAfterWord.mask(masked, lower, PLACEHOLDER);
        }
        if (digits >= 20) {
            masked = TextMasking.replaceInNumberIslands(bareAccount, masked, 20, PLACEHOLDER, TextMasking.ANY_MATCH);
        }
        if (digits >= 10) {
            masked = maskIbans(masked);
        }
        return masked;
    }

    // ------------------------------------------------------------------ IBAN

    /**
     * Finds «two capital Latin letters, two digits» not glued to a word, reads on letters and digits (single spaces
     * allowed between groups) and masks the longest prefix ending at a group boundary that is 15 to 34 characters
     * long and passes the mod-97 check; a hand-written scan, so nothing backtracks.
     */
    private static String maskIbans(String text) {
        StringBuilder out = null;
        int last = 0;
        int n = text.length();
        for (int i = 0; i + 4 <= n; i++) {
            if (!startsIban(text, i)) {
                continue;
            }
            int end = longestValidIban(text, i);
            if (end < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, last, i).append(PLACEHOLDER);
            last = end;
            i = end - 1;
        }
        return TextMasking.finish(text, out, last);
    }

    private static boolean startsIban(String text, int i) {
        return isCapitalLatin(text.charAt(i)) && isCapitalLatin(text.charAt(i + 1))
                && TextMasking.isDigit(text.charAt(i + 2)) && TextMasking.isDigit(text.charAt(i + 3))
                && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
    }

    /** End of the longest valid IBAN starting at {@code start}, or -1. */
    private static int longestValidIban(String text, int start) {
        int n = text.length();
        int best = -1;
        int characters = 0;
        int j = start;
        while (j < n && characters < 34) {
            char c = text.charAt(j);
            if (isCapitalLatin(c) || TextMasking.isDigit(c)) {
                characters++;
                j++;
                boolean groupEnds = j == n || !isCapitalLatin(text.charAt(j)) && !TextMasking.isDigit(text.charAt(j));
                if (groupEnds && characters >= 15 && (j == n || !Character.isLetterOrDigit(text.charAt(j)))
                        && passesMod97(text, start, j)) {
                    best = j;
                }
            } else if ((c == ' ' || c == '\u00A0') && j + 1 < n
                    && (isCapitalLatin(text.charAt(j + 1)) || TextMasking.isDigit(text.charAt(j + 1)))) {
                j++;
            } else {
                break;
            }
        }
        return best;
    }

    /** ISO 13616: the first four characters moved to the end, letters as 10..35, the number mod 97 must be 1. */
    static boolean passesMod97(String text, int start, int end) {
        int remainder = 0;
        int counted = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int k = start; k < end; k++) {
                char c = text.charAt(k);
                if (c == ' ' || c == '\u00A0') {
                    continue;
                }
                boolean head = counted < 4;
                counted++;
                if (head != (pass == 1)) {
                    continue;
                }
                int value = TextMasking.isDigit(c) ? c - '0' : c - 'A' + 10;
                remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
            }
            counted = 0;
        }
        return remainder == 1;
    }

    private static boolean isCapitalLatin(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
