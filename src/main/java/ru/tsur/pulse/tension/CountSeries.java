package ru.tsur.pulse.tension;

import java.util.ArrayList;
import java.util.List;

/**
 * One series in memory: the last {@code capacity} buckets of counts with the expected count and the score
 * each bucket got (a ring indexed by bucket number), and the slow level of its baseline as two
 * exponentially weighted sums — capped counts and exposure (the share of a week the buckets covered) —
 * whose ratio is messages per week. Plain state; the detector owns and serialises it.
 */
final class CountSeries {

    final SeriesKey key;
    /** The bucket open when the series was created: its exposure begins there. */
    final long since;
    final int[] counts;
    final float[] expected;
    final byte[] scores;
    final List<CountSeries> topics = new ArrayList<>();
    double weightedCounts;
    double weightedExposure;
    TensionAlert alert;
    /** The latest evaluation, for the score of the open bucket and the API. */
    double lastPValue = 1.0;
    int lastScore;
    int lastWindow = 1;
    boolean lastEligible;

    CountSeries(SeriesKey key, int capacity, long since) {
        this.key = key;
        this.since = since;
        this.counts = new int[capacity];
        this.expected = new float[capacity];
        this.scores = new byte[capacity];
    }

    /** A deep copy without topic links or alert (the detector's copy relinks them). */
    CountSeries copy() {
        CountSeries copy = new CountSeries(key, counts.length, since);
        System.arraycopy(counts, 0, copy.counts, 0, counts.length);
        System.arraycopy(expected, 0, copy.expected, 0, expected.length);
        System.arraycopy(scores, 0, copy.scores, 0, scores.length);
        copy.weightedCounts = weightedCounts;
        copy.weightedExposure = weightedExposure;
        copy.lastPValue = lastPValue;
        copy.lastScore = lastScore;
        copy.lastWindow = lastWindow;
        copy.lastEligible = lastEligible;
        return copy;
    }

    int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) counts.length);
    }

    int count(long bucket) {
        return counts[slot(bucket)];
    }

    double expected(long bucket) {
        return expected[slot(bucket)];
    }

    /** Sum of counts over {@code [from, to]} (both held in the ring). */
    long observedBetween(long from, long to) {
        long sum = 0;
        for (long bucket = Math.max(from, to - counts.length + 1); bucket <= to; bucket++) {
            sum += counts[slot(bucket)];
        }
        return sum;
    }

    double expectedBetween(long from, long to) {
        double sum = 0;
        for (long bucket = Math.max(from, to - counts.length + 1); bucket <= to; bucket++) {
            sum += expected[slot(bucket)];
        }
        return sum;
    }

    /** The topics of this category series over {@code [from, to]} (those above expectation, or with any message), largest excess first. */
    List<TensionAlertView.TopicExcess> topicExcess(long from, long to, int limit, boolean aboveExpectedOnly) {
        return topics.stream()
                .map(topic -> new TensionAlertView.TopicExcess(topic.key.topic(), topic.observedBetween(from, to),
                        topic.expectedBetween(from, to)))
                .filter(topic -> aboveExpectedOnly ? topic.observed() > topic.expected() : topic.observed() > 0)
                .sorted((left, right) -> Double.compare(right.excess(), left.excess()))
                .limit(limit)
                .toList();
    }

    /**
     * Messages per week the baseline expects: the weighted ratio with a prior of {@code priorWeekly} worth
     * {@link #PRIOR_WEEKS} of exposure (enough to keep a new series' expectation above zero, too little to
     * pull a busy series' level down once it has a couple of weeks of history).
     */
    double weeklyLevel(double priorWeekly) {
        return (weightedCounts + priorWeekly * PRIOR_WEEKS) / (weightedExposure + PRIOR_WEEKS);
    }

    /**
     * Whether the level has seen enough (one week of exposure) for its expectation to cap the counts it
     * learns from; before that a spike cap would lock a young level below the truth.
     */
    boolean matured() {
        return weightedExposure >= 1.0;
    }

    static final double PRIOR_WEEKS = 0.1;
}
