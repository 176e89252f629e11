package ru.tsur.pulse.tension;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

/**
 * The detector on series whose answers can be worked out by hand: a constant series (flat profile, so the
 * expected count is the geometric-sum limit of the weighted level), spikes on it, a sparse series, a
 * daytime-only series.
 */
class TensionDetectorTest {

    private static final String PLACE = "kolpino";
    private static final String OTHER_PLACE = "pushkin";
    private static final String ROADS = "roads";
    private static final SeriesKey LOCAL = new SeriesKey(PLACE, ROADS, null);
    private static final SeriesKey REGION = new SeriesKey(null, ROADS, null);
    /** Monday 2024-01-01 00:00 UTC, in hour buckets. */
    private static final long MONDAY = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() / 3600;
    private static final int WEEK = 168;

    private static TensionSettings settings() {
        return settings(Duration.ZERO);
    }

    private static TensionSettings settings(Duration learning) {
        return new TensionSettings(Duration.ofHours(1), ZoneOffset.UTC, List.of(1), 0.01, 1.0, 6, 2.0,
                25, 3, Duration.ofHours(12), Duration.ofDays(21), Duration.ofDays(56), 1.0, 4 * WEEK, learning);
    }

    /** Warms the detector (no evaluation) with {@code perHour} messages in every hour for {@code buckets}. */
    private static long warm(TensionDetector detector, long from, int buckets, int perHour) {
        for (long bucket = from; bucket < from + buckets; bucket++) {
            detector.openBucket(bucket);
            detector.add(PLACE, ROADS, null, bucket, perHour);
            detector.closeBucket();
        }
        return from + buckets;
    }

    private static List<TensionDetector.AlertChange> bucket(TensionDetector detector, long bucket, int messages) {
        detector.openBucket(bucket);
        detector.add(PLACE, ROADS, null, bucket, messages);
        List<TensionDetector.AlertChange> changes = detector.evaluate(1.0, true);
        detector.closeBucket();
        return changes;
    }

    /** The weighted level's limit after n buckets of a constant count c with a flat profile. */
    private static double constantExpectation(int buckets, double count) {
        double decay = Math.pow(0.5, 1.0 / (21 * 24));
        double exposureWeeks = (1 - Math.pow(decay, buckets)) / (1 - decay) / WEEK;
        double weightedCounts = count * WEEK * exposureWeeks;
        double level = (weightedCounts + 1.0 * CountSeries.PRIOR_WEEKS) / (exposureWeeks + CountSeries.PRIOR_WEEKS);
        return level / WEEK;
    }

    @Test
    void aTopicSilentForMonthsIsForgottenWhileItsCategoryAndActiveTopicsStay() {
        TensionDetector detector = new TensionDetector(settings(), 0);
        SeriesKey once = new SeriesKey(PLACE, ROADS, "Яма на дороге, написанная источником");
        SeriesKey regular = new SeriesKey(PLACE, ROADS, "Наледь");
        detector.openBucket(MONDAY);
        detector.add(PLACE, ROADS, once.topic(), MONDAY, 1);
        detector.closeBucket();
        long bucket = MONDAY + 1;
        int days = 0;
        while (detector.keys().contains(once) && days < 200) {
            for (int hour = 0; hour < 24; hour++, bucket++) {
                detector.openBucket(bucket);
                if (hour == 12) {
                    detector.add(PLACE, ROADS, regular.topic(), bucket, 1);
                }
                detector.closeBucket();
            }
            days++;
        }
        // one message's weight 1 halves every 21 days: below 0.05 after log2(20) × 21 = 90.8 days
        assertThat(days).isEqualTo(91);
        assertThat(detector.keys()).containsExactlyInAnyOrder(LOCAL, REGION, regular,
                new SeriesKey(null, ROADS, regular.topic()));

        detector.openBucket(bucket);
        detector.add(PLACE, ROADS, once.topic(), bucket, 2);
        assertThat(detector.figures(new TensionDetector.SeriesFilter(PLACE, ROADS, once.topic()), bucket, bucket))
                .extracting(TensionDetector.BucketFigures::observed).containsExactly(2L);
    }

    @Test
    void whileTheRegionLearnsASpikeScoresBelowTheThresholdAndRaisesNothingAndOnceLearnedTheSameSpikeAlerts() {
        TensionDetector fresh = new TensionDetector(settings(Duration.ofDays(14)), 0);
        fresh.openBucket(MONDAY);
        assertThat(fresh.learningDaysLeft()).isEqualTo(14);
        fresh.closeBucket();

        TensionDetector learning = new TensionDetector(settings(Duration.ofDays(14)), 0);
        long next = warm(learning, MONDAY, WEEK + 5, 1);
        assertThat(bucket(learning, next, 30)).isEmpty();
        assertThat(learning.municipalScores()).containsOnly(entry(LOCAL, 49));
        // 7 days and 6 hours observed of 14: 6 days and 18 hours left, shown as 7 whole days.
        assertThat(learning.learningDaysLeft()).isEqualTo(7);

        TensionDetector learned = new TensionDetector(settings(Duration.ofDays(14)), 0);
        next = warm(learned, MONDAY, 2 * WEEK, 1);
        assertThat(bucket(learned, next, 30)).extracting(TensionDetector.AlertChange::change)
                .containsExactly(TensionDetector.Change.RAISED, TensionDetector.Change.RAISED);
        assertThat(learned.learningDaysLeft()).isZero();
    }

    @Test
    void aConstantSeriesIsExpectedAtItsLevelAndRaisesNothing() {
        TensionDetector detector = new TensionDetector(settings(), 0);
        long next = warm(detector, MONDAY, 4 * WEEK, 4);
        List<TensionDetector.AlertChange> changes = new ArrayList<>();
        for (int hour = 0; hour < WEEK; hour++) {
            changes.addAll(bucket(detector, next + hour, 4));
        }
        assertThat(changes).isEmpty();
        detector.openBucket(next + WEEK);
        double expected = detector.figures(new TensionDetector.SeriesFilter(PLACE, ROADS, null), next + WEEK, next + WEEK)
                .get(0).expected();
        assertThat(expected).isCloseTo(constantExpectation(5 * WEEK, 4), within(1e-3));
        // 4 against 3.87 is a hair above expectation: a faint colour, far from an alert.
        assertThat(detector.municipalScores()).containsOnlyKeys(LOCAL);
        assertThat(detector.municipalScores().get(LOCAL)).isBetween(1, 24);
    }

    @Test
    void aSpikeRaisesAGroupedAlertThatResolvesItselfAndReopensWithinTheCooldown() {
        TensionDetector detector = new TensionDetector(settings(), 0);
        long spike = warm(detector, MONDAY, 4 * WEEK, 4);
        double expected = constantExpectation(4 * WEEK, 4);

        List<TensionDetector.AlertChange> raised = bucket(detector, spike, 12);
        // Both tested series (municipal and region-wide) have the same p, so BH leaves it as it is.
        int score = (int) Math.round(50 * Math.log10(CountTail.poisson(12, expected)) / Math.log10(0.01));
        assertThat(raised).extracting(change -> change.change() + " " + change.alert().key())
                .containsExactly("RAISED " + REGION, "RAISED " + LOCAL);
        TensionAlertView local = raised.get(1).alert();
        assertThat(local.start()).isEqualTo(detector.start(spike));
        assertThat(local.observed()).isEqualTo(12);
        assertThat(local.expected()).isCloseTo(expected, within(1e-4));
        assertThat(local.score()).isEqualTo(score).isBetween(50, 100);
        assertThat(local.parent()).isEqualTo(REGION);
        assertThat(local.firing()).isTrue();

        assertThat(bucket(detector, spike + 1, 4)).extracting(TensionDetector.AlertChange::change)
                .containsExactly(TensionDetector.Change.UPDATED, TensionDetector.Change.UPDATED);
        assertThat(bucket(detector, spike + 2, 4)).extracting(TensionDetector.AlertChange::change)
                .containsExactly(TensionDetector.Change.UPDATED, TensionDetector.Change.UPDATED);
        List<TensionDetector.AlertChange> resolved = bucket(detector, spike + 3, 4);
        assertThat(resolved).extracting(TensionDetector.AlertChange::change)
                .containsExactly(TensionDetector.Change.RESOLVED, TensionDetector.Change.RESOLVED);
        assertThat(resolved.get(1).alert().end()).isEqualTo(detector.start(spike + 4));
        assertThat(resolved.get(1).alert().observed()).isEqualTo(12 + 3 * 4);
        assertThat(bucket(detector, spike + 4, 4)).isEmpty();

        // Within the 12 h cooldown the same alert comes back (same start), not a second one.
        List<TensionDetector.AlertChange> reopened = bucket(detector, spike + 6, 12);
        assertThat(reopened).extracting(TensionDetector.AlertChange::change)
                .containsExactly(TensionDetector.Change.RAISED, TensionDetector.Change.RAISED);
        assertThat(reopened.get(1).alert().start()).isEqualTo(detector.start(spike));
        for (long bucket = spike + 7; bucket < spike + 40; bucket++) {
            bucket(detector, bucket, 4);
        }
        // After the cooldown a new excess is a new alert.
        List<TensionDetector.AlertChange> fresh = bucket(detector, spike + 40, 12);
        assertThat(fresh.get(1).alert().start()).isEqualTo(detector.start(spike + 40));
    }

    @Test
    void aPastSpikeHardlyMovesTheBaseline() {
        TensionDetector detector = new TensionDetector(settings(), 0);
        long spike = warm(detector, MONDAY, 4 * WEEK, 4);
        TensionDetector.SeriesFilter local = new TensionDetector.SeriesFilter(PLACE, ROADS, null);
        bucket(detector, spike, 200);
        detector.openBucket(spike + 1);
        double before = detector.figures(local, spike, spike).get(0).expected();
        double after = detector.figures(local, spike + 1, spike + 1).get(0).expected();
        // The spike entered the level capped at e + 3√e + 1 ≈ 10.7 instead of 200.
        double cap = before + 3 * Math.sqrt(before) + 1;
        double decay = Math.pow(0.5, 1.0 / (21 * 24));
        assertThat(after).isLessThan(before * 1.01);
        assertThat(after).isGreaterThan(before);
        assertThat(cap).isCloseTo(10.7, within(0.1));
        assertThat(decay).isLessThan(1.0);
    }

    @Test
    void aSparseSeriesNeedsTheMinimumCountEvenWhenTheExcessIsImprobable() {
        TensionDetector detector = new TensionDetector(settings(), 0);
        long bucket = MONDAY;
        for (; bucket < MONDAY + 4 * WEEK; bucket++) {
            detector.openBucket(bucket);
            if (bucket % 24 == 12) {
                detector.add(PLACE, ROADS, null, bucket, 1);
                detector.add(OTHER_PLACE, ROADS, null, bucket, 1);
            }
            detector.closeBucket();
        }
        long burst = bucket + 12 - bucket % 24;
        for (; bucket < burst; bucket++) {
            assertThat(bucket(detector, bucket, bucket % 24 == 12 ? 1 : 0)).isEmpty();
        }
        // Five messages where ~0.04 were expected: p ≈ 1e-9, but below the minimum count of 6.
        assertThat(bucket(detector, burst, 5)).isEmpty();
        assertThat(detector.municipalScores().get(LOCAL)).isEqualTo(49);
        List<TensionDetector.AlertChange> six = bucket(detector, burst + 24, 6);
        assertThat(six).extracting(change -> change.alert().key()).containsExactly(REGION, LOCAL);
        assertThat(six.get(1).alert().score()).isEqualTo(100);
    }

    @Test
    void aDaytimeSeriesExpectsLittleAtNight() {
        TensionDetector detector = new TensionDetector(settings(), 0);
        for (long bucket = MONDAY; bucket < MONDAY + 6 * WEEK; bucket++) {
            detector.openBucket(bucket);
            long hour = bucket % 24;
            detector.add(PLACE, ROADS, null, bucket, hour >= 9 && hour < 18 ? 3 : 0);
            detector.closeBucket();
        }
        long monday = MONDAY + 6 * WEEK;
        detector.openBucket(monday + 12);
        TensionDetector.SeriesFilter local = new TensionDetector.SeriesFilter(PLACE, ROADS, null);
        double noon = detector.figures(local, monday + 12, monday + 12).get(0).expected();
        TensionDetector night = new TensionDetector(settings(), 0);
        assertThat(night.seriesCount()).isZero();
        detector.closeBucket();
        detector.openBucket(monday + 24 + 3);
        double threeAm = detector.figures(local, monday + 27, monday + 27).get(0).expected();
        assertThat(noon).isCloseTo(3.0, within(0.3));
        assertThat(threeAm).isLessThan(0.05 * noon);
    }

    @Test
    void aPartBucketIsJudgedAgainstTheElapsedShareOfItsExpectation() {
        TensionDetector detector = new TensionDetector(settings(), 0);
        long now = warm(detector, MONDAY, 4 * WEEK, 4);
        detector.openBucket(now);
        detector.add(PLACE, ROADS, null, now, 8);
        TensionDetector quarter = detector.copy();
        // Eight messages against a whole hour's ~3.9 is unremarkable; in its first quarter it is an alert.
        assertThat(detector.evaluate(1.0, false)).isEmpty();
        assertThat(quarter.evaluate(0.25, false)).extracting(change -> change.alert().key())
                .containsExactly(REGION, LOCAL);
    }

    @Test
    void topicsThatDroveAnAlertAreListedByExcess() {
        TensionDetector detector = new TensionDetector(settings(), 0);
        long spike = warm(detector, MONDAY, 4 * WEEK, 4);
        detector.openBucket(spike);
        detector.add(PLACE, ROADS, "snow", spike, 10);
        detector.add(PLACE, ROADS, "potholes", spike, 2);
        detector.add(PLACE, ROADS, null, spike, 2);
        List<TensionDetector.AlertChange> changes = detector.evaluate(1.0, true);
        TensionAlertView local = changes.stream().filter(change -> change.alert().key().equals(LOCAL)).findFirst()
                .orElseThrow().alert();
        assertThat(local.observed()).isEqualTo(14);
        assertThat(local.topics()).extracting(TensionAlertView.TopicExcess::topic).containsExactly("snow", "potholes");
        assertThat(local.topics().get(0).observed()).isEqualTo(10);
    }
}
