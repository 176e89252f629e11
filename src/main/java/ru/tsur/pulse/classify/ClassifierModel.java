package ru.tsur.pulse.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A region's trained classifier as shipped in its region pack ({@code model.bin}): the feature settings,
 * inverse document frequencies per bucket, a category head, a topic head, which category each topic
 * belongs to, and an executor head that also reads the place. Written and read as gzipped binary; deterministic (no timestamps inside).
 */
public final class ClassifierModel {

    private static final String MAGIC = "TSUR-PULSE-MODEL";
    private static final int VERSION = 1;

    private final String region;
    private final int bits;
    private final float[] idf;
    private final LinearModel categoryHead;
    private final LinearModel topicHead;
    private final Map<String, String> topicCategories;
    private final LinearModel executorHead;
    private final String description;
    /** The IDF as one-byte levels when they reproduce it exactly (null otherwise: then the floats serve). */
    private final IdfLevels idfLevels;

    public ClassifierModel(String region, int bits, float[] idf, LinearModel categoryHead, LinearModel topicHead,
                           Map<String, String> topicCategories, LinearModel executorHead, String description) {
        this(region, bits, idf, idfStep(idf), categoryHead, topicHead, topicCategories, executorHead, description);
    }

    private ClassifierModel(String region, int bits, float[] idf, float idfStep, LinearModel categoryHead,
                            LinearModel topicHead, Map<String, String> topicCategories, LinearModel executorHead,
                            String description) {
        this.idfLevels = IdfLevels.of(idf, idfStep);
        this.region = region;
        this.bits = bits;
        this.idf = idf;
        this.categoryHead = categoryHead;
        this.topicHead = topicHead;
        this.topicCategories = Map.copyOf(topicCategories);
        this.executorHead = executorHead;
        this.description = description;
    }

    public String region() {
        return region;
    }

    public int bits() {
        return bits;
    }

    public float[] idf() {
        return idf;
    }

    /** May be null (see {@link IdfLevels#of}). */
    IdfLevels idfLevels() {
        return idfLevels;
    }

    public LinearModel categoryHead() {
        return categoryHead;
    }

    /** May be null when the training data had no topics. */
    public LinearModel topicHead() {
        return topicHead;
    }

    /** The category (id) each topic belongs to, by the majority of its training rows. */
    public Map<String, String> topicCategories() {
        return topicCategories;
    }

    /**
     * May be null. Reads the text features plus the message's place ({@link TextFeatures#withPlace}): the
     * body that acts depends on both («ямы» go to a city committee in Kursk, to a district administration
     * in a village).
     */
    public LinearModel executorHead() {
        return executorHead;
    }

    /** What it was trained on, with which settings. */
    public String description() {
        return description;
    }

    public void write(OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target, 1 << 16)));
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(region);
        out.writeUTF(description);
        out.writeInt(bits);
        float step = idfStep(idf);
        out.writeFloat(step);
        for (float value : idf) {
            out.writeByte(Math.round(value / step));
        }
        categoryHead.write(out);
        out.writeBoolean(topicHead != null);
        if (topicHead != null) {
            topicHead.write(out);
        }
        Map<String, String> sorted = new java.util.TreeMap<>(topicCategories);
        out.writeInt(sorted.size());
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeUTF(entry.getValue());
        }
        out.writeBoolean(executorHead != null);
        if (executorHead != null) {
            executorHead.write(out);
        }
        out.flush();
        out.close();
    }

    /** IDF values as the file keeps them (one unsigned byte each); training uses these so memory = file. */
    public static float[] quantiseIdf(float[] idf) {
        float step = idfStep(idf);
        float[] quantised = new float[idf.length];
        for (int bucket = 0; bucket < idf.length; bucket++) {
            quantised[bucket] = Math.round(idf[bucket] / step) * step;
        }
        return quantised;
    }

    private static float idfStep(float[] idf) {
        float largest = 0;
        for (float value : idf) {
            largest = Math.max(largest, value);
        }
        return largest == 0 ? 1 : largest / 255f;
    }

    public static ClassifierModel read(InputStream source) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException("Not a TSUR Pulse model file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("Model file version " + version + " is not supported (expected " + VERSION + ")");
            }
            String region = in.readUTF();
            String description = in.readUTF();
            int bits = in.readInt();
            float step = in.readFloat();
            float[] idf = new float[1 << bits];
            for (int bucket = 0; bucket < idf.length; bucket++) {
                idf[bucket] = in.readUnsignedByte() * step;
            }
            LinearModel category = LinearModel.read(in);
            LinearModel topic = in.readBoolean() ? LinearModel.read(in) : null;
            int count = in.readInt();
            Map<String, String> topicCategories = new LinkedHashMap<>();
            for (int index = 0; index < count; index++) {
                topicCategories.put(in.readUTF(), in.readUTF());
            }
            LinearModel executor = in.readBoolean() ? LinearModel.read(in) : null;
            return new ClassifierModel(region, bits, idf, step, category, topic, topicCategories, executor, description);
        }
    }
}
