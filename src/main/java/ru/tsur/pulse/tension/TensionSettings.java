package ru.tsur.pulse.tension;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The detector's parameters as plain values, shared by the service (from {@link TensionConfig}) and the
 * evaluation command (from its options), so both run the very same decisions.
 *
 * @param bucket          length of one count bucket: 1 h in production, a divisor of an hour (the weekly
 *                        profile is hourly; longer steps are sums of buckets)
 * @param zone            time zone of the weekly rhythm (the region's)
 * @param windows         evaluation windows in buckets, e.g. 1, 3, 6: a sharp burst shows in the shortest,
 *                        a sustained 3× rise in a sparse series only in the longer ones
 * @param alpha           false-discovery level of the Benjamini–Hochberg correction over all series at once
 * @param dispersion      variance-to-mean ratio of the counts (1 = Poisson), see {@link TensionDetector}
 * @param minCount        fewest messages in the window before an alert may be raised
 * @param minRatio        smallest observed/expected ratio before an alert may be raised
 * @param resolveScore    score below which a firing series counts as quiet
 * @param resolveAfter    closed buckets in a row a series must be quiet before its alert resolves itself
 * @param cooldown        how long after resolving a new excess reopens the same alert instead of a new one
 * @param levelHalfLife   half-life of the slow level (exponentially weighted, spikes capped)
 * @param profileHalfLife half-life of the hour-of-week profile
 * @param priorWeekly     messages per week a series is assumed to get before it has history
 * @param historyBuckets  buckets of counts kept in memory per series (the dynamics API's reach)
 * @param learning        how long the region must have been observed before any series may alert: a new centre
 *                        (or one without imported history) knows no normal yet, so everything looks like a spike
 */
public record TensionSettings(Duration bucket, ZoneId zone, List<Integer> windows, double alpha, double dispersion,
                              int minCount, double minRatio, int resolveScore, int resolveAfter, Duration cooldown,
                              Duration levelHalfLife, Duration profileHalfLife, double priorWeekly,
                              int historyBuckets, Duration learning) {

    public TensionSettings {
        if (bucket.toSeconds() < 1 || bucket.toSeconds() > 3600 || 3600 % bucket.toSeconds() != 0) {
            throw new IllegalArgumentException("bucket must divide an hour (1 s … 1 h), not " + bucket);
        }
        windows = List.copyOf(windows);
        if (windows.isEmpty() || windows.stream().anyMatch(window -> window < 1)) {
            throw new IllegalArgumentException("windows must be positive numbers of buckets");
        }
        int longest = windows.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (historyBuckets < longest + 1) {
            throw new IllegalArgumentException("historyBuckets must exceed the longest window");
        }
        if (!(dispersion >= 1) || Double.isInfinite(dispersion)) {
            throw new IllegalArgumentException("dispersion (variance / mean) must be at least 1");
        }
        if (learning == null || learning.isNegative()) {
            throw new IllegalArgumentException("learning must be zero or a positive duration");
        }
        if (alpha <= 0 || alpha >= 1) {
            throw new IllegalArgumentException("alpha must be in (0, 1)");
        }
    }

    /** The production defaults, as in {@link TensionConfig} (hourly buckets, the figures measured in the README). */
    public static TensionSettings defaults(ZoneId zone) {
        return new TensionSettings(Duration.ofHours(1), zone, List.of(1, 3, 6), 0.01, 1.5, 5, 2.0, 25, 3,
                Duration.ofHours(12), Duration.ofDays(21), Duration.ofDays(56), 1.0, 28 * 24, Duration.ofDays(14));
    }

    public long bucketSeconds() {
        return bucket.toSeconds();
    }

    public long learningBuckets() {
        return learning.toSeconds() / bucket.toSeconds();
    }

    public int longestWindow() {
        return windows.stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
