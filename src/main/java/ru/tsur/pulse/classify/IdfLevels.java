package ru.tsur.pulse.classify;

/**
 * A model's inverse document frequencies as the model file keeps them: one unsigned byte per bucket and
 * the step a byte stands for. Serving reads these instead of the float array (a quarter of the memory,
 * read at a few hundred scattered buckets per message); {@link #of} makes them only when they give every
 * float back to the bit, so vectors do not change.
 */
record IdfLevels(byte[] levels, float step) {

    float at(int bucket) {
        return (levels[bucket] & 0xFF) * step;
    }

    /** The levels of {@code idf} at {@code step}, or null when some value is not a whole level of it. */
    static IdfLevels of(float[] idf, float step) {
        byte[] levels = new byte[idf.length];
        for (int bucket = 0; bucket < idf.length; bucket++) {
            int level = Math.round(idf[bucket] / step);
            if (level < 0 || level > 255 || level * step != idf[bucket]) {
                return null;
            }
            levels[bucket] = (byte) level;
        }
        return new IdfLevels(levels, step);
    }
}
