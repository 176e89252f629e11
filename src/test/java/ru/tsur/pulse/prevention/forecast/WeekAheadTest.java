package ru.tsur.pulse.prevention.forecast;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.tension.CountTail;
import ru.tsur.pulse.tension.SeriesKey;
import ru.tsur.pulse.tension.TensionDetector;
import ru.tsur.pulse.tension.TensionSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The week ahead read off a detector fed with series whose answers can be worked out by hand: a constant series
 * forecasts its weighted level, a weekly rhythm is split over the days as it was counted, a district whose
 * first message came after weeks of silence is not expected to repeat it weekly, holidays scale the forecast and
 * do not drag the level, and on simulated over-dispersed weeks the 80% interval holds about 80%.
 */
class WeekAheadTest {

    private static final String PLACE = "kolpino";
    private static final String ROADS = "roads";
    private static final SeriesKey LOCAL = new SeriesKey(PLACE, ROADS, null);
    /** Monday 2024-01-01 00:00 UTC, in hour buckets. */
    private static final long MONDAY = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() / 3600;
    private static final LocalDate FIRST_MONDAY = LocalDate.parse("2024-01-01");
    private static final int WEEK = 168;
    private static final double DECAY = Math.pow(0.5, 1.0 / (21 * 24));

    private static TensionSettings tension(double dispersion) {
        return new TensionSettings(Duration.ofHours(1), ZoneOffset.UTC, List.of(1), 0.01, dispersion, 6, 2.0,
                25, 3, Duration.ofHours(12), Duration.ofDays(21), Duration.ofDays(56), 1.0, 4 * WEEK, Duration.ZERO);
    }

    /** No trend, no holidays, Poisson counts with a known level. */
    private static WeekAhead plain() {
        return new WeekAhead(new ForecastSettings(0.8, 1.0, 0.0, 0.0, 14, 1.0), day -> false);
    }

    /** Feeds {@code count(hour of the run)} messages to the local series in each hour of {@code [from, from + hours)}. */
    private static void feed(TensionDetector detector, long from, int hours, IntUnaryOperator count) {
        for (long bucket = from; bucket < from + hours; bucket++) {
            detector.openBucket(bucket);
            detector.add(PLACE, ROADS, null, bucket, count.applyAsInt((int) (bucket - from)));
            detector.closeBucket();
        }
    }

    /** Weighted weeks of exposure after n hours with a flat profile: Σ λ^k / 168. */
    private static double exposure(int hours) {
        return (1 - Math.pow(DECAY, hours)) / (1 - DECAY) / WEEK;
    }

    @Test
    void aConstantSeriesForecastsItsLevelSpreadEvenlyOverTheDays() {
        TensionDetector detector = new TensionDetector(tension(1.0), 0);
        feed(detector, MONDAY, 6 * WEEK, hour -> 2);
        WeekAhead.SeriesForecast forecast = plain().forecast(detector, LOCAL, FIRST_MONDAY.plusWeeks(6)).orElseThrow();

        // level = (2 × Σλ^k + prior 1 × 0.1 weeks) / (Σλ^k / 168 + 0.1), a hair under 336 a week
        double exposure = exposure(6 * WEEK);
        double level = (2 * WEEK * exposure + 0.1) / (exposure + 0.1);
        assertThat(forecast.expected()).isCloseTo(level, within(1e-6));
        assertThat(forecast.days()).hasSize(7).allSatisfy(day -> assertThat(day.expected()).isCloseTo(level / 7, within(1e-6)));
        assertThat(forecast.days().get(0).day()).isEqualTo(FIRST_MONDAY.plusWeeks(6));
        // (326.0 here: the prior's tenth of a week at 1 a week still pulls a little after six weeks.) A Poisson
        // week plus the level's own error over about 2 × 3.3 effective weeks: sd √(326 × (1 + 1/6.6)) = 19.4, so
        // the median is the level and the 80% interval about ±1.28 sd, the constant 336 inside it.
        assertThat(level).isCloseTo(326.0, within(0.1));
        assertThat(forecast.median()).isBetween(325L, 327L);
        assertThat(forecast.low()).isBetween(298L, 303L);
        assertThat(forecast.high()).isBetween(349L, 354L);
        assertThat(plain().forecast(detector, new SeriesKey("pushkin", ROADS, null), FIRST_MONDAY)).isEmpty();
    }

    @Test
    void aWeeklyRhythmIsSplitOverTheDaysAsItWasCounted() {
        TensionDetector detector = new TensionDetector(tension(1.0), 0);
        // 30 an hour on Mondays, 10 on the other days: Monday holds 720 of 2160 a week, a third
        feed(detector, MONDAY, 8 * WEEK, hour -> hour % WEEK < 24 ? 30 : 10);
        WeekAhead.SeriesForecast forecast = plain().forecast(detector, LOCAL, FIRST_MONDAY.plusWeeks(8)).orElseThrow();

        // The profiles shrink a little toward flat (city) and toward the city's (category), by 168 and 200
        // pseudo-messages against tens of thousands counted: shares within half a percent of the counted ones.
        assertThat(forecast.days().get(0).expected() / forecast.expected()).isCloseTo(1.0 / 3, within(0.005));
        for (int day = 1; day < 7; day++) {
            assertThat(forecast.days().get(day).expected() / forecast.expected()).isCloseTo(1.0 / 9, within(0.005));
        }
        // The total is the detector's level (a series counted from the first hour: nothing added): 2160 less the
        // prior's pull (0.1 of 3.7 weeks of exposure) and a little from shares still shrunk toward flat while the
        // profile learned.
        assertThat(forecast.expected()).isCloseTo(detector.level(LOCAL).orElseThrow().messagesPerWeek(), within(1e-6))
                .isBetween(2160 * 0.94, 2160 * 0.98);
    }

    @Test
    void aDistrictsFirstMessageAfterWeeksOfSilenceIsNotExpectedEveryWeek() {
        TensionDetector detector = new TensionDetector(tension(1.0), 0);
        int hours = 4 * WEEK;
        for (long bucket = MONDAY; bucket < MONDAY + hours; bucket++) {
            detector.openBucket(bucket);
            detector.add("pushkin", ROADS, null, bucket, 1);
            if (bucket == MONDAY + hours - 1) {
                detector.add(PLACE, ROADS, null, bucket, 1);
            }
            detector.closeBucket();
        }
        // the detector itself (exposure one hour) reads one message as about ten a week
        assertThat(detector.level(LOCAL).orElseThrow().messagesPerWeek()).isGreaterThan(9);
        WeekAhead.SeriesForecast forecast = plain().forecast(detector, LOCAL, FIRST_MONDAY.plusWeeks(4)).orElseThrow();
        // the forecast counts the four observed weeks of silence: (1 + 0.1) / (exposure of 4 weeks + 0.1)
        // (within a few parts in ten thousand: the profile's shares are flat only up to that one message)
        assertThat(forecast.expected()).isCloseTo(1.1 / (exposure(hours) + 0.1), within(4e-4));
        assertThat(detector.level(LOCAL).orElseThrow().countedSince()).isEqualTo(MONDAY + hours - 1);
        assertThat(forecast.median()).isZero();
    }

    @Test
    void aHolidayIsForecastAtItsFactorAndAPastQuietHolidayDoesNotDragTheLevel() {
        LocalDate holiday = FIRST_MONDAY.plusWeeks(3).plusDays(2);
        LocalDate coming = FIRST_MONDAY.plusWeeks(4).plusDays(3);
        Set<LocalDate> holidays = Set.of(holiday, coming);
        WeekAhead quarter = new WeekAhead(new ForecastSettings(0.8, 1.0, 0.0, 0.0, 14, 0.25), holidays::contains);
        WeekAhead comingQuarter = new WeekAhead(new ForecastSettings(0.8, 1.0, 0.0, 0.0, 14, 0.25), coming::equals);
        WeekAhead ordinary = new WeekAhead(new ForecastSettings(0.8, 1.0, 0.0, 0.0, 14, 1.0), holidays::contains);

        TensionDetector steady = new TensionDetector(tension(1.0), 0);
        feed(steady, MONDAY, 4 * WEEK, hour -> 4);
        TensionDetector quiet = new TensionDetector(tension(1.0), 0);
        long holidayStart = MONDAY + 3 * WEEK + 48;
        feed(quiet, MONDAY, 4 * WEEK, hour -> MONDAY + hour >= holidayStart && MONDAY + hour < holidayStart + 24 ? 1 : 4);

        LocalDate week = FIRST_MONDAY.plusWeeks(4);
        WeekAhead.SeriesForecast plainSteady = ordinary.forecast(steady, LOCAL, week).orElseThrow();
        WeekAhead.SeriesForecast steadyQuarter = comingQuarter.forecast(steady, LOCAL, week).orElseThrow();
        // Thursday of the coming week is a holiday: a quarter of an ordinary day, the other days as they were
        assertThat(steadyQuarter.days().get(3).expected()).isCloseTo(plainSteady.days().get(3).expected() / 4, within(1e-9));
        assertThat(steadyQuarter.days().get(2).expected()).isCloseTo(plainSteady.days().get(2).expected(), within(1e-9));

        // Without holiday handling the quiet past Wednesday (1 an hour instead of 4) lowers the level by its
        // weighted deficit, 3 × Σλ^age over its 24 hours (ages 96–119: about 62) of 4 × Σλ^k over 672 hours
        // (about 1756), 3.5% — and a little more: the detector's profile learned a quieter Wednesday, so the hours
        // since got larger shares of the week and more exposure.
        double steadyWeekly = ordinary.forecast(steady, LOCAL, FIRST_MONDAY.plusWeeks(5)).orElseThrow().expected();
        double dragged = ordinary.forecast(quiet, LOCAL, FIRST_MONDAY.plusWeeks(5)).orElseThrow().expected();
        assertThat(dragged / steadyWeekly).isBetween(0.95, 1 - 0.035);
        // With a factor of 0.25 the holiday's hours count as a quarter of their exposure: the weighted messages
        // over (exposure − 0.75 × the holiday's weighted shares + the prior's 0.1 week). That takes back the 3.5%;
        // what the profile learned stays (it is the detector's, and fades with its half-life).
        TensionDetector.Level level = quiet.level(LOCAL).orElseThrow();
        double holidayExposure = 0;
        for (long bucket = holidayStart; bucket < holidayStart + 24; bucket++) {
            holidayExposure += Math.pow(DECAY, quiet.openBucket() - bucket) * quiet.shareOfWeek(ROADS, bucket);
        }
        double kept = quarter.forecast(quiet, LOCAL, FIRST_MONDAY.plusWeeks(5)).orElseThrow().expected();
        assertThat(kept).isCloseTo((level.weightedMessages() + 0.1) / (level.exposureWeeks() - 0.75 * holidayExposure + 0.1),
                within(1e-6));
        assertThat(kept / steadyWeekly).isBetween(0.98, 1.0);
        assertThat(kept - dragged).isGreaterThan(0.5 * (steadyWeekly - dragged));
    }

    @Test
    void onSimulatedOverDispersedWeeksTheIntervalHoldsAboutEightyPercent() {
        // 120 districts; each week's true level is the district's usual one times a gamma draw with squared
        // coefficient of variation κ = 0.15, spread over the hours as Poisson counts: exactly the model's
        // variance m + κm² (plus the level's own error), with dispersion 1.
        double drift = 0.15;
        SplittableRandom random = new SplittableRandom(5);
        TensionDetector detector = new TensionDetector(tension(1.0), 0);
        WeekAhead weekAhead = new WeekAhead(new ForecastSettings(0.8, 1.0, drift, 0.0, 14, 1.0), day -> false);
        int districts = 120;
        double[] usual = new double[districts];
        for (int district = 0; district < districts; district++) {
            usual[district] = 5 + 60.0 * district / districts;
        }
        int weeks = 14;
        int warmUp = 6;
        ForecastAccuracy accuracy = new ForecastAccuracy();
        double[] weekLevel = new double[districts];
        WeekAhead.SeriesForecast[] forecasts = new WeekAhead.SeriesForecast[districts];
        long[] actual = new long[districts];
        for (int week = 0; week < weeks; week++) {
            for (int district = 0; district < districts; district++) {
                weekLevel[district] = usual[district] * CountIntervalTest.gamma(1 / drift, random) * drift;
                if (week >= warmUp) {
                    forecasts[district] = weekAhead.forecast(detector, new SeriesKey("d" + district, ROADS, null),
                            FIRST_MONDAY.plusWeeks(week)).orElseThrow();
                }
                actual[district] = 0;
            }
            for (long bucket = MONDAY + (long) week * WEEK; bucket < MONDAY + (week + 1L) * WEEK; bucket++) {
                detector.openBucket(bucket);
                for (int district = 0; district < districts; district++) {
                    int count = CountTail.samplePoisson(weekLevel[district] / WEEK, random);
                    detector.add("d" + district, ROADS, null, bucket, count);
                    actual[district] += count;
                }
                detector.closeBucket();
            }
            if (week >= warmUp) {
                for (int district = 0; district < districts; district++) {
                    accuracy.add(actual[district], forecasts[district].median(), 0,
                            forecasts[district].low(), forecasts[district].high());
                }
            }
        }
        // 960 forecasts: a standard error of 0.013 on a share of 0.8
        assertThat(accuracy.scored()).isEqualTo(960);
        assertThat(accuracy.coverage()).isCloseTo(0.8, within(0.04));
    }
}
