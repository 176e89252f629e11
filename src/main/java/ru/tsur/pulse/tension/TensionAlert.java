package ru.tsur.pulse.tension;

import java.util.List;

/**
 * The life of one tension alert on one series: raised when the excess is significant, kept while it
 * lasts, resolved by itself after some quiet buckets, reopened (not duplicated) when the excess returns
 * within the cooldown. Mutable, owned by the detector; {@link #view} is what leaves it.
 */
final class TensionAlert {

    final CountSeries series;
    final long startBucket;
    long lastBucket;
    Long endBucket;
    int peakScore;
    int quietBuckets;
    SeriesKey parent;
    /** Observed count since the start as last told to the outside (a change is worth an update). */
    long toldObserved = -1;

    TensionAlert(CountSeries series, long startBucket) {
        this.series = series;
        this.startBucket = startBucket;
        this.lastBucket = startBucket;
    }

    /** The same alert on a copied series. */
    TensionAlert copyFor(CountSeries copiedSeries) {
        TensionAlert copy = new TensionAlert(copiedSeries, startBucket);
        copy.lastBucket = lastBucket;
        copy.endBucket = endBucket;
        copy.peakScore = peakScore;
        copy.quietBuckets = quietBuckets;
        copy.parent = parent;
        copy.toldObserved = toldObserved;
        return copy;
    }

    boolean firing() {
        return endBucket == null;
    }

    /** Whether the observed count moved since the outside last heard of this alert. */
    boolean observedChanged() {
        return series.observedBetween(startBucket, endBucket == null ? lastBucket : endBucket - 1) != toldObserved;
    }

    TensionAlertView view(BucketClock clock, int currentScore, int topicLimit) {
        long to = endBucket == null ? lastBucket : endBucket - 1;
        long observed = series.observedBetween(startBucket, to);
        double expected = series.expectedBetween(startBucket, to);
        List<TensionAlertView.TopicExcess> drivers = series.topicExcess(startBucket, to, topicLimit, true);
        return new TensionAlertView(series.key, clock.start(startBucket),
                endBucket == null ? null : clock.start(endBucket), clock.start(to + 1), observed, expected,
                currentScore, peakScore, firing(), drivers, parent);
    }
}
