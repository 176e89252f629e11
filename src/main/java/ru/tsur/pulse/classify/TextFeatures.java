package ru.tsur.pulse.classify;

import org.tartarus.snowball.ext.RussianStemmer;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a message text into hashed features, identically for training and serving: HTML and entities
 * removed ({@link TextNormalizer}), portal masks ({@code XXXX}) dropped, lower case, «ё» as «е», numbers
 * folded to one token, Russian words stemmed with Snowball (Lucene's {@code RussianStemmer}). Two blocks
 * of features, each TF-IDF weighted (sublinear tf) and L2-normalized on its own, then added:
 * <ul>
 *   <li>words: stems, whole words (where the stem differs) and stem bigrams;</li>
 *   <li>characters: 2- to 5-grams inside each space-padded word (what survives typos and case endings).</li>
 * </ul>
 * Features are hashed (FNV-1a, then a 32-bit finaliser) into {@code 2^bits} buckets; no strings are
 * built for character n-grams. Thread-safe: scratch space is per thread.
 */
public final class TextFeatures {

    /** Stands for any run of digits. */
    static final String NUMBER_TOKEN = "0";

    private static final int SHORTEST_CHAR_GRAM = 2;
    private static final int LONGEST_CHAR_GRAM = 5;
    private static final int WORD_SEED = 0x2f6b1a3d;
    private static final int BIGRAM_SEED = 0x5bd1e995;
    private static final int RAW_WORD_SEED = 0x68e31da4;
    private static final int PLACE_SEED = 0x3c6ef372;
    private static final int DISTRICT_SEED = 0x510e527f;
    private static final int CHAR_SEED = 0x1b873593;

    private final TextNormalizer normalizer;
    private final int bits;
    private final int mask;
    private final ThreadLocal<Scratch> scratch;

    /** Stems remembered per thread before the memory is cleared (a region's vocabulary is far smaller). */
    private static final int STEM_CACHE_SIZE = 1 << 16;

    /**
     * Per-thread working memory: a stemmer with the stems it already computed (Snowball is the costliest
     * step per word, and words repeat), two accumulators, and the buffer {@link #weigh} sorts in.
     */
    private static final class Scratch {
        final RussianStemmer stemmer = new RussianStemmer();
        final java.util.HashMap<String, String> stems = new java.util.HashMap<>();
        final Accumulator words = new Accumulator();
        final Accumulator characters = new Accumulator();
        long[] keyed = new long[1024];

        String stem(String token) {
            String stem = stems.get(token);
            if (stem == null) {
                if (stems.size() >= STEM_CACHE_SIZE) {
                    stems.clear();
                }
                stem = TextFeatures.stem(stemmer, token);
                stems.put(token, stem);
            }
            return stem;
        }

        long[] keyed(int size) {
            if (keyed.length < size) {
                keyed = new long[Math.max(size, keyed.length * 2)];
            }
            return keyed;
        }
    }

    public TextFeatures(TextNormalizer normalizer, int bits) {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("bits must be 10..24");
        }
        this.normalizer = normalizer;
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.scratch = ThreadLocal.withInitial(Scratch::new);
    }

    public int bits() {
        return bits;
    }

    public int buckets() {
        return 1 << bits;
    }

    /** The text as the model reads it: one line, lower case, «ё»→«е», masks removed. */
    public String fold(String raw) {
        return foldNormalized(normalizer.normalize(raw));
    }

    /**
     * {@link #fold} of a text already through {@link TextNormalizer#normalize}, in one pass: portal masks
     * (runs of two or more Latin or Cyrillic capital X standing alone) become a space, letters go to lower
     * case with «ё» as «е», runs of white space become one space.
     */
    public static String foldNormalized(String normalized) {
        int length = normalized.length();
        StringBuilder folded = new StringBuilder(length);
        boolean pendingSpace = false;
        int position = 0;
        while (position < length) {
            char character = normalized.charAt(position);
            if (isMaskLetter(character) && (position == 0 || !Character.isLetterOrDigit(normalized.charAt(position - 1)))) {
                int end = position;
                while (end < length && isMaskLetter(normalized.charAt(end))) {
                    end++;
                }
                if (end - position >= 2 && (end == length || !Character.isLetterOrDigit(normalized.charAt(end)))) {
                    pendingSpace = folded.length() > 0;
                    position = end;
                    continue;
                }
            }
            if (Character.isWhitespace(character)) {
                pendingSpace = folded.length() > 0;
            } else {
                if (pendingSpace) {
                    folded.append(' ');
                    pendingSpace = false;
                }
                folded.append(TextNormalizer.fold(character));
            }
            position++;
        }
        return folded.toString();
    }

    private static boolean isMaskLetter(char character) {
        return character == 'X' || character == 'Х';
    }

    /** Tokens of a folded text: words (letters, with inner hyphens) and {@link #NUMBER_TOKEN} for numbers. */
    public static List<String> tokens(String folded) {
        List<String> tokens = new ArrayList<>();
        int length = folded.length();
        int position = 0;
        while (position < length) {
            char character = folded.charAt(position);
            if (Character.isLetter(character)) {
                int start = position;
                while (position < length && (Character.isLetter(folded.charAt(position))
                        || (folded.charAt(position) == '-' && position + 1 < length
                        && Character.isLetter(folded.charAt(position + 1))))) {
                    position++;
                }
                tokens.add(folded.substring(start, position));
            } else if (Character.isDigit(character)) {
                while (position < length && Character.isDigit(folded.charAt(position))) {
                    position++;
                }
                tokens.add(NUMBER_TOKEN);
            } else {
                position++;
            }
        }
        return tokens;
    }

    /**
     * Term counts of a text per bucket, words and characters separately (before IDF): what training
     * needs to compute document frequencies and what {@link #vector} weights.
     */
    public Counts counts(String text) {
        return countsOfNormalized(normalizer.normalize(text));
    }

    /** {@link #counts} of a text already through {@link TextNormalizer#normalize} (serving has it). */
    public Counts countsOfNormalized(String normalized) {
        Scratch work = scratch.get();
        count(work, normalized);
        return new Counts(work.words.toVector(), work.characters.toVector());
    }

    /** Fills the scratch accumulators with the term counts of a normalized text. */
    private void count(Scratch work, String normalized) {
        work.words.clear();
        work.characters.clear();
        List<String> tokens = tokens(foldNormalized(normalized));
        int previous = 0;
        boolean hasPrevious = false;
        for (String token : tokens) {
            String stem = work.stem(token);
            int stemHash = hash(WORD_SEED, stem, 0, stem.length());
            work.words.add(stemHash & mask, 1f);
            if (!stem.equals(token)) {
                work.words.add(hash(RAW_WORD_SEED, token, 0, token.length()) & mask, 1f);
            }
            if (hasPrevious) {
                work.words.add(mix(previous * 31 + stemHash + BIGRAM_SEED) & mask, 1f);
            }
            previous = stemHash;
            hasPrevious = true;
            if (token != NUMBER_TOKEN) {
                addCharacterGrams(work.characters, token);
            }
        }
    }

    /** Raw term counts of the two blocks. */
    public record Counts(SparseVector words, SparseVector characters) {
    }

    /** The model's input: TF-IDF per block, each block L2-normalized, blocks added. */
    public SparseVector vector(String text, float[] idf) {
        return weigh(counts(text), idf);
    }

    /** {@link #vector} of a text already through {@link TextNormalizer#normalize}. */
    public SparseVector vectorOfNormalized(String normalized, float[] idf) {
        return vectorOfNormalized(normalized, idf, null);
    }

    /**
     * {@link #vectorOfNormalized(String, float[])} reading the IDF from its one-byte levels where given
     * (a quarter of the memory, so fewer cache misses; the same values to the bit).
     */
    SparseVector vectorOfNormalized(String normalized, float[] idf, IdfLevels levels) {
        Scratch work = scratch.get();
        count(work, normalized);
        Accumulator words = work.words;
        Accumulator characters = work.characters;
        long[] keyed = work.keyed(words.size() + characters.size());
        int size = weighBlock(words.keys, words.values, words.order, words.size(), idf, levels, keyed, 0);
        size = weighBlock(characters.keys, characters.values, characters.order, characters.size(), idf, levels,
                keyed, size);
        return sortedByBucket(keyed, size);
    }

    /** {@link #vector} from counts (what training computed once for every text). */
    public SparseVector weigh(Counts counts, float[] idf) {
        SparseVector words = counts.words();
        SparseVector characters = counts.characters();
        long[] keyed = scratch.get().keyed(words.size() + characters.size());
        int size = weighBlock(words.indices(), words.values(), null, words.size(), idf, null, keyed, 0);
        size = weighBlock(characters.indices(), characters.values(), null, characters.size(), idf, null, keyed, size);
        return sortedByBucket(keyed, size);
    }

    private static long key(int bucket, float value) {
        return (long) bucket << 32 | (Float.floatToRawIntBits(value) & 0xFFFFFFFFL);
    }

    /**
     * The same vector with its buckets in ascending order: the models then read their weight rows front to
     * back, so the memory system can prefetch them; entries of the same bucket (a word and a character
     * feature hashed together) are summed.
     */
    private static SparseVector sortedByBucket(long[] keyed, int count) {
        java.util.Arrays.sort(keyed, 0, count);
        int size = 0;
        int[] indices = new int[count];
        float[] values = new float[count];
        for (int position = 0; position < count; position++) {
            long entry = keyed[position];
            int bucket = (int) (entry >>> 32);
            float value = Float.intBitsToFloat((int) entry);
            if (size > 0 && indices[size - 1] == bucket) {
                values[size - 1] += value;
            } else {
                indices[size] = bucket;
                values[size++] = value;
            }
        }
        return new SparseVector(java.util.Arrays.copyOf(indices, size), java.util.Arrays.copyOf(values, size));
    }

    /**
     * One block's TF-IDF weights (sublinear tf), L2-normalized, written as sort keys from {@code keyed[from]};
     * entry {@code i} is {@code buckets[slots[i]]} (or {@code buckets[i]} without slots); the IDF from
     * {@code levels} when given, else from {@code idf}. Returns the end.
     */
    private static int weighBlock(int[] buckets, float[] counts, int[] slots, int size, float[] idf,
                                  IdfLevels levels, long[] keyed, int from) {
        double norm = 0;
        for (int index = 0; index < size; index++) {
            int slot = slots == null ? index : slots[index];
            int bucket = buckets[slot];
            float weight = sublinear(counts[slot]) * (levels == null ? idf[bucket] : levels.at(bucket));
            norm += weight * weight;
            keyed[from + index] = key(bucket, weight);
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int index = from; index < from + size; index++) {
                long entry = keyed[index];
                keyed[index] = key((int) (entry >>> 32), Float.intBitsToFloat((int) entry) * scale);
            }
        }
        return from + size;
    }

    /**
     * The text vector with the message's place added as features of weight 1: its municipality and, where
     * the region has them, its district ({@code null} parts are left out).
     */
    public SparseVector withPlace(SparseVector text, String municipalityId, String district) {
        int extra = (municipalityId == null ? 0 : 1) + (district == null ? 0 : 1);
        if (extra == 0) {
            return text;
        }
        int[] indices = java.util.Arrays.copyOf(text.indices(), text.size() + extra);
        float[] values = java.util.Arrays.copyOf(text.values(), text.size() + extra);
        int position = text.size();
        if (municipalityId != null) {
            indices[position] = hash(PLACE_SEED, municipalityId, 0, municipalityId.length()) & mask;
            values[position++] = 1f;
        }
        if (district != null) {
            indices[position] = hash(DISTRICT_SEED, district, 0, district.length()) & mask;
            values[position] = 1f;
        }
        return new SparseVector(indices, values);
    }

    /** 1 + ln(tf), from a table for the small counts texts have. */
    private static float sublinear(float count) {
        int whole = (int) count;
        return whole < SUBLINEAR.length && whole == count ? SUBLINEAR[whole] : (float) (1 + Math.log(count));
    }

    private static final float[] SUBLINEAR = new float[256];

    static {
        for (int count = 1; count < SUBLINEAR.length; count++) {
            SUBLINEAR[count] = (float) (1 + Math.log(count));
        }
    }

    private void addCharacterGrams(Accumulator into, String word) {
        int length = word.length() + 2;
        for (int start = 0; start < length; start++) {
            int hash = CHAR_SEED;
            for (int end = start; end < length && end - start < LONGEST_CHAR_GRAM; end++) {
                char character = end == 0 || end == length - 1 ? ' ' : word.charAt(end - 1);
                hash = (hash ^ character) * 0x01000193;
                if (end - start + 1 >= SHORTEST_CHAR_GRAM) {
                    into.add(mix(hash ^ (end - start)) & mask, 1f);
                }
            }
        }
    }

    private static String stem(RussianStemmer stemmer, String token) {
        if (token == NUMBER_TOKEN || token.length() < 3 || !isCyrillic(token.charAt(0))) {
            return token;
        }
        stemmer.setCurrent(token);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static boolean isCyrillic(char character) {
        return character >= 'а' && character <= 'я' || character == 'ё';
    }

    static int hash(int seed, String text, int from, int to) {
        int hash = seed;
        for (int index = from; index < to; index++) {
            hash = (hash ^ text.charAt(index)) * 0x01000193;
        }
        return mix(hash);
    }

    /** MurmurHash3's 32-bit finaliser: spreads FNV's weak low bits over the bucket range. */
    static int mix(int hash) {
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return hash;
    }

    /**
     * A small open-addressing map from bucket to value, reused between texts. Buckets are already the low
     * bits of a mixed hash, so they index the slots as they are.
     */
    static final class Accumulator {
        int[] keys = new int[1024];
        float[] values = new float[1024];
        private boolean[] used = new boolean[1024];
        /** The slots in the order their keys were first added. */
        int[] order = new int[1024];
        private int size;

        int size() {
            return size;
        }

        void clear() {
            for (int index = 0; index < size; index++) {
                used[order[index]] = false;
            }
            size = 0;
        }

        void add(int key, float value) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int slot = key & (keys.length - 1);
            while (used[slot]) {
                if (keys[slot] == key) {
                    values[slot] += value;
                    return;
                }
                slot = (slot + 1) & (keys.length - 1);
            }
            used[slot] = true;
            keys[slot] = key;
            values[slot] = value;
            order[size++] = slot;
        }

        SparseVector toVector() {
            int[] indices = new int[size];
            float[] vector = new float[size];
            for (int index = 0; index < size; index++) {
                indices[index] = keys[order[index]];
                vector[index] = values[order[index]];
            }
            return new SparseVector(indices, vector);
        }

        private void grow() {
            int[] oldKeys = keys;
            float[] oldValues = values;
            int[] oldOrder = order;
            int oldSize = size;
            keys = new int[oldKeys.length * 2];
            values = new float[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            order = new int[oldKeys.length * 2];
            size = 0;
            for (int index = 0; index < oldSize; index++) {
                add(oldKeys[oldOrder[index]], oldValues[oldOrder[index]]);
            }
        }
    }
}
