package ru.tsur.pulse.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the hand-written examples in {@code src/test/resources/privacy/masking-examples.tsv} (format described at
 * the top of that file) and turns a masked text back into the spans of the original it replaced.
 *
 * <p>Why: one file holds both the whole-output examples and the span annotations for the precision and recall
 * figures — every placeholder in an expected output marks one span of the input with a kind — so the two can never
 * drift apart.
 */
final class MaskingExamples {

    static final String RESOURCE = "privacy/masking-examples.tsv";
    static final List<String> PLACEHOLDERS = List.of(PersonalDataMasker.PHONE, PersonalDataMasker.EMAIL,
            PersonalDataMasker.DOCUMENT, PersonalDataMasker.NAME, PersonalDataMasker.CARD, PersonalDataMasker.ACCOUNT,
            PersonalDataMasker.PROFILE, PersonalDataMasker.BIRTH_DATE);
    private static final String KNOWN = "known: ";

    /**
     * One example: {@code expected} is the right answer; {@code knownOutput}, when not null, is what the masker
     * gives today for a known limit.
     */
    record Example(int line, String input, String expected, String knownOutput) {

        /** What the whole-output test asserts: the known output for a known limit, else the expected one. */
        String asserted() {
            return knownOutput != null ? knownOutput : expected;
        }

        @Override
        public String toString() {
            return "line " + line + ": " + input.replace("\n", "\\n");
        }
    }

    /** A replaced span of the input: [start, end) and the placeholder that replaced it. */
    record Span(int start, int end, String placeholder) {
    }

    private MaskingExamples() {
    }

    static List<Example> load() {
        InputStream in = MaskingExamples.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test classpath");
        }
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length < 2 || columns.length > 3
                        || (columns.length == 3 && !columns[2].startsWith(KNOWN))) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected input<TAB>output"
                            + "[<TAB>known: output], got " + columns.length + " columns");
                }
                String input = unescape(columns[0]);
                String expected = columns[1].equals("=") ? input : unescape(columns[1]);
                String known = columns.length == 3 ? unescape(columns[2].substring(KNOWN.length())) : null;
                examples.add(new Example(number, input, expected, known));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    private static String unescape(String column) {
        return column.replace("\\n", "\n");
    }

    /**
     * The spans of {@code input} that {@code masked} replaced: the text between placeholders must stand in the
     * input in order; each placeholder covers what lies between (the shortest such cover, from left to right).
     */
    static List<Span> spans(String input, String masked) {
        List<String> placeholders = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        for (int at = nextPlaceholder(masked, 0); at >= 0; at = nextPlaceholder(masked, last)) {
            String placeholder = placeholderAt(masked, at);
            regex.append(Pattern.quote(masked.substring(last, at))).append("(.+?)");
            placeholders.add(placeholder);
            last = at + placeholder.length();
        }
        regex.append(Pattern.quote(masked.substring(last))).append('$');
        Matcher match = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(input);
        if (!match.matches()) {
            throw new IllegalArgumentException("«" + masked + "» is not a masked copy of «" + input + "»");
        }
        List<Span> spans = new ArrayList<>();
        for (int g = 1; g <= placeholders.size(); g++) {
            spans.add(new Span(match.start(g), match.end(g), placeholders.get(g - 1)));
        }
        return spans;
    }

    private static int nextPlaceholder(String masked, int from) {
        int best = -1;
        for (String placeholder : PLACEHOLDERS) {
            int at = masked.indexOf(placeholder, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }

    private static String placeholderAt(String masked, int at) {
        for (String placeholder : PLACEHOLDERS) {
            if (masked.startsWith(placeholder, at)) {
                return placeholder;
            }
        }
        throw new IllegalStateException("no placeholder at " + at);
    }
}
