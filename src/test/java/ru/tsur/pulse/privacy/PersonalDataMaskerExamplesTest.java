package ru.tsur.pulse.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the masker against the hand-written examples of {@code privacy/masking-examples.tsv}: each whole output,
 * and the span-level precision and recall over all of them (the figures the README quotes).
 *
 * <p>A masked span counts as correct only when it covers exactly a span the examples annotate, with the same
 * placeholder; any other masked span is over-masking, any annotated span not masked exactly is a miss.
 */
class PersonalDataMaskerExamplesTest {

    private static final PersonalDataMasker MASKER = new PersonalDataMasker();

    static List<MaskingExamples.Example> examples() {
        return MaskingExamples.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void wholeOutputIsAsWritten(MaskingExamples.Example example) {
        assertThat(MASKER.mask(example.input())).isEqualTo(example.asserted());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void maskingTwiceChangesNothingMore(MaskingExamples.Example example) {
        String once = MASKER.mask(example.input());
        assertThat(MASKER.mask(once)).isEqualTo(once);
    }

    @Test
    void thereAreEnoughExamplesOfBothSorts() {
        List<MaskingExamples.Example> examples = examples();
        long unchanged = examples.stream().filter(e -> e.expected().equals(e.input())).count();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(150);
        assertThat(unchanged).as("examples that must stay as they are").isGreaterThanOrEqualTo(50);
        assertThat(examples.size() - unchanged).as("examples with personal data").isGreaterThanOrEqualTo(100);
    }

    @Test
    void spanPrecisionAndRecallAreHigh() {
        List<MaskingExamples.Example> examples = examples();
        Map<String, int[]> byKind = new TreeMap<>(); // placeholder → {correct, missed, over-masked}
        for (MaskingExamples.Example example : examples) {
            List<Set<MaskingExamples.Span>> readings =
                    MaskingExamples.closestReadings(example.input(), example.expected(), MASKER.mask(example.input()));
            Set<MaskingExamples.Span> expected = readings.get(0);
            Set<MaskingExamples.Span> masked = readings.get(1);
            for (MaskingExamples.Span span : masked) {
                byKind.computeIfAbsent(span.placeholder(), k -> new int[3])[expected.contains(span) ? 0 : 2]++;
            }
            for (MaskingExamples.Span span : expected) {
                if (!masked.contains(span)) {
                    byKind.computeIfAbsent(span.placeholder(), k -> new int[3])[1]++;
                }
            }
        }
        int[] total = new int[3];
        System.out.printf("Masking examples: %d texts (%d must stay unchanged)%n", examples.size(),
                examples.stream().filter(e -> e.expected().equals(e.input())).count());
        System.out.printf("%-17s %8s %7s %12s %10s %7s%n", "kind", "correct", "missed", "over-masked", "precision",
                "recall");
        for (Map.Entry<String, int[]> kind : byKind.entrySet()) {
            int[] c = kind.getValue();
            print(kind.getKey(), c);
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        }
        print("all", total);
        double precision = precision(total);
        double recall = recall(total);
        assertThat(total[0] + total[1]).as("annotated spans").isGreaterThanOrEqualTo(150);
        assertThat(precision).as("span precision").isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("span recall").isGreaterThanOrEqualTo(0.95);
    }

    private static void print(String kind, int[] c) {
        System.out.printf("%-17s %8d %7d %12d %10.3f %7.3f%n", kind, c[0], c[1], c[2], precision(c), recall(c));
    }

    private static double precision(int[] c) {
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }

    private static double recall(int[] c) {
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }
}
