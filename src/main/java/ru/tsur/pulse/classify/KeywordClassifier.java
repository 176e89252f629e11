package ru.tsur.pulse.classify;

import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transparent placeholder classifier: a category given by the source is kept; otherwise every word
 * of the text votes for the categories whose keyword prefixes it starts with (prefixes derived from the
 * region's data, shipped in the region pack) and the category with most votes wins; no vote gives
 * «Прочее». Confidence is the winner's share of the votes. Replaced by the trained model later.
 */
public final class KeywordClassifier implements Classifier {

    private static final int SHORTEST_PREFIX = 3;

    private final List<Category> categories;
    private final Map<String, int[]> categoriesByPrefix = new HashMap<>();
    private final CategoryLabels labels;
    private final int longestPrefix;

    public KeywordClassifier(List<Category> categories) {
        this.categories = List.copyOf(categories);
        int longest = SHORTEST_PREFIX;
        Map<String, List<Integer>> byPrefix = new HashMap<>();
        for (int index = 0; index < this.categories.size(); index++) {
            Category category = this.categories.get(index);
            for (String keyword : category.keywords()) {
                String prefix = TextNormalizer.foldLine(keyword);
                if (prefix.length() < SHORTEST_PREFIX) {
                    continue;
                }
                longest = Math.max(longest, prefix.length());
                List<Integer> owners = byPrefix.computeIfAbsent(prefix, key -> new ArrayList<>());
                if (!owners.contains(index)) {
                    owners.add(index);
                }
            }
        }
        byPrefix.forEach((prefix, owners) ->
                categoriesByPrefix.put(prefix, owners.stream().mapToInt(Integer::intValue).toArray()));
        this.longestPrefix = longest;
        this.labels = new CategoryLabels(this.categories);
    }

    @Override
    public Classification classify(IncomingMessage message, String normalizedText) {
        Optional<Category> given = labels.find(message.category());
        if (given.isPresent()) {
            return new Classification(given.get().id(), message.topic(), 1.0, "source");
        }
        int[] votes = new int[categories.size()];
        int[] totalVotes = {0};
        String folded = TextNormalizer.foldLine(normalizedText);
        forEachWord(folded, (start, end) -> totalVotes[0] += voteForWord(folded, start, end, votes));
        int best = -1;
        for (int index = 0; index < votes.length; index++) {
            if (votes[index] > 0 && (best < 0 || votes[index] > votes[best])) {
                best = index;
            }
        }
        if (best < 0) {
            return new Classification(Category.OTHER_ID, message.topic(), 0.0, "none");
        }
        return new Classification(categories.get(best).id(), message.topic(),
                (double) votes[best] / totalVotes[0], "keywords");
    }

    /** Receives one word of a text as its start (inclusive) and end (exclusive). */
    @FunctionalInterface
    public interface WordVisitor {
        void word(int start, int end);
    }

    /**
     * The words the classifier votes with, in order: the runs of letters of a text folded by
     * {@link TextNormalizer#foldLine} (digits, punctuation and spaces separate words). The region-pack
     * builder counts its keyword statistics over the same words.
     */
    public static void forEachWord(String folded, WordVisitor visitor) {
        int length = folded.length();
        int position = 0;
        while (position < length) {
            while (position < length && !Character.isLetter(folded.charAt(position))) {
                position++;
            }
            int start = position;
            while (position < length && Character.isLetter(folded.charAt(position))) {
                position++;
            }
            if (position > start) {
                visitor.word(start, position);
            }
        }
    }

    /** Adds the word's votes (one per category whose longest matching prefix it starts with). */
    private int voteForWord(String text, int start, int end, int[] votes) {
        int wordLength = end - start;
        for (int prefixLength = Math.min(wordLength, longestPrefix); prefixLength >= SHORTEST_PREFIX; prefixLength--) {
            int[] owners = categoriesByPrefix.get(text.substring(start, start + prefixLength));
            if (owners != null) {
                for (int owner : owners) {
                    votes[owner]++;
                }
                return owners.length;
            }
        }
        return 0;
    }

}
