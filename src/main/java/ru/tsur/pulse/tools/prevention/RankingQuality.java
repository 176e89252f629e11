package ru.tsur.pulse.tools.prevention;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How good a ranking of candidates is once it is known which of them turned out positive: precision at k
 * (the share of positives among the first k) and average precision (the mean, over every positive, of the
 * precision at its rank). Candidates with equal scores are in no order, and the order a sort happens to
 * leave them in must not decide the figures (the count baseline ties thousands of candidates at 1), so both
 * figures are their expected values over every order of each tie (McSherry and Najork, «Computing
 * information retrieval performance measures efficiently in the presence of tied scores», ECIR 2008): a
 * tie of n candidates with r positives straddling the k-th place contributes r/n for each of its places
 * above it, and its i-th place holds a positive with probability r/n, preceded within the tie by
 * (i − 1)(r − 1)/(n − 1) positives on average.
 */
public final class RankingQuality {

    /** One ranked candidate: its score (higher = ranked earlier) and whether it turned out positive. */
    public record Scored(double score, boolean positive) {
    }

    /** Precision at k and average precision of one ranking, and its size. */
    public record Figures(double precisionAtK, double averagePrecision, int candidates, int positives) {
    }

    private RankingQuality() {
    }

    /**
     * The figures of the ranking by score: precision over the first {@code k} (or all, if there are fewer),
     * average precision over all positives (0 when there are none).
     */
    public static Figures of(List<Scored> candidates, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive");
        }
        // score → {candidates, positives}, best first
        TreeMap<Double, int[]> ties = new TreeMap<>((left, right) -> Double.compare(right, left));
        int positives = 0;
        for (Scored candidate : candidates) {
            int[] tie = ties.computeIfAbsent(candidate.score(), score -> new int[2]);
            tie[0]++;
            if (candidate.positive()) {
                tie[1]++;
                positives++;
            }
        }
        int cut = Math.min(k, candidates.size());
        double positivesInTopK = 0;
        double precisionSum = 0;
        int above = 0;
        int positivesAbove = 0;
        for (Map.Entry<Double, int[]> entry : ties.entrySet()) {
            int n = entry.getValue()[0];
            int r = entry.getValue()[1];
            if (above < cut) {
                positivesInTopK += (double) r * Math.min(n, cut - above) / n;
            }
            for (int i = 1; r > 0 && i <= n; i++) {
                double positivesBefore = n == 1 ? 0 : (i - 1) * (r - 1) / (double) (n - 1);
                precisionSum += (double) r / n * (positivesAbove + 1 + positivesBefore) / (above + i);
            }
            above += n;
            positivesAbove += r;
        }
        return new Figures(cut == 0 ? 0 : positivesInTopK / cut, positives == 0 ? 0 : precisionSum / positives,
                candidates.size(), positives);
    }
}
