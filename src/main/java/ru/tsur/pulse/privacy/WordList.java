package ru.tsur.pulse.privacy;

import ru.tsur.pulse.normalize.TextNormalizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One word list of the masker, read from {@code privacy/<name>.txt} on the classpath: UTF-8, one entry a line,
 * {@code #} starts a comment, blank lines are skipped. An entry ending in {@code *} is a stem (any word that
 * starts with it); any other entry is a whole word or phrase. Entries are kept normalized (lower case, «ё» as «е»).
 *
 * <p>Why: the lists (first names, endings, context words, words that are never names…) are what people tune when
 * the masker misses something or masks too much; in text files they can be read and edited without touching the
 * code. Each shipped list is read once per process and shared (the masker is built at startup).
 */
final class WordList {

    private static final String FOLDER = "privacy/";
    private static final Map<String, WordList> SHIPPED = new ConcurrentHashMap<>();

    private final String name;
    private final Set<String> words;
    private final String[] stems;
    private final List<String> entries;
    private final int longestEntry;

    private WordList(String name, List<String> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        int longest = 0;
        for (String entry : entries) {
            if (entry.endsWith("*")) {
                prefixes.add(entry.substring(0, entry.length() - 1));
            } else {
                exact.add(entry);
            }
            longest = Math.max(longest, entry.length());
        }
        this.words = Set.copyOf(exact);
        this.stems = prefixes.toArray(String[]::new);
        this.longestEntry = longest;
    }

    /** The shipped list {@code privacy/<name>.txt}, read on first use and kept for the life of the process. */
    static WordList shipped(String name) {
        return SHIPPED.computeIfAbsent(name, WordList::read);
    }

    /** A list from the given lines (same format as the files); for tests and callers with their own lists. */
    static WordList of(String name, List<String> lines) {
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            String entry = entry(line);
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return new WordList(name, entries);
    }

    /** An empty list: matches nothing. */
    static WordList none(String name) {
        return new WordList(name, List.of());
    }

    private static WordList read(String name) {
        String resource = FOLDER + name + ".txt";
        InputStream in = WordList.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Word list " + resource + " is not on the classpath");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Word list " + resource + " cannot be read", e);
        }
        WordList list = of(resource, lines);
        if (list.entries.isEmpty()) {
            throw new IllegalStateException("Word list " + resource + " has no entries");
        }
        return list;
    }

    private static String entry(String line) {
        int comment = line.indexOf('#');
        String entry = comment >= 0 ? line.substring(0, comment) : line;
        return normalize(entry.strip());
    }

    /**
     * Lower case and «ё» as «е», character for character, so every offset of the result is the offset of the same
     * letter in {@code text} (which {@link String#toLowerCase} does not promise). Runs on every message, hence the
     * plain loop: Latin and Cyrillic capitals are shifted directly.
     */
    static String normalize(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'А' && c <= 'Я')) {
                c = (char) (c + 32);
            } else if (c >= 128) {
                c = TextNormalizer.fold(c);
            }
            out[i] = c;
        }
        return new String(out);
    }

    String name() {
        return name;
    }

    /** Every entry as written (normalized), stems still with their {@code *}. */
    List<String> entries() {
        return entries;
    }

    /** Whole-word entries only (no stems). */
    Set<String> words() {
        return words;
    }

    /** Length of the longest entry (for suffix lists: the longest suffix worth trying). */
    int longestEntry() {
        return longestEntry;
    }

    /** Whether the normalized {@code word} is a whole-word entry or starts with a stem. */
    boolean matches(String word) {
        return words.contains(word) || startsWithStem(word);
    }

    /** Whether the normalized {@code word} is a whole-word entry. */
    boolean containsWord(String word) {
        return words.contains(word);
    }

    /** Whether the normalized {@code word} starts with one of the stems. */
    boolean startsWithStem(String word) {
        for (String stem : stems) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of the last 1..{@link #longestEntry()} characters of {@code word}, leaving at least two in
     * front, is an entry: for lists of endings («ов», «овна», «ский»…).
     */
    boolean endsWord(String word) {
        int length = word.length();
        for (int k = 1; k <= longestEntry && k <= length - 2; k++) {
            if (words.contains(word.substring(length - k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether some entry occurs in {@code normalizedText} at the start of a word (a whole-word entry also ends
     * at a word end). A cheap guard before the regular expressions run.
     */
    boolean occursIn(String normalizedText) {
        for (String entry : entries) {
            boolean stem = entry.endsWith("*");
            String needle = stem ? entry.substring(0, entry.length() - 1) : entry;
            for (int at = normalizedText.indexOf(needle); at >= 0; at = normalizedText.indexOf(needle, at + 1)) {
                boolean startsWord = at == 0 || !Character.isLetter(normalizedText.charAt(at - 1))
                        || !Character.isLetter(needle.charAt(0));
                int end = at + needle.length();
                boolean endsWord = stem || end == normalizedText.length() || !Character.isLetter(normalizedText.charAt(end))
                        || !Character.isLetter(needle.charAt(needle.length() - 1));
                if (startsWord && endsWord) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a whole-word entry stands in {@code text} right before {@code end}, not glued to a letter in front;
     * compared ignoring case and «ё»/«е», without copying the text. A space in an entry stands for one space (the
     * normalizer folds runs of spaces before the masker runs).
     */
    boolean endsAt(String text, int end) {
        for (String entry : words) {
            int start = end - entry.length();
            if (start < 0 || (start > 0 && Character.isLetter(text.charAt(start - 1)))) {
                continue;
            }
            int i = 0;
            while (i < entry.length() && fold(text.charAt(start + i)) == entry.charAt(i)) {
                i++;
            }
            if (i == entry.length()) {
                return true;
            }
        }
        return false;
    }

    private static char fold(char c) {
        return c == '\u00A0' ? ' ' : TextNormalizer.fold(c);
    }

    /**
     * The entries as one regular-expression alternation (no flags, no group), longest first, for use inside a
     * case-insensitive pattern: a space stands for one or more spaces, «е» also matches «ё», a stem is followed
     * by any further letters; an entry that starts (ends) with a letter must not touch a letter before (after).
     */
    String regex() {
        List<String> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder out = new StringBuilder("(?:");
        for (int i = 0; i < sorted.size(); i++) {
            String entry = sorted.get(i);
            boolean stem = entry.endsWith("*");
            String text = stem ? entry.substring(0, entry.length() - 1) : entry;
            if (i > 0) {
                out.append('|');
            }
            if (Character.isLetter(text.charAt(0))) {
                out.append("(?<!\\p{L})");
            }
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == ' ') {
                    out.append("[ \\u00A0]+");
                } else if (c == 'е') {
                    out.append("[её]");
                } else if (Character.isLetterOrDigit(c)) {
                    out.append(c);
                } else {
                    out.append('\\').append(c); // punctuation («/», «.», «№») taken literally
                }
            }
            if (stem) {
                out.append("\\p{L}*");
            } else if (Character.isLetter(text.charAt(text.length() - 1))) {
                out.append("(?!\\p{L})");
            }
        }
        return out.append(')').toString();
    }
}
