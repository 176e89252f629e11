package ru.tsur.pulse.classify;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heads merged into one layout score exactly as each head alone, with narrow entries (all labels fit a
 * byte) and wide ones (more than 256 labels together).
 */
class MergedHeadsTest {

    private static final int BUCKETS = 1 << 10;

    @Test
    void mergedScoresAreEachHeadsOwnScoresWithNarrowEntries() {
        assertMergedScoresEqualHeadScores(randomHead("category", 15, 1), randomHead("topic", 124, 2));
    }

    @Test
    void mergedScoresAreEachHeadsOwnScoresWithWideEntries() {
        assertMergedScoresEqualHeadScores(randomHead("category", 17, 3), randomHead("topic", 300, 4));
    }

    private static void assertMergedScoresEqualHeadScores(LinearModel first, LinearModel second) {
        MergedHeads merged = new MergedHeads(first, second);
        SplittableRandom random = new SplittableRandom(11);
        for (int text = 0; text < 200; text++) {
            int size = 1 + random.nextInt(60);
            int[] indices = random.ints(size, 0, BUCKETS).sorted().distinct().toArray();
            float[] values = new float[indices.length];
            for (int index = 0; index < values.length; index++) {
                values[index] = (float) random.nextDouble();
            }
            SparseVector vector = new SparseVector(indices, values);
            float[][] scores = merged.scores(vector);
            assertThat(scores[0]).isEqualTo(first.scores(vector));
            assertThat(scores[1]).isEqualTo(second.scores(vector));
        }
    }

    /** A head with a random sparse weight per (bucket, label), about one in eight present. */
    private static LinearModel randomHead(String name, int labelCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] labels = new String[labelCount];
        float[] bias = new float[labelCount];
        for (int label = 0; label < labelCount; label++) {
            labels[label] = name + label;
            bias[label] = (float) random.nextGaussian();
        }
        int[] rowStart = new int[BUCKETS + 1];
        java.util.List<Short> classes = new java.util.ArrayList<>();
        java.util.List<Float> weights = new java.util.ArrayList<>();
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            rowStart[bucket] = classes.size();
            for (int label = 0; label < labelCount; label++) {
                if (random.nextInt(8) == 0) {
                    classes.add((short) label);
                    weights.add(Math.round(random.nextGaussian() * 40) / 40f);
                }
            }
        }
        rowStart[BUCKETS] = classes.size();
        short[] classArray = new short[classes.size()];
        float[] weightArray = new float[weights.size()];
        for (int entry = 0; entry < classArray.length; entry++) {
            classArray[entry] = classes.get(entry);
            weightArray[entry] = weights.get(entry);
        }
        return new LinearModel(name, labels, bias, rowStart, classArray, weightArray, 1f);
    }
}
