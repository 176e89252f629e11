package ru.tsur.pulse.tools.prevention;

import ru.tsur.pulse.prevention.forecast.ForecastAccuracy;
import ru.tsur.pulse.prevention.forecast.WeekAhead;
import ru.tsur.pulse.tension.BucketClock;
import ru.tsur.pulse.tension.SeriesKey;
import ru.tsur.pulse.tension.TensionDetector;
import ru.tsur.pulse.tension.TensionSettings;
import ru.tsur.pulse.tools.tension.TensionReplay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Rolling week-ahead forecasts on replayed messages: the tension detector learns the file hour by hour as in
 * {@code evaluate-tension} (no service, no database); at local midnight of each forecast day, before that
 * hour opens, every municipality × category series the detector has counted so far gets its 7-day forecast
 * ({@link WeekAhead}), and once the replay is over each is scored against the messages of those 7 days and
 * against the seasonal-naive forecast, the 7 days before.
 */
public final class ForecastReplay {

    /**
     * One week's forecasts, scored on weekly totals (by the median; by the mean; by the median on the series
     * expecting at least {@link #BUSY} messages, where whole numbers leave room for an 80% interval) and on days,
     * with the number of public holidays in it.
     */
    public record Week(LocalDate firstDay, int series, ForecastAccuracy weekly, ForecastAccuracy daily,
                       ForecastAccuracy weeklyMean, ForecastAccuracy weeklyBusy, int holidays) {
    }

    /**
     * Everything scored: per week and pooled (weekly totals by the median, by the mean, and days), the number of
     * distinct series forecast, and the log-likelihood of the actual weekly totals under each candidate forecaster.
     */
    public record Result(List<Week> weeks, int series, ForecastAccuracy weekly, ForecastAccuracy weeklyMean,
                         ForecastAccuracy weeklyBusy, ForecastAccuracy daily, double[] logLikelihoods) {
    }

    /** Messages a week from which a series counts as busy in the breakdown. */
    public static final double BUSY = 1.0;

    private final TensionReplay replay;
    private final BucketClock clock;
    private final LocalDate firstDay;
    private final Map<SeriesKey, long[]> dailyCounts = new HashMap<>();

    public ForecastReplay(TensionReplay replay) {
        this.replay = replay;
        this.clock = new BucketClock(replay.bucketSeconds(), replay.zone());
        this.firstDay = dayOf(replay.firstBucket());
        int days = (int) (dayOf(replay.lastBucket()).toEpochDay() - firstDay.toEpochDay()) + 1;
        for (TensionReplay.Cell cell : replay.cells()) {
            SeriesKey key = new SeriesKey(cell.municipality(), cell.category(), null);
            dailyCounts.computeIfAbsent(key, ignored -> new long[days])
                    [(int) (dayOf(cell.bucket()).toEpochDay() - firstDay.toEpochDay())] += cell.messages();
        }
    }

    /** The first day with a message (local). */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** The last day with a message (local). */
    public LocalDate lastDay() {
        return dayOf(replay.lastBucket());
    }

    /** Hours (buckets) the replay up to the end of the last origin's week steps through, for progress. */
    public long bucketsThrough(LocalDate lastOrigin) {
        return bucketOf(lastOrigin.plusDays(WeekAhead.DAYS)) - replay.firstBucket();
    }

    /**
     * Replays the file up to the end of the last origin's week, forecasting at every origin (sorted, each at
     * least 7 days after the first day so the naive forecast exists), and scores the forecasts; each of
     * {@code candidates} forecasts too, for the log-likelihood of the weekly totals only (a fit of a setting);
     * {@code done} counts the buckets stepped through.
     */
    public Result run(TensionSettings settings, WeekAhead weekAhead, List<WeekAhead> candidates,
                      List<LocalDate> origins, Predicate<LocalDate> holiday, AtomicLong done) {
        TensionDetector detector = new TensionDetector(settings, 0);
        Map<Long, List<TensionReplay.Cell>> byBucket = new HashMap<>();
        for (TensionReplay.Cell cell : replay.cells()) {
            byBucket.computeIfAbsent(cell.bucket(), ignored -> new ArrayList<>()).add(cell);
        }
        Map<Long, LocalDate> originBuckets = new HashMap<>();
        for (LocalDate origin : origins) {
            originBuckets.put(bucketOf(origin), origin);
        }
        long end = bucketOf(origins.get(origins.size() - 1).plusDays(WeekAhead.DAYS));
        List<Week> weeks = new ArrayList<>();
        Set<SeriesKey> forecast = new LinkedHashSet<>();
        ForecastAccuracy weekly = new ForecastAccuracy();
        ForecastAccuracy weeklyMean = new ForecastAccuracy();
        ForecastAccuracy weeklyBusy = new ForecastAccuracy();
        ForecastAccuracy daily = new ForecastAccuracy();
        double[] logLikelihoods = new double[candidates.size()];
        for (long bucket = replay.firstBucket(); bucket < end; bucket++) {
            LocalDate origin = originBuckets.get(bucket);
            if (origin != null) {
                Week week = score(detector, weekAhead, origin, holiday, forecast);
                weeks.add(week);
                weekly.addAll(week.weekly());
                weeklyMean.addAll(week.weeklyMean());
                weeklyBusy.addAll(week.weeklyBusy());
                daily.addAll(week.daily());
                for (int candidate = 0; candidate < candidates.size(); candidate++) {
                    logLikelihoods[candidate] += logLikelihood(detector, candidates.get(candidate), origin);
                }
            }
            detector.openBucket(bucket);
            for (TensionReplay.Cell cell : byBucket.getOrDefault(bucket, List.of())) {
                detector.add(cell.municipality(), cell.category(), cell.topic(), bucket, cell.messages());
            }
            detector.closeBucket();
            done.incrementAndGet();
        }
        return new Result(weeks, forecast.size(), weekly, weeklyMean, weeklyBusy, daily, logLikelihoods);
    }

    /** The forecasts made at one origin, scored against the counts of the file (read ahead: scoring only). */
    private Week score(TensionDetector detector, WeekAhead weekAhead, LocalDate origin, Predicate<LocalDate> holiday,
                       Set<SeriesKey> forecast) {
        ForecastAccuracy weekly = new ForecastAccuracy();
        ForecastAccuracy daily = new ForecastAccuracy();
        ForecastAccuracy weeklyMean = new ForecastAccuracy();
        ForecastAccuracy weeklyBusy = new ForecastAccuracy();
        int series = 0;
        int at = (int) (origin.toEpochDay() - firstDay.toEpochDay());
        for (WeekAhead.SeriesForecast one : weekAhead.forecast(detector, municipalSeries(detector), origin)) {
            SeriesKey key = one.key();
            long[] counts = dailyCounts.getOrDefault(key, new long[0]);
            long actual = 0;
            long naive = 0;
            for (int offset = 0; offset < WeekAhead.DAYS; offset++) {
                long today = countOn(counts, at + offset);
                long lastWeek = countOn(counts, at + offset - WeekAhead.DAYS);
                WeekAhead.DayForecast day = one.days().get(offset);
                daily.add(today, day.median(), lastWeek, day.low(), day.high());
                actual += today;
                naive += lastWeek;
            }
            weekly.add(actual, one.median(), naive, one.low(), one.high());
            weeklyMean.add(actual, one.expected(), naive, one.low(), one.high());
            if (one.expected() >= BUSY) {
                weeklyBusy.add(actual, one.median(), naive, one.low(), one.high());
            }
            forecast.add(key);
            series++;
        }
        int holidays = 0;
        for (int offset = 0; offset < WeekAhead.DAYS; offset++) {
            holidays += holiday.test(origin.plusDays(offset)) ? 1 : 0;
        }
        return new Week(origin, series, weekly, daily, weeklyMean, weeklyBusy, holidays);
    }

    /** Σ log P(actual weekly total) over the series one forecaster forecasts at an origin. */
    private double logLikelihood(TensionDetector detector, WeekAhead weekAhead, LocalDate origin) {
        int at = (int) (origin.toEpochDay() - firstDay.toEpochDay());
        double sum = 0;
        for (WeekAhead.SeriesForecast one : weekAhead.forecast(detector, municipalSeries(detector), origin)) {
            long[] counts = dailyCounts.getOrDefault(one.key(), new long[0]);
            long actual = 0;
            for (int offset = 0; offset < WeekAhead.DAYS; offset++) {
                actual += countOn(counts, at + offset);
            }
            sum += one.logLikelihood(actual);
        }
        return sum;
    }

    private static List<SeriesKey> municipalSeries(TensionDetector detector) {
        return detector.keys().stream().filter(key -> !key.regionWide() && key.topic() == null).toList();
    }

    private static long countOn(long[] counts, int day) {
        return day >= 0 && day < counts.length ? counts[day] : 0;
    }

    private LocalDate dayOf(long bucket) {
        return clock.start(bucket).atZone(clock.zone()).toLocalDate();
    }

    private long bucketOf(LocalDate day) {
        return clock.bucketOf(day.atStartOfDay(clock.zone()).toInstant());
    }
}
