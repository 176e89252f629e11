package ru.tsur.pulse.classify;

import ru.tsur.pulse.domain.Classification.Candidate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One trained head (e.g. "category" or "topic"): a linear multiclass model over hashed features, stored
 * sparsely (compressed rows: per bucket the classes it has a weight for; weights quantised to one byte
 * in the file), whose scores become calibrated probabilities by a softmax at a fitted temperature.
 * Immutable and thread-safe.
 */
public final class LinearModel {

    private final String name;
    private final String[] labels;
    private final float[] bias;
    private final int[] rowStart;
    private final short[] classes;
    private final float[] weights;
    private final float temperature;
    /** Class and quantised weight of each entry in one int ({@code class << 8 | byte}), for cache-friendly scoring. */
    private final int[] packed;
    private final float step;

    LinearModel(String name, String[] labels, float[] bias, int[] rowStart, short[] classes, float[] weights,
                float temperature) {
        this.name = name;
        this.labels = labels;
        this.bias = bias;
        this.rowStart = rowStart;
        this.classes = classes;
        this.weights = weights;
        this.temperature = temperature;
        this.step = quantisationStep(weights, 0f);
        this.packed = new int[weights.length];
        for (int entry = 0; entry < weights.length; entry++) {
            packed[entry] = classes[entry] << 8 | (Math.round(weights[entry] / step) & 0xFF);
        }
    }

    public String name() {
        return name;
    }

    public List<String> labels() {
        return List.of(labels);
    }

    public float temperature() {
        return temperature;
    }

    public int weightCount() {
        return weights.length;
    }

    /** Raw scores (logits) per label. */
    public float[] scores(SparseVector features) {
        float[] sums = new float[bias.length];
        int[] indices = features.indices();
        float[] values = features.values();
        for (int feature = 0; feature < indices.length; feature++) {
            int bucket = indices[feature];
            float value = values[feature];
            for (int entry = rowStart[bucket], end = rowStart[bucket + 1]; entry < end; entry++) {
                int cell = packed[entry];
                sums[cell >>> 8] += (byte) cell * value;
            }
        }
        for (int label = 0; label < sums.length; label++) {
            sums[label] = sums[label] * step + bias[label];
        }
        return sums;
    }

    /** This head's scores from its unscaled weighted sums, read at {@code offset} of a merged sum array. */
    float[] finish(float[] mergedSums, int offset) {
        float[] scores = new float[bias.length];
        for (int label = 0; label < scores.length; label++) {
            scores[label] = mergedSums[offset + label] * step + bias[label];
        }
        return scores;
    }

    int buckets() {
        return rowStart.length - 1;
    }

    int[] rowStart() {
        return rowStart;
    }

    /** Entries as {@code label << 8 | quantised weight byte}, row by row. */
    int[] packed() {
        return packed;
    }

    /** Calibrated probabilities per label (softmax of scores / temperature). */
    public double[] probabilities(SparseVector features) {
        return softmax(scores(features), temperature);
    }

    /** {@link #probabilities} from scores already computed. */
    public double[] probabilities(float[] scores) {
        return softmax(scores, temperature);
    }

    /** The {@code count} most probable labels, most probable first. */
    public List<Candidate> top(double[] probabilities, int count) {
        List<Candidate> best = new ArrayList<>(count);
        boolean[] taken = new boolean[probabilities.length];
        for (int rank = 0; rank < Math.min(count, probabilities.length); rank++) {
            int winner = -1;
            for (int label = 0; label < probabilities.length; label++) {
                if (!taken[label] && (winner < 0 || probabilities[label] > probabilities[winner])) {
                    winner = label;
                }
            }
            taken[winner] = true;
            best.add(new Candidate(labels[winner], probabilities[winner]));
        }
        return best;
    }

    public int indexOf(String label) {
        for (int index = 0; index < labels.length; index++) {
            if (labels[index].equals(label)) {
                return index;
            }
        }
        return -1;
    }

    static double[] softmax(float[] scores, float temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float score : scores) {
            max = Math.max(max, score / temperature);
        }
        double[] probabilities = new double[scores.length];
        double sum = 0;
        for (int index = 0; index < scores.length; index++) {
            probabilities[index] = Math.exp(scores[index] / temperature - max);
            sum += probabilities[index];
        }
        for (int index = 0; index < scores.length; index++) {
            probabilities[index] /= sum;
        }
        return probabilities;
    }

    /** The same head with another temperature. */
    public LinearModel withTemperature(float newTemperature) {
        return new LinearModel(name, labels, bias, rowStart, classes, weights, newTemperature);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(name);
        out.writeInt(labels.length);
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeFloat(temperature);
        for (float value : bias) {
            out.writeFloat(value);
        }
        int buckets = rowStart.length - 1;
        out.writeInt(buckets);
        out.writeInt(weights.length);
        float step = quantisationStep(weights, 0f);
        out.writeFloat(step);
        int previousBucket = 0;
        for (int bucket = 0; bucket < buckets; bucket++) {
            int count = rowStart[bucket + 1] - rowStart[bucket];
            if (count == 0) {
                continue;
            }
            writeVarint(out, bucket - previousBucket);
            previousBucket = bucket;
            writeVarint(out, count);
            for (int entry = rowStart[bucket]; entry < rowStart[bucket + 1]; entry++) {
                writeVarint(out, classes[entry]);
                out.writeByte(Math.round(weights[entry] / step));
            }
        }
        writeVarint(out, Integer.MAX_VALUE >> 1);
    }

    static LinearModel read(DataInputStream in) throws IOException {
        String name = in.readUTF();
        String[] labels = new String[in.readInt()];
        for (int index = 0; index < labels.length; index++) {
            labels[index] = in.readUTF();
        }
        float temperature = in.readFloat();
        float[] bias = new float[labels.length];
        for (int index = 0; index < bias.length; index++) {
            bias[index] = in.readFloat();
        }
        int buckets = in.readInt();
        int total = in.readInt();
        float step = in.readFloat();
        int[] rowStart = new int[buckets + 1];
        short[] classes = new short[total];
        float[] weights = new float[total];
        int bucket = 0;
        int entry = 0;
        int lastFilled = 0;
        while (true) {
            int delta = readVarint(in);
            if (delta == Integer.MAX_VALUE >> 1) {
                break;
            }
            bucket += delta;
            for (int fill = lastFilled + 1; fill <= bucket; fill++) {
                rowStart[fill] = entry;
            }
            int count = readVarint(in);
            for (int index = 0; index < count; index++) {
                classes[entry] = (short) readVarint(in);
                weights[entry] = in.readByte() * step;
                entry++;
            }
            rowStart[bucket + 1] = entry;
            lastFilled = bucket + 1;
        }
        for (int fill = lastFilled + 1; fill <= buckets; fill++) {
            rowStart[fill] = entry;
        }
        if (entry != total) {
            throw new IOException("Model head " + name + " is truncated: " + entry + " of " + total + " weights");
        }
        return new LinearModel(name, labels, bias, rowStart, classes, weights, temperature);
    }

    /** The weight step of the one-byte quantisation: the largest magnitude kept maps to 127. */
    static float quantisationStep(float[] weights, float threshold) {
        float largest = 0;
        for (float weight : weights) {
            float magnitude = Math.abs(weight);
            if (magnitude > threshold) {
                largest = Math.max(largest, magnitude);
            }
        }
        return largest == 0 ? 1 : largest / Byte.MAX_VALUE;
    }

    static void writeVarint(DataOutputStream out, int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    static int readVarint(DataInputStream in) throws IOException {
        int value = 0;
        int shift = 0;
        while (true) {
            int part = in.readUnsignedByte();
            value |= (part & 0x7F) << shift;
            if ((part & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }
}
