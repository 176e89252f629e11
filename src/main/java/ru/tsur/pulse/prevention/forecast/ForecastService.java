package ru.tsur.pulse.prevention.forecast;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import ru.tsur.pulse.calendar.WorkingCalendar;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.tension.SeriesKey;
import ru.tsur.pulse.tension.TensionDetector;
import ru.tsur.pulse.tension.TensionService;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The week ahead in the service: {@link WeekAhead} read off the live tension detector ({@link TensionService}
 * warms it from PostgreSQL's counts and keeps it current), exactly as the evaluation command reads it off its
 * replayed detector — one model, one set of measured settings ({@link ForecastSettings#defaults} with the
 * detector's dispersion), the region's working calendar for holidays. The detector is not thread-safe: every
 * forecast is made under its lock ({@link TensionService#read}), on the caller's thread, which must be a
 * worker (the API's blocking endpoint, the scheduler's job), never the event loop.
 *
 * <p><b>The first day is tomorrow</b> (local, the region's zone). Today is partly over and partly counted
 * already, so a "week from today" would mix what happened with what is expected and its interval would
 * mean neither; from tomorrow all seven days are whole and still to come, which is the very forecast the
 * evaluation scored (made at midnight for the seven days from it). The hours left of today are not forecast.
 *
 * <p><b>The usual week</b> a forecast is set against is the messages the series got in the last 7 × 24
 * hours up to now (the open hour included): the seasonal-naive forecast the evaluation measures MASE
 * against, and what a reader remembers as "last week". (In the test profile the detector keeps two hours
 * of history, so there it is the last two hours.)
 *
 * <p>For the metrics, the whole region's forecast is made again every {@code pulse.forecast.refresh}
 * (checked every {@code pulse.forecast.check}, so the first comes right after warm-up) and kept:
 * per category of the region (the region-wide series' own forecast) as Micrometer gauges
 * {@code pulse_prevention_forecast_messages{category,bound}} (categories × 3, a small fixed set), and per
 * municipality (its categories summed, {@link WeekTotal}) for the municipality business endpoint, which is
 * where municipality labels go (README, «Metrics»).
 */
@ApplicationScoped
public class ForecastService {

    private static final Logger LOG = Logger.getLogger(ForecastService.class);
    private static final long WEEK_SECONDS = 7 * 86_400L;

    /** One series' week ahead and its messages in the last 7 days. */
    public record Series(WeekAhead.SeriesForecast forecast, long lastWeek) {
    }

    /**
     * A forecast as made at {@code computedAt}: the week from {@code firstDay}, the baselines' learning days
     * left (0 once learned), the municipal series picked, and the region-wide series per category (when asked).
     */
    public record Week(Instant computedAt, LocalDate firstDay, int learningDaysLeft, List<Series> series,
                       Map<String, Series> regionCategories) {
    }

    /** What the metrics show: the week's totals per municipality and per category of the region. */
    public record Figures(Instant computedAt, LocalDate firstDay, Map<String, Total> municipalities,
                          Map<String, Total> categories) {
    }

    /** A week's total with the last 7 days' messages beside it. */
    public record Total(WeekTotal week, long lastWeek) {
    }

    private final TensionService tension;
    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private final Clock clock;
    private final ForecastConfig config;
    private volatile Figures figures;

    public ForecastService(TensionService tension, WorkingCalendar calendar, Region region, Clock clock,
                           ForecastConfig config, MeterRegistry registry) {
        this.tension = tension;
        this.calendar = calendar;
        this.zone = ZoneId.of(region.timeZone());
        this.clock = clock;
        this.config = config;
        for (Category category : region.categories()) {
            gauge(registry, category.id(), "expected", total -> total.week().expected());
            gauge(registry, category.id(), "low", total -> total.week().low());
            gauge(registry, category.id(), "high", total -> total.week().high());
        }
    }

    private void gauge(MeterRegistry registry, String category, String bound, ToDoubleFunction<Total> value) {
        Gauge.builder("pulse.prevention.forecast.messages", this, service -> service.categoryValue(category, value))
                .description("Messages the region's category is expected to get in the next 7 days (expected; low and"
                        + " high: the 80% interval); NaN before the first forecast")
                .tag("category", category).tag("bound", bound).register(registry);
    }

    private double categoryValue(String category, ToDoubleFunction<Total> value) {
        Figures current = figures;
        Total total = current == null ? null : current.categories().get(category);
        return total == null ? (current == null ? Double.NaN : 0) : value.applyAsDouble(total);
    }

    /** Whether the baselines are warm (the API answers 503 before). */
    public boolean ready() {
        return tension.ready();
    }

    /** The region's time zone, in which the days are counted. */
    public ZoneId zone() {
        return zone;
    }

    /** The probability the intervals are to hold. */
    public double coverage() {
        return ForecastSettings.COVERAGE;
    }

    /** The latest figures of the metrics' forecast; empty before the first. */
    public Optional<Figures> figures() {
        return Optional.ofNullable(figures);
    }

    /**
     * The week ahead of every municipality × category series the detector has counted that {@code picked}
     * accepts, and with {@code regionCategories} of every region-wide category series; empty before warm-up.
     * Runs under the detector's lock: call on a worker.
     */
    public Optional<Week> week(Predicate<SeriesKey> picked, boolean regionCategories) {
        Instant now = clock.instant();
        LocalDate firstDay = LocalDate.ofInstant(now, zone).plusDays(1);
        return tension.read(detector -> Optional.of(week(detector, now, firstDay, picked, regionCategories)),
                Optional.<Week>empty());
    }

    private Week week(TensionDetector detector, Instant now, LocalDate firstDay, Predicate<SeriesKey> picked,
                      boolean regionCategories) {
        WeekAhead weekAhead = new WeekAhead(ForecastSettings.defaults(detector.settings().dispersion()), calendar::isHoliday);
        List<SeriesKey> municipal = new ArrayList<>();
        List<SeriesKey> regional = new ArrayList<>();
        for (SeriesKey key : detector.keys()) {
            if (key.topic() != null) {
                continue;
            }
            if (key.regionWide()) {
                if (regionCategories) {
                    regional.add(key);
                }
            } else if (picked.test(key)) {
                municipal.add(key);
            }
        }
        Map<SeriesKey, Long> lastWeek = lastWeek(detector);
        List<Series> series = new ArrayList<>();
        for (WeekAhead.SeriesForecast forecast : weekAhead.forecast(detector, municipal, firstDay)) {
            series.add(new Series(forecast, lastWeek.getOrDefault(forecast.key(), 0L)));
        }
        Map<String, Series> categories = new HashMap<>();
        for (WeekAhead.SeriesForecast forecast : weekAhead.forecast(detector, regional, firstDay)) {
            categories.put(forecast.key().category(), new Series(forecast, lastWeek.getOrDefault(forecast.key(), 0L)));
        }
        return new Week(now, firstDay, detector.learningDaysLeft(), List.copyOf(series), Map.copyOf(categories));
    }

    /**
     * Messages of every tested series (municipal and region-wide category series among them) in the last 7 × 24
     * hours, the open bucket included, in one pass over the series (absent: none).
     */
    private static Map<SeriesKey, Long> lastWeek(TensionDetector detector) {
        Map<SeriesKey, Long> observed = new HashMap<>();
        for (TensionDetector.SeriesScore score : detector.scoresOver((int) (WEEK_SECONDS / detector.settings().bucketSeconds()))) {
            observed.put(score.key(), score.observed());
        }
        return observed;
    }

    /**
     * The metrics' forecast, made again when due: the first once the baselines are warm, then every
     * {@code pulse.forecast.refresh}. A blocking job: the scheduler runs it on a worker.
     */
    @Scheduled(every = "${pulse.forecast.check:1m}", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Figures current = figures;
        if (!ready() || current != null && current.computedAt().plus(config.refresh()).isAfter(clock.instant())) {
            return;
        }
        long started = System.nanoTime();
        week(key -> true, true).ifPresent(week -> {
            figures = figuresOf(week, coverage());
            LOG.infof("Week-ahead forecast from %s made for %d series in %d ms", week.firstDay(), week.series().size(),
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** The totals the metrics show: per municipality its categories summed, per category the region's series. */
    static Figures figuresOf(Week week, double coverage) {
        Map<String, List<Series>> byMunicipality = new HashMap<>();
        for (Series series : week.series()) {
            byMunicipality.computeIfAbsent(series.forecast().key().municipality(), ignored -> new ArrayList<>()).add(series);
        }
        Map<String, Total> municipalities = new HashMap<>();
        byMunicipality.forEach((municipality, list) -> municipalities.put(municipality, sum(list, coverage)));
        Map<String, Total> categories = new HashMap<>();
        week.regionCategories().forEach((category, series) ->
                categories.put(category, new Total(WeekTotal.of(series.forecast()), series.lastWeek())));
        return new Figures(week.computedAt(), week.firstDay(), Map.copyOf(municipalities), Map.copyOf(categories));
    }

    /** The week of a sum of series ({@link WeekTotal#sum}) with their last 7 days' messages summed. */
    public static Total sum(List<Series> series, double coverage) {
        long lastWeek = 0;
        List<WeekAhead.SeriesForecast> forecasts = new ArrayList<>(series.size());
        for (Series one : series) {
            lastWeek += one.lastWeek();
            forecasts.add(one.forecast());
        }
        return new Total(WeekTotal.sum(forecasts, coverage), lastWeek);
    }
}
