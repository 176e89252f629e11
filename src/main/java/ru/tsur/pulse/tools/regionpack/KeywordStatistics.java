package ru.tsur.pulse.tools.regionpack;

import ru.tsur.pulse.classify.KeywordClassifier;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

/**
 * Picks each category's keyword stems from labelled messages: the statistic behind the {@code keywords} of a
 * region pack, which the service's {@link KeywordClassifier} then matches. A message is read as the
 * classifier reads it ({@link TextNormalizer}, then {@link KeywordClassifier#forEachWord}); its candidate
 * words are the all-Cyrillic ones of at least 3 letters that are neither stop words nor masked-out runs of
 * «х», and its candidate stems their 4- to 6-letter prefixes. Per category, stems are ranked by a smoothed
 * log-odds z-score of document frequency inside the category against all the others, then picked greedily:
 * 5–6-letter stems, or 4-letter stems that are frequent whole words themselves (снег, лифт, двор); precision
 * at least max(0.3, the category's share + 0.15); no stem nested in another; none starting with a dropped
 * stem or a stop prefix; at most 30 with the category's seed stems, which are always added.
 */
final class KeywordStatistics {

    private static final Pattern CYRILLIC_WORD = Pattern.compile("[а-я]+");
    private static final int SHORTEST_WORD = 3;
    private static final int SHORTEST_STEM = 4;
    private static final int LONGEST_STEM = 6;
    /** How often a 4-letter word must occur to be a stem by itself. */
    private static final int WHOLE_WORD_MINIMUM = 5;
    private static final double SMOOTHING = 0.5;
    private static final int MOST_KEYWORDS = 30;
    private static final int FEWEST_KEYWORDS = 10;
    private static final double LEAST_Z = 2.0;
    private static final double LEAST_PRECISION = 0.3;
    private static final double PRECISION_ABOVE_SHARE = 0.15;

    private final TextNormalizer normalizer;
    private final Set<String> stopWords;
    private final List<String> stopPrefixes;

    KeywordStatistics(TextNormalizer normalizer, Set<String> stopWords, List<String> stopPrefixes) {
        this.normalizer = normalizer;
        this.stopWords = Set.copyOf(stopWords);
        this.stopPrefixes = List.copyOf(stopPrefixes);
    }

    /** What a region contributes: seeds per category, dropped stems, categories without keywords. */
    record Curation(Map<String, List<String>> seeds, Set<String> dropped, Set<String> withoutKeywords,
                    IntUnaryOperator minimumDocuments) {
    }

    /** The candidate words of one message, in text order (repeats kept). */
    List<String> words(String raw) {
        String folded = TextNormalizer.foldLine(normalizer.normalize(raw));
        List<String> words = new ArrayList<>();
        KeywordClassifier.forEachWord(folded, (start, end) -> {
            String word = folded.substring(start, end);
            if (word.length() >= SHORTEST_WORD && CYRILLIC_WORD.matcher(word).matches() && !stopWords.contains(word)
                    && !word.chars().allMatch(letter -> letter == 'х')) {
                words.add(word);
            }
        });
        return words;
    }

    /**
     * Keywords per category id (sorted), for categories listed in {@code order}; {@code labels} are the
     * messages' category ids, in the order of {@code texts}.
     */
    Map<String, List<String>> derive(List<String> texts, List<String> labels, List<String> order, Curation curation) {
        Map<String, Integer> categoryIndex = new HashMap<>();
        order.forEach(category -> categoryIndex.put(category, categoryIndex.size()));
        int categories = order.size();
        int[] messagesIn = new int[categories];
        Map<String, int[]> documentFrequency = new HashMap<>(); // stem → per category, then the total at [categories]
        Map<String, Integer> fourLetterWords = new HashMap<>();
        for (int row = 0; row < texts.size(); row++) {
            Integer category = categoryIndex.get(labels.get(row));
            if (category == null) {
                throw new IllegalArgumentException("Label " + labels.get(row) + " is not a category of the region");
            }
            messagesIn[category]++;
            List<String> words = words(texts.get(row));
            Set<String> stems = new HashSet<>();
            for (String word : words) {
                if (word.length() == SHORTEST_STEM) {
                    fourLetterWords.merge(word, 1, Integer::sum);
                }
                for (int length = SHORTEST_STEM; length <= Math.min(LONGEST_STEM, word.length()); length++) {
                    stems.add(word.substring(0, length));
                }
            }
            for (String stem : stems) {
                int[] counts = documentFrequency.computeIfAbsent(stem, key -> new int[categories + 1]);
                counts[category]++;
                counts[categories]++;
            }
        }
        Set<String> wholeWords = new HashSet<>();
        fourLetterWords.forEach((word, count) -> {
            if (count >= WHOLE_WORD_MINIMUM) {
                wholeWords.add(word);
            }
        });
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        for (String category : order) {
            if (curation.withoutKeywords().contains(category)) {
                keywords.put(category, List.of());
                continue;
            }
            int index = categoryIndex.get(category);
            List<String> seeds = curation.seeds().getOrDefault(category, List.of());
            List<Candidate> candidates = candidates(documentFrequency, index, categories, messagesIn[index],
                    texts.size() - messagesIn[index], curation.minimumDocuments().applyAsInt(messagesIn[index]));
            List<String> chosen = select(candidates, curation.dropped(), wholeWords,
                    messagesIn[index] / (double) texts.size(), MOST_KEYWORDS - seeds.size());
            TreeSet<String> all = new TreeSet<>(chosen);
            all.addAll(seeds);
            keywords.put(category, List.copyOf(all));
        }
        return keywords;
    }

    /** A stem's z-score for one category and its document frequencies inside and outside it. */
    record Candidate(double z, String stem, int inside, int outside) {
    }

    private static List<Candidate> candidates(Map<String, int[]> documentFrequency, int category, int categories,
                                              int messagesIn, int messagesOut, int minimumDocuments) {
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : documentFrequency.entrySet()) {
            int inside = entry.getValue()[category];
            if (inside < Math.max(1, minimumDocuments)) {
                continue;
            }
            int outside = entry.getValue()[categories] - inside;
            double logOdds = Math.log((inside + SMOOTHING) / (messagesIn - inside + SMOOTHING))
                    - Math.log((outside + SMOOTHING) / (messagesOut - outside + SMOOTHING));
            double variance = 1 / (inside + SMOOTHING) + 1 / (messagesIn - inside + SMOOTHING)
                    + 1 / (outside + SMOOTHING) + 1 / (messagesOut - outside + SMOOTHING);
            candidates.add(new Candidate(logOdds / Math.sqrt(variance), entry.getKey(), inside, outside));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::z).reversed().thenComparing(Candidate::stem));
        return candidates;
    }

    private List<String> select(List<Candidate> candidates, Set<String> dropped, Set<String> wholeWords,
                                double share, int most) {
        double leastPrecision = Math.max(LEAST_PRECISION, share + PRECISION_ABOVE_SHARE);
        List<String> chosen = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (chosen.size() >= most) {
                break;
            }
            if (candidate.z() < LEAST_Z && chosen.size() >= FEWEST_KEYWORDS) {
                break;
            }
            String stem = candidate.stem();
            if (dropped.stream().anyMatch(stem::startsWith) || stopPrefixes.stream().anyMatch(stem::startsWith)) {
                continue;
            }
            if (stem.length() == SHORTEST_STEM && !wholeWords.contains(stem)) {
                continue;
            }
            if (candidate.inside() / (double) (candidate.inside() + candidate.outside()) < leastPrecision) {
                continue;
            }
            if (chosen.stream().anyMatch(other -> stem.startsWith(other) || other.startsWith(stem))) {
                continue;
            }
            chosen.add(stem);
        }
        return chosen;
    }
}
