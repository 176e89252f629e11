package ru.tsur.pulse.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scorecards of executors or municipalities: on-time share of first replies, median first-reply time in
 * working hours, reopen share, repeat share and flagged answers. Small numbers are corrected so three
 * lucky cases do not top a ranking: the ranking score is the Wilson lower bound (95%) of the on-time
 * share, and the reopen and repeat shares are shrunk towards the overall share with a prior worth
 * {@code priorWeight} cases ((k + w·p) / (n + w)). Plain logic over outcomes, used by the API and by the
 * replay command alike. The worst are those with the lowest Wilson upper bound ({@link #worstFirst}): bad
 * even on the most favourable reading of few cases.
 */
public final class Scorecard {

    /** What one case contributes. {@code onTime} is null while the case cannot be judged yet. */
    public record Outcome(String key, Double firstReplyHours, Boolean onTime, boolean reopened, boolean repeat,
                          boolean flagged) {
    }

    /** One executor's or municipality's figures. */
    public record Row(String key, int cases, int judged, int onTime, double onTimeShare, double onTimeLowerBound,
                      double onTimeUpperBound, Double medianFirstReplyHours, double reopenShare, double reopenShareAdjusted, double repeatShare,
                      double repeatShareAdjusted, int flaggedAnswers) {
    }

    private static final double Z = 1.96;

    private Scorecard() {
    }

    /** Rows, best first: by the on-time lower bound, then by more cases, then by key. */
    public static List<Row> rank(List<Outcome> outcomes, double priorWeight) {
        Map<String, List<Outcome>> byKey = new LinkedHashMap<>();
        int reopenedAll = 0;
        int repeatAll = 0;
        for (Outcome outcome : outcomes) {
            byKey.computeIfAbsent(outcome.key(), key -> new ArrayList<>()).add(outcome);
            reopenedAll += outcome.reopened() ? 1 : 0;
            repeatAll += outcome.repeat() ? 1 : 0;
        }
        double reopenPrior = outcomes.isEmpty() ? 0 : (double) reopenedAll / outcomes.size();
        double repeatPrior = outcomes.isEmpty() ? 0 : (double) repeatAll / outcomes.size();
        List<Row> rows = new ArrayList<>();
        byKey.forEach((key, group) -> rows.add(row(key, group, priorWeight, reopenPrior, repeatPrior)));
        rows.sort(Comparator.comparingDouble(Row::onTimeLowerBound).reversed()
                .thenComparing(Comparator.comparingInt(Row::cases).reversed())
                .thenComparing(Row::key));
        return rows;
    }

    private static Row row(String key, List<Outcome> group, double priorWeight, double reopenPrior, double repeatPrior) {
        int judged = 0;
        int onTime = 0;
        int reopened = 0;
        int repeats = 0;
        int flagged = 0;
        List<Double> replyHours = new ArrayList<>();
        for (Outcome outcome : group) {
            if (outcome.onTime() != null) {
                judged++;
                onTime += outcome.onTime() ? 1 : 0;
            }
            if (outcome.firstReplyHours() != null) {
                replyHours.add(outcome.firstReplyHours());
            }
            reopened += outcome.reopened() ? 1 : 0;
            repeats += outcome.repeat() ? 1 : 0;
            flagged += outcome.flagged() ? 1 : 0;
        }
        int n = group.size();
        return new Row(key, n, judged, onTime, judged == 0 ? 0 : (double) onTime / judged, wilsonLowerBound(onTime, judged),
                wilsonUpperBound(onTime, judged), median(replyHours), (double) reopened / n, shrink(reopened, n, reopenPrior, priorWeight),
                (double) repeats / n, shrink(repeats, n, repeatPrior, priorWeight), flagged);
    }

    /** The rows from the confidently worst: lowest Wilson upper bound first, then more cases, then key. */
    public static List<Row> worstFirst(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(Row::onTimeUpperBound)
                .thenComparing(Comparator.comparingInt(Row::cases).reversed())
                .thenComparing(Row::key));
        return sorted;
    }

    /** Lower end of the Wilson score interval (95%) of k successes in n; 0 for n = 0. */
    public static double wilsonLowerBound(int successes, int trials) {
        return wilson(successes, trials, -1);
    }

    /** Upper end of the Wilson score interval (95%) of k successes in n; 1 for n = 0. */
    public static double wilsonUpperBound(int successes, int trials) {
        return trials == 0 ? 1 : wilson(successes, trials, +1);
    }

    private static double wilson(int successes, int trials, int side) {
        if (trials == 0) {
            return 0;
        }
        double share = (double) successes / trials;
        double z2 = Z * Z;
        double centre = share + z2 / (2.0 * trials);
        double margin = Z * Math.sqrt(share * (1 - share) / trials + z2 / (4.0 * trials * trials));
        return Math.min(1, Math.max(0, (centre + side * margin) / (1 + z2 / trials)));
    }

    /** (k + w·p) / (n + w): the share pulled towards the prior p with the weight of w cases. */
    public static double shrink(int successes, int trials, double prior, double weight) {
        return (successes + weight * prior) / (trials + weight);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
