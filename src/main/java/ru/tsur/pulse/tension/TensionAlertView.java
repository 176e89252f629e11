package ru.tsur.pulse.tension;

import java.time.Instant;
import java.util.List;

/**
 * A tension alert as the outside sees it: which series, since when (the start of the window that first
 * became significant), until when (null while firing), observed vs expected since the start, the score
 * now and at its peak, the topics that drove it (largest excess first) and the region-wide alert it is
 * grouped under, if any.
 *
 * @param through end of the last bucket the observed/expected figures cover
 */
public record TensionAlertView(SeriesKey key, Instant start, Instant end, Instant through, long observed,
                               double expected, int score, int peakScore, boolean firing,
                               List<TopicExcess> topics, SeriesKey parent) {

    /** One topic's share of the excess. */
    public record TopicExcess(String topic, long observed, double expected) {
        public double excess() {
            return observed - expected;
        }
    }
}
