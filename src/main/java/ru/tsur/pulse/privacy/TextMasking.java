package ru.tsur.pulse.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small text routines the maskers share: replacing what a pattern finds, finding runs of digits, counting digits.
 *
 * <p>Why: every kind of personal data is masked the same way (a span of the text becomes a placeholder, the rest
 * is copied character for character) and most kinds start from digits; written once here, each masker keeps only
 * what is particular to its kind. Nothing here allocates unless something is replaced.
 */
final class TextMasking {

    /** Decides whether one match of a pattern is really personal data (a checksum, a neighbouring word…). */
    @FunctionalInterface
    interface MatchTest {
        boolean accept(String text, Matcher match);
    }

    /** Accepts every match. */
    static final MatchTest ANY_MATCH = (text, match) -> true;

    private TextMasking() {
    }

    /** Replaces {@code group} of every match of {@code pattern} with {@code placeholder}. */
    static String replace(Pattern pattern, int group, String text, String placeholder) {
        return replace(pattern, group, text, placeholder, ANY_MATCH);
    }

    /** Replaces {@code group} of every match that {@code test} accepts; the rest of the text stays as it is. */
    static String replace(Pattern pattern, int group, String text, String placeholder, MatchTest test) {
        Matcher match = pattern.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (match.find()) {
            if (match.start(group) < last || !test.accept(text, match)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, match.start(group)).append(placeholder);
            last = match.end(group);
        }
        return finish(text, out, last);
    }

    /** The text with what {@code out} holds up to {@code last}; the text itself when nothing was replaced. */
    static String finish(String text, StringBuilder out, int last) {
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Index of the first digit at or after {@code from}, or -1. */
    static int nextDigit(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isDigit(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Index just after the run of digits that starts at {@code from}. */
    static int endOfDigits(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static int countDigits(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    /**
     * The next "number island" at or after {@code from}: digits joined by at most three spaces, hyphens, dots,
     * brackets or «№», holding at least {@code minDigits} digits. Returned as {@code start << 32 | end} (end
     * exclusive, after the last digit), or -1 when there is none. Lets a masker run its patterns only near long
     * numbers, so ordinary text costs one character scan.
     */
    static long nextNumberIsland(String text, int from, int minDigits) {
        int n = text.length();
        int i = from;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            int digits = 0;
            int j = i;
            while (j < n) {
                char c = text.charAt(j);
                if (isDigit(c)) {
                    digits++;
                    end = ++j;
                } else if (j - end < 3 && (c == ' ' || c == '\u00A0' || c == '-' || c == '.' || c == '(' || c == ')'
                        || c == '№')) {
                    j++;
                } else {
                    break;
                }
            }
            if (digits >= minDigits) {
                return (long) start << 32 | end;
            }
            i = end;
        }
        return -1;
    }

    static int islandStart(long island) {
        return (int) (island >>> 32);
    }

    static int islandEnd(long island) {
        return (int) island;
    }

    /**
     * Runs {@code pattern} only over the number islands of {@code text} with at least {@code minDigits} digits
     * (each searched from three characters before it, for a leading «+» or bracket) and replaces whole matches
     * that {@code test} accepts with {@code placeholder}.
     */
    static String replaceInNumberIslands(Pattern pattern, String text, int minDigits, String placeholder,
                                         MatchTest test) {
        Matcher match = null;
        StringBuilder out = null;
        int last = 0;
        for (long island = nextNumberIsland(text, 0, minDigits); island >= 0;
             island = nextNumberIsland(text, islandEnd(island), minDigits)) {
            if (match == null) {
                match = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            match.region(Math.max(last, islandStart(island) - 3), islandEnd(island));
            while (match.find()) {
                if (!test.accept(text, match)) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, last, match.start()).append(placeholder);
                last = match.end();
            }
        }
        return finish(text, out, last);
    }
}
