package ru.tsur.pulse.classify;

/**
 * Several heads over the same hashed features laid out as one head, so a message is scored by all of them
 * in one pass: per bucket, one row holding every head's entries (label and quantised weight in one
 * {@code short} when all labels together fit in a byte, else in an {@code int}). Scoring is bound by
 * memory, not arithmetic — a text's few hundred buckets are scattered over megabytes of rows — so one row
 * lookup per bucket instead of one per head, and half-width entries, is what makes it fast. Gives exactly
 * the scores {@link LinearModel#scores} gives for each head. Immutable and thread-safe.
 */
final class MergedHeads {

    private final LinearModel[] heads;
    /** Where each head's labels start in the merged label space. */
    private final int[] labelOffset;
    private final int labelCount;
    private final int[] rowStart;
    private final short[] narrow;
    private final int[] wide;

    MergedHeads(LinearModel... heads) {
        this.heads = heads.clone();
        labelOffset = new int[heads.length + 1];
        int buckets = heads[0].buckets();
        for (int head = 0; head < heads.length; head++) {
            if (heads[head].buckets() != buckets) {
                throw new IllegalArgumentException("Heads to merge must read the same feature space");
            }
            labelOffset[head + 1] = labelOffset[head] + heads[head].labels().size();
        }
        labelCount = labelOffset[heads.length];
        int total = 0;
        for (LinearModel head : heads) {
            total += head.weightCount();
        }
        boolean fitsShort = labelCount <= 256;
        short[] narrowEntries = fitsShort ? new short[total] : null;
        int[] wideEntries = fitsShort ? null : new int[total];
        rowStart = new int[buckets + 1];
        int entry = 0;
        for (int bucket = 0; bucket < buckets; bucket++) {
            rowStart[bucket] = entry;
            for (int head = 0; head < heads.length; head++) {
                int[] packed = heads[head].packed();
                int[] headRows = heads[head].rowStart();
                for (int source = headRows[bucket]; source < headRows[bucket + 1]; source++) {
                    int label = (packed[source] >>> 8) + labelOffset[head];
                    int weight = packed[source] & 0xFF;
                    if (fitsShort) {
                        narrowEntries[entry++] = (short) (label << 8 | weight);
                    } else {
                        wideEntries[entry++] = label << 8 | weight;
                    }
                }
            }
        }
        rowStart[buckets] = entry;
        narrow = narrowEntries;
        wide = wideEntries;
    }

    /** Raw scores of every head: {@code result[h]} is what {@code heads[h].scores(features)} returns. */
    float[][] scores(SparseVector features) {
        float[] sums = new float[labelCount];
        int[] indices = features.indices();
        float[] values = features.values();
        if (narrow != null) {
            for (int feature = 0; feature < indices.length; feature++) {
                int bucket = indices[feature];
                float value = values[feature];
                for (int entry = rowStart[bucket], end = rowStart[bucket + 1]; entry < end; entry++) {
                    int cell = narrow[entry] & 0xFFFF;
                    sums[cell >>> 8] += (byte) cell * value;
                }
            }
        } else {
            for (int feature = 0; feature < indices.length; feature++) {
                int bucket = indices[feature];
                float value = values[feature];
                for (int entry = rowStart[bucket], end = rowStart[bucket + 1]; entry < end; entry++) {
                    int cell = wide[entry];
                    sums[cell >>> 8] += (byte) cell * value;
                }
            }
        }
        float[][] scores = new float[heads.length][];
        for (int head = 0; head < heads.length; head++) {
            scores[head] = heads[head].finish(sums, labelOffset[head]);
        }
        return scores;
    }
}
