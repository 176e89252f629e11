package ru.tsur.pulse.privacy;

/**
 * Masks payment card numbers as {@value #PLACEHOLDER}: a run of 13 to 19 digits that passes the Luhn check,
 * written in one piece («4276160012345675») or split by single spaces or hyphens into a group of four and groups
 * of 3 to 7 digits, as cards are printed («4276 1600 1234 5675», «2202-2012-3456-7895», «3782 822463 10005»).
 *
 * <p>Why: residents write their card number when they ask for a refund, and a card number is enough to take
 * money. Every card number carries a Luhn check digit, so nine in ten random digit runs of that length (contract,
 * meter and order numbers) fail it and stay. Other groupings never make a card: not a phone «8 921 555 12 34»
 * followed by another number, not two case numbers «1553849 2012937», not runs of years «2018 2019 2020 2021».
 * Runs after {@link BankAccounts} (20-digit accounts are longer than any card anyway) and {@link Documents}
 * (a 16-digit medical policy number after «полис» is a document even when it passes Luhn by chance).
 */
final class CardNumbers {

    static final String PLACEHOLDER = "[карта]";

    private static final int MAX_GROUPS = 8;

    String mask(String text, int digits) {
        if (digits < 13) {
            return text;
        }
        int n = text.length();
        int[] groupEnds = null;
        StringBuilder out = null;
        int last = 0;
        int i = 0;
        while (i < n) {
            if (!TextMasking.isDigit(text.charAt(i)) || !freeBefore(text, i)) {
                i++;
                continue;
            }
            if (groupEnds == null) {
                groupEnds = new int[MAX_GROUPS];
            }
            int groups = readGroups(text, i, groupEnds);
            int end = groupEnds[groups - 1];
            int cardEnd = -1;
            if (freeAfter(text, end) && isCard(text, i, groupEnds, groups)) {
                cardEnd = end;
            } else if (groups > 4 && isCard(text, i, groupEnds, 4) && allFourDigits(text, i, groupEnds, 4)) {
                cardEnd = groupEnds[3]; // «4276 1600 1234 5675 1500 руб.»: the card, then an amount
            }
            if (cardEnd >= 0) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, last, i).append(PLACEHOLDER);
                last = cardEnd;
                i = cardEnd;
            } else {
                i = end;
            }
        }
        return TextMasking.finish(text, out, last);
    }

    /** Reads digit groups joined by one space, no-break space or hyphen; fills the end of each; returns how many. */
    private static int readGroups(String text, int start, int[] groupEnds) {
        int n = text.length();
        int groups = 0;
        int j = start;
        while (true) {
            while (j < n && TextMasking.isDigit(text.charAt(j))) {
                j++;
            }
            groupEnds[groups++] = j;
            if (groups == MAX_GROUPS || j + 1 >= n || !TextMasking.isDigit(text.charAt(j + 1))) {
                return groups;
            }
            char separator = text.charAt(j);
            if (separator != ' ' && separator != '\u00A0' && separator != '-') {
                return groups;
            }
            j++;
        }
    }

    private static boolean isCard(String text, int start, int[] groupEnds, int groups) {
        int digits = 0;
        int groupStart = start;
        boolean allYears = groups > 1;
        for (int g = 0; g < groups; g++) {
            int length = groupEnds[g] - groupStart;
            if (groups > 1 && (g == 0 ? length != 4 : length < 3 || length > 7)) {
                return false;
            }
            allYears &= length == 4 && (text.startsWith("19", groupStart) || text.startsWith("20", groupStart));
            digits += length;
            groupStart = groupEnds[g] + 1;
        }
        return digits >= 13 && digits <= 19 && !allYears && passesLuhn(text, start, groupEnds[groups - 1]);
    }

    private static boolean allFourDigits(String text, int start, int[] groupEnds, int groups) {
        int groupStart = start;
        for (int g = 0; g < groups; g++) {
            if (groupEnds[g] - groupStart != 4) {
                return false;
            }
            groupStart = groupEnds[g] + 1;
        }
        return true;
    }

    /** Luhn (ISO/IEC 7812): from the right, every second digit doubled (minus 9 above 9); the sum ends in 0. */
    static boolean passesLuhn(String text, int start, int end) {
        int sum = 0;
        boolean doubled = false;
        for (int k = end - 1; k >= start; k--) {
            char c = text.charAt(k);
            if (!TextMasking.isDigit(c)) {
                continue;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** Not glued to a word, a «+», a decimal point or another number. */
    private static boolean freeBefore(String text, int i) {
        if (i == 0) {
            return true;
        }
        char c = text.charAt(i - 1);
        return !Character.isLetterOrDigit(c) && c != '+' && c != '.' && c != ',' && c != '-' && c != '/' && c != ':'
                && c != '*';
    }

    private static boolean freeAfter(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        if (Character.isLetterOrDigit(c) || c == '/' || c == ':') {
            return false;
        }
        return !((c == '.' || c == ',' || c == '-') && end + 1 < text.length()
                && TextMasking.isDigit(text.charAt(end + 1)));
    }
}
