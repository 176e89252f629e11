package ru.tsur.pulse.cases;

import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Crude but robust text likeness for Russian short texts: the set of word stems (words of three or more
 * letters or digits, lower case, «ё» as «е», cut to six characters so endings do not matter), and
 * the Jaccard similarity of two such sets. Used to tell "the same problem in other words" (duplicates)
 * and "the same answer again" (boilerplate).
 */
public final class TextShingles {

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int STEM = 6;

    private TextShingles() {
    }

    public static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        if (text == null) {
            return stems;
        }
        for (String word : WORDS.split(TextNormalizer.fold(text))) {
            if (word.length() >= 3) {
                stems.add(word.length() > STEM ? word.substring(0, STEM) : word);
            }
        }
        return stems;
    }

    /** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
    public static double jaccard(Set<String> first, Set<String> second) {
        if (first.isEmpty() && second.isEmpty()) {
            return 0;
        }
        int common = 0;
        Set<String> smaller = first.size() <= second.size() ? first : second;
        Set<String> larger = smaller == first ? second : first;
        for (String stem : smaller) {
            if (larger.contains(stem)) {
                common++;
            }
        }
        return (double) common / (first.size() + second.size() - common);
    }
}
