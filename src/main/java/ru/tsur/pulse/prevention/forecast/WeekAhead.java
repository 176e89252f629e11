package ru.tsur.pulse.prevention.forecast;

import ru.tsur.pulse.tension.BucketClock;
import ru.tsur.pulse.tension.CountTail;
import ru.tsur.pulse.tension.SeriesKey;
import ru.tsur.pulse.tension.TensionDetector;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The week ahead of one series (a municipality × category, or any series the tension detector keeps): the
 * messages expected on each of the next 7 days and in the week, with an interval, read off the seasonal
 * baseline the detector already keeps instead of a second model that could disagree with it.
 *
 * <p><b>Mean.</b> Day d expects {@code level × Σ share(hour) × trend × (holiday factor on a public holiday)}:
 * the detector's weekly level (exponentially weighted, spikes capped) spread over the hours by the category's
 * hour-of-week profile, whose shares sum to 1 over a week — so the weekly total is the level itself, and the
 * profile only splits it into days. Two corrections the detector does not need but a forecast does:
 * <ul>
 * <li><i>Silence counts.</i> The detector starts a series at its first message, so the weeks of silence before
 *     are not in its exposure and a district's first message of a rare category reads as "one a week from now
 *     on". Here the exposure the series would have had in the region's observation before it began (with the
 *     category's shares as they stand and the detector's decay) is added to its own, so the level is the
 *     weighted messages over all the weeks the district could have written.</li>
 * <li><i>Holidays.</i> Public holidays (the working calendar's) get a share {@code holidayFactor} of an ordinary
 *     day, in the forecast and in the past: a holiday hour the level learned from counts as only that share of
 *     an hour of exposure, so the quiet New Year does not drag the level down for the weeks after; the trend
 *     likewise expects a past holiday at its factor.</li>
 * </ul>
 * <b>Trend.</b> Optional ({@code trendWeight} 0 = none): the forecast times (observed + 1) / (expected + 1) over
 * the last {@code trendDays}, to the power w — the level follows a lasting change only with its half-life, and a
 * fractional power moves the forecast part of the way toward the recent rate without chasing a single busy week.
 *
 * <p><b>Point forecast.</b> The mean adds up over days and districts (the region's total is the sum); the median
 * of the predictive distribution is the point forecast scored by absolute error, because absolute error is
 * minimised by the median, not the mean: for a series expecting 0.3 messages a week, "0" is the better single
 * guess and "0.3" is never right.
 *
 * <p><b>Interval.</b> A count with mean m over part or all of the week is negative binomial ({@link CountInterval},
 * the detector's {@code CountTail}) with variance
 * <pre>  φ·m + κ·m² + m²·(φ/L + κ)/n</pre>
 * φ is the detector's dispersion (clustered posting: one resident, several messages); κ ({@code levelDrift}) is
 * the week's own departure of the true level from the usual one — a snowfall, a campaign, an active resident —
 * which makes weekly counts of busy series vary far more than any Poisson-like model allows (README); the last term is the baseline's own error: the level L
 * is a weighted mean of past weeks, each varying by φL + κL², worth n effective weeks ({@link #effectiveWeeks}).
 * κ is one number for all series, fitted by maximum likelihood of this very predictive distribution on forecasts
 * made before the evaluation period (README). Counts are whole numbers, so the interval is the one whose
 * probability is nearest the target ({@link CountInterval#nearest}); series expecting far under one message a
 * week cannot have an 80% interval at all ({0} alone holds more), so they push the share covered above target.
 */
public final class WeekAhead {

    /** Days a forecast covers. */
    public static final int DAYS = 7;

    /**
     * One day of a forecast: the expected count (the mean, which adds up over days and series), the median
     * (the point forecast: half the time fewer, half the time more) and the interval.
     */
    public record DayForecast(LocalDate day, double expected, long median, long low, long high) {
    }

    /**
     * A series' week ahead: the seven days, and the weekly total's mean, median, interval and negative-binomial
     * size (the whole predictive distribution: {@code CountTail.mass(count, expected, size)}).
     */
    public record SeriesForecast(SeriesKey key, LocalDate firstDay, List<DayForecast> days, double expected,
                                 long median, long low, long high, double size) {

        /** Natural log of the probability the forecast gave a weekly count (the likelihood the fit maximises). */
        public double logLikelihood(long count) {
            return Math.log(CountTail.mass(count, expected, size));
        }
    }

    private final ForecastSettings settings;
    private final Predicate<LocalDate> holiday;

    /**
     * @param holiday which dates are public holidays (the working calendar's {@code isHoliday}), whose counts
     *                the forecast scales by {@link ForecastSettings#holidayFactor}
     */
    public WeekAhead(ForecastSettings settings, Predicate<LocalDate> holiday) {
        this.settings = settings;
        this.holiday = holiday;
    }

    public ForecastSettings settings() {
        return settings;
    }

    /**
     * The week from {@code firstDay} (local midnight in the detector's zone) for one series, from the
     * detector's baseline as it stands; empty for a series it never counted.
     */
    public Optional<SeriesForecast> forecast(TensionDetector detector, SeriesKey key, LocalDate firstDay) {
        return new Baseline(detector).forecast(key, firstDay);
    }

    /**
     * The week from {@code firstDay} for each of {@code keys} the detector has counted, in their order (what a
     * batch of series shares — past holidays, the observation's exposure per category — is worked out once).
     */
    public List<SeriesForecast> forecast(TensionDetector detector, Collection<SeriesKey> keys, LocalDate firstDay) {
        Baseline baseline = new Baseline(detector);
        List<SeriesForecast> forecasts = new ArrayList<>(keys.size());
        for (SeriesKey key : keys) {
            baseline.forecast(key, firstDay).ifPresent(forecasts::add);
        }
        return forecasts;
    }

    /**
     * The weighted exposure of the region's observation for one category: {@code cumulative[i]} sums the buckets
     * {@code from … from + i − 1}, so the silence before a series began is one subtraction.
     */
    private record Observation(long from, double[] cumulative, double holidayExcess) {

        /** The exposure of the observed buckets before {@code bucket} (the silence before a series' first message). */
        double before(long bucket) {
            return bucket <= from ? 0 : cumulative[(int) Math.min(cumulative.length - 1, bucket - from)];
        }
    }

    /** One state of the detector as the forecasts read it, with what its series share worked out once. */
    private final class Baseline {

        private final TensionDetector detector;
        private final BucketClock clock;
        private final double decay;
        private final List<long[]> pastHolidays;
        private final Map<String, Observation> observations = new HashMap<>();

        Baseline(TensionDetector detector) {
            this.detector = detector;
            this.clock = detector.clock();
            this.decay = decay(detector);
            this.pastHolidays = pastHolidays();
        }

        Optional<SeriesForecast> forecast(SeriesKey key, LocalDate firstDay) {
            Optional<TensionDetector.Level> found = detector.level(key);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            TensionDetector.Level level = found.get();
            Observation observation = observations.computeIfAbsent(key.category(), this::observation);
            double exposure = level.exposureWeeks() + observation.before(level.countedSince()) - observation.holidayExcess();
            double prior = TensionDetector.priorWeeks();
            double perWeek = (level.weightedMessages() + detector.settings().priorWeekly() * prior) / (exposure + prior);
            double weekly = perWeek * trend(key);
            double[] means = new double[DAYS];
            double total = 0;
            for (int offset = 0; offset < DAYS; offset++) {
                LocalDate day = firstDay.plusDays(offset);
                double share = 0;
                for (long bucket = startOf(clock, day); bucket < startOf(clock, day.plusDays(1)); bucket++) {
                    share += detector.shareOfWeek(key.category(), bucket);
                }
                means[offset] = weekly * share * (holiday.test(day) ? settings.holidayFactor() : 1.0);
                total += means[offset];
            }
            double relativeVariance = relativeVariance(detector, perWeek, exposure);
            List<DayForecast> days = new ArrayList<>(DAYS);
            for (int offset = 0; offset < DAYS; offset++) {
                double size = size(means[offset], relativeVariance);
                CountInterval.Bounds bounds = CountInterval.nearest(means[offset], size, settings.coverage());
                days.add(new DayForecast(firstDay.plusDays(offset), means[offset],
                        CountInterval.quantile(means[offset], size, 0.5), bounds.low(), bounds.high()));
            }
            double size = size(total, relativeVariance);
            CountInterval.Bounds week = CountInterval.nearest(total, size, settings.coverage());
            return Optional.of(new SeriesForecast(key, firstDay, List.copyOf(days), total,
                    CountInterval.quantile(total, size, 0.5), week.low(), week.high(), size));
        }

        /**
         * The exposure a series of this category counted since the region's observation began would have had, hour
         * by hour (the profile's shares as they stand, the detector's decay), and the part of it past public
         * holidays give beyond the holiday factor. Weights below a millionth (20 half-lives back) are left out.
         */
        private Observation observation(String category) {
            if (detector.observedSince().isEmpty() || detector.openBucket() == Long.MIN_VALUE) {
                return new Observation(0, new double[]{0}, 0);
            }
            long open = detector.openBucket();
            long horizon = 20 * detector.settings().levelHalfLife().toSeconds() / detector.settings().bucketSeconds();
            long from = Math.max(detector.observedSince().getAsLong(), open - horizon);
            double[] cumulative = new double[(int) (open - from + 2)];
            double holidays = 0;
            double weight = Math.pow(decay, open - from);
            LocalDate day = null;
            boolean isHoliday = false;
            for (long bucket = from; bucket <= open; bucket++, weight /= decay) {
                double exposure = weight * detector.shareOfWeek(category, bucket);
                cumulative[(int) (bucket - from + 1)] = cumulative[(int) (bucket - from)] + exposure;
                LocalDate bucketDay = clock.start(bucket).atZone(clock.zone()).toLocalDate();
                if (!bucketDay.equals(day)) {
                    day = bucketDay;
                    isHoliday = holiday.test(day);
                }
                if (isHoliday) {
                    holidays += exposure;
                }
            }
            return new Observation(from, cumulative, holidays * (1 - settings.holidayFactor()));
        }

        /**
         * (recent observed + 1) / (recent expected + 1) over the trend span, to the trend weight (1 without
         * trend); a past holiday's expectation is scaled by the holiday factor, as the forecast scales a coming one.
         */
        private double trend(SeriesKey key) {
            if (settings.trendWeight() == 0) {
                return 1.0;
            }
            long to = detector.openBucket();
            long from = to - settings.trendDays() * 86400L / detector.settings().bucketSeconds() + 1;
            long observed = 0;
            double expected = 0;
            for (TensionDetector.BucketFigures figures : detector.figures(key, from, to)) {
                observed += figures.observed();
                expected += figures.expected() * (within(pastHolidays, figures.bucket()) ? settings.holidayFactor() : 1.0);
            }
            return Math.pow((observed + 1.0) / (expected + 1.0), settings.trendWeight());
        }

        /**
         * The holidays within the trend's reach (observed, up to the open bucket), as bucket ranges
         * {@code [from, to)}; none when holidays are ordinary days or there is no trend.
         */
        private List<long[]> pastHolidays() {
            List<long[]> ranges = new ArrayList<>();
            if (settings.holidayFactor() == 1.0 || settings.trendWeight() == 0 || detector.observedSince().isEmpty()) {
                return ranges;
            }
            long open = detector.openBucket();
            long first = Math.max(open - settings.trendDays() * 86400L / detector.settings().bucketSeconds() + 1,
                    detector.observedSince().getAsLong());
            LocalDate last = clock.start(open).atZone(clock.zone()).toLocalDate();
            for (LocalDate day = clock.start(first).atZone(clock.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
                if (holiday.test(day)) {
                    ranges.add(new long[]{Math.max(first, startOf(clock, day)), Math.min(open + 1, startOf(clock, day.plusDays(1)))});
                }
            }
            return ranges;
        }
    }

    private double size(double mean, double relativeVariance) {
        return CountInterval.sizeFor(mean, settings.dispersion(), relativeVariance);
    }

    /**
     * The coefficient of m² in the variance of a count with mean m: the level drift κ plus the baseline's
     * sampling error, (φ/level + κ) / effective weeks.
     */
    double relativeVariance(TensionDetector detector, double perWeek, double exposureWeeks) {
        double drift = settings.levelDrift();
        return drift + (settings.dispersion() / Math.max(perWeek, 1e-9) + drift) / effectiveWeeks(detector, exposureWeeks);
    }

    /**
     * How many weeks of independent counts the exponentially weighted level is worth. With decay λ per bucket,
     * B buckets a week and exposure E weeks (continuous since the series began), the level's variance is that of
     * a plain mean over E(1 + λ) / (2 − B(1 − λ)E) weeks: E for a young series, 2E (twice the half-life in weeks
     * over ln 2) once the weights have reached their steady state. The detector's prior adds its tenth of a week.
     */
    static double effectiveWeeks(TensionDetector detector, double exposureWeeks) {
        double decay = decay(detector);
        double reached = Math.min(1.0, bucketsPerWeek(detector) * (1 - decay) * exposureWeeks);
        return exposureWeeks * (1 + decay) / (2 - reached) + TensionDetector.priorWeeks();
    }

    private static double decay(TensionDetector detector) {
        return Math.pow(0.5, (double) detector.settings().bucketSeconds() / detector.settings().levelHalfLife().toSeconds());
    }

    private static double bucketsPerWeek(TensionDetector detector) {
        return 7 * 86400.0 / detector.settings().bucketSeconds();
    }

    private static boolean within(List<long[]> ranges, long bucket) {
        for (long[] range : ranges) {
            if (range[0] <= bucket && bucket < range[1]) {
                return true;
            }
        }
        return false;
    }

    private static long startOf(BucketClock clock, LocalDate day) {
        return clock.bucketOf(day.atStartOfDay(clock.zone()).toInstant());
    }
}
