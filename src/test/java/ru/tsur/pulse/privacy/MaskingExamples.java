package ru.tsur.pulse.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
     * Every way {@code masked} can be read as a masked copy of {@code input}: the text between placeholders must
     * stand in the input in order, each placeholder covers a non-empty stretch between. Usually there is exactly
     * one; «[телефон] [ФИО]» over «+7 999 123 45 67 Олег» has several (the space could follow «+7»).
     */
    static List<List<Span>> readings(String input, String masked) {
        List<String> literals = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        int last = 0;
        for (int at = nextPlaceholder(masked, 0); at >= 0; at = nextPlaceholder(masked, last)) {
            String placeholder = placeholderAt(masked, at);
            literals.add(masked.substring(last, at));
            placeholders.add(placeholder);
            last = at + placeholder.length();
        }
        literals.add(masked.substring(last));
        List<List<Span>> readings = new ArrayList<>();
        if (input.startsWith(literals.get(0))) {
            read(input, literals, placeholders, 0, literals.get(0).length(), new ArrayList<>(), readings);
        }
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("«" + masked + "» is not a masked copy of «" + input + "»");
        }
        return readings;
    }

    private static void read(String input, List<String> literals, List<String> placeholders, int index, int position,
                             List<Span> spans, List<List<Span>> readings) {
        if (index == placeholders.size()) {
            if (position == input.length()) {
                readings.add(List.copyOf(spans));
            }
            return;
        }
        String next = literals.get(index + 1);
        boolean lastPlaceholder = index + 1 == placeholders.size();
        for (int end = position + 1; end <= input.length() && readings.size() < 1000; end++) {
            boolean fits = lastPlaceholder ? end + next.length() == input.length() && input.endsWith(next)
                    : input.startsWith(next, end);
            if (fits) {
                spans.add(new Span(position, end, placeholders.get(index)));
                read(input, literals, placeholders, index + 1, end + next.length(), spans, readings);
                spans.remove(spans.size() - 1);
            }
        }
    }

    /**
     * The spans the expected and the actual output mark, read so that they agree as much as the two texts allow
     * (where a masked text can be read several ways, the text itself does not say which, so no reading is held
     * against the masker): element 0 the expected spans, element 1 the actual ones.
     */
    static List<Set<Span>> closestReadings(String input, String expected, String actual) {
        Set<Span> bestExpected = null;
        Set<Span> bestActual = null;
        int bestAgreement = -1;
        for (List<Span> e : readings(input, expected)) {
            Set<Span> expectedSpans = new HashSet<>(e);
            for (List<Span> a : readings(input, actual)) {
                int agreement = 0;
                for (Span span : a) {
                    agreement += expectedSpans.contains(span) ? 1 : 0;
                }
                if (agreement > bestAgreement) {
                    bestAgreement = agreement;
                    bestExpected = expectedSpans;
                    bestActual = new HashSet<>(a);
                }
            }
        }
        return List.of(bestExpected, bestActual);
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
