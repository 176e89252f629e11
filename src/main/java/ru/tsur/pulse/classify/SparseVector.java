package ru.tsur.pulse.classify;

/**
 * A feature vector as parallel arrays of bucket indices and values (only non-zero entries).
 */
public record SparseVector(int[] indices, float[] values) {

    public int size() {
        return indices.length;
    }
}
