package ru.tsur.pulse.tools.tension;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import ru.tsur.pulse.tension.BucketClock;
import ru.tsur.pulse.tension.SeriesKey;
import ru.tsur.pulse.tension.TensionAlertView;
import ru.tsur.pulse.tension.TensionSettings;
import ru.tsur.pulse.tools.Arguments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code scripts/evaluate-tension.sh}: replays a labelled CSV through the detector in simulated time and
 * prints one line per alert, then {@code alerts=N series=M}:
 * <pre>
 * alert start=2021-01-14T09:00 end=2021-01-15T18:00 scope=город Колпино category=Благоустройство topic=- observed=37 expected=9.2 score=88
 * </pre>
 * {@code --inject SPEC} (repeatable) adds synthetic messages and prints each injection's detection delay
 * and the false alarms outside the injected series; {@code --trials N} runs N replays, each with one 3×
 * (or {@code --factor}) spike of {@code --hours} in a municipality of median volume at a random time,
 * and prints how many were detected within {@code --within} buckets; {@code --quiet-until DATE} prints
 * the municipal alert rate per municipality per 30 days from the end of the warm-up to DATE.
 */
@Command(name = "evaluate-tension", sortOptions = false, sortSynopsis = false,
        description = "Replays a labelled CSV through the tension detector in simulated time (no service, no"
                + " database) and prints every alert, then alerts=N series=M; with --inject, --trials or"
                + " --quiet-until, detection delays and false-alarm rates.")
public final class EvaluateTensionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV with created_at, municipality (or district), category and optionally reason or topic;"
                    + " plain or gzipped.")
    Path data;

    @Option(names = "--inject", paramLabel = "SPEC", converter = InjectionSpec.class,
            description = "Add a synthetic spike (repeatable) and print its detection delay and the false alarms"
                    + " elsewhere. SPEC: municipality=…,category=…,start=2020-11-10T10:00 and optionally"
                    + " ,hours=6 ,factor=3.")
    List<TensionReplay.Injection> injections = new ArrayList<>();

    @Option(names = "--trials", paramLabel = "N",
            description = "Run N spikes at random hours after the warm-up in municipalities of --volume-band and"
                    + " print how many were detected within --within buckets.")
    Integer trials;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the injected messages and trials (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--factor", paramLabel = "F", defaultValue = "3",
            description = "Trials: the spike's multiple of the usual count (default ${DEFAULT-VALUE}).")
    double factor;

    @Option(names = "--hours", paramLabel = "H", defaultValue = "6",
            description = "Trials: the spike's length in hours (default ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--within", paramLabel = "B", defaultValue = "2",
            description = "Trials: detected in time = within B buckets (default ${DEFAULT-VALUE}).")
    int within;

    @Option(names = "--volume-band", paramLabel = "LOW-HIGH", defaultValue = "0.4-0.6",
            description = "Trials: municipalities between these shares of the ranking by messages"
                    + " (default ${DEFAULT-VALUE}: median volume).")
    String volumeBand;

    @Option(names = "--warmup-days", paramLabel = "D", defaultValue = "14",
            description = "Days at the start that only teach the detector (default ${DEFAULT-VALUE}).")
    long warmupDays;

    @Option(names = "--quiet-until", paramLabel = "DATE",
            description = "Print the municipal alert rate per municipality per 30 days from the warm-up's end to DATE.")
    LocalDate quietUntil;

    @Option(names = "--quiet", description = "No alert lines, only the totals and reports.")
    boolean quiet;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Europe/Moscow",
            description = "Time zone of times without an offset and of the weekly rhythm (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--bucket", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "Bucket length, a divisor of an hour (default ${DEFAULT-VALUE}).")
    Duration bucket;

    @Option(names = "--alpha", paramLabel = "A", description = "Detector knob as pulse.tension.alpha (default: the service's).")
    Double alpha;

    @Option(names = "--dispersion", paramLabel = "D", description = "As pulse.tension.dispersion (default: the service's).")
    Double dispersion;

    @Option(names = "--min-count", paramLabel = "N", description = "As pulse.tension.min-count (default: the service's).")
    Integer minCount;

    @Option(names = "--min-ratio", paramLabel = "R", description = "As pulse.tension.min-ratio (default: the service's).")
    Double minRatio;

    @Option(names = "--windows", paramLabel = "B", split = ",", defaultValue = "1,3,6",
            description = "Evaluation windows in buckets (default ${DEFAULT-VALUE}).")
    List<Integer> windows;

    /** {@code --inject}: a spike as {@link TensionReplay.Injection#parse} reads it. */
    static final class InjectionSpec implements ITypeConverter<TensionReplay.Injection> {
        @Override
        public TensionReplay.Injection convert(String spec) {
            try {
                return TensionReplay.Injection.parse(spec);
            } catch (RuntimeException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        Arguments.readable(spec, "--data", data);
        double[] band = volumeBand();
        Arguments.require(spec, trials == null || trials > 0, "--trials must be positive");
        Arguments.require(spec, hours > 0 && factor > 0, "--hours and --factor must be positive");
        long began = System.nanoTime();
        TensionSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        TensionReplay replay = TensionReplay.read(data, zone, bucket.toSeconds());
        long warmupBuckets = warmupDays * 86400 / bucket.toSeconds();
        long evaluateFrom = replay.firstBucket() + warmupBuckets;

        TensionReplay.Result result = replay.run(settings, evaluateFrom, injections, seed);
        BucketClock clock = new BucketClock(bucket.toSeconds(), zone);
        if (!quiet) {
            for (TensionReplay.ReplayedAlert alert : result.alerts()) {
                out.println(line(alert.alert(), clock));
            }
        }
        out.println("alerts=" + result.alerts().size() + " series=" + result.series());
        if (!injections.isEmpty()) {
            reportInjections(out, replay, result, settings);
        }
        if (quietUntil != null) {
            reportQuietPeriod(out, replay, result, quietUntil, clock);
        }
        if (trials != null) {
            runTrials(out, replay, settings, evaluateFrom, band, clock);
        }
        spec.commandLine().getErr().printf(Locale.ROOT,
                "elapsed=%.1fs cpu=%.1fs (reading, replay and reports; the JVM start not included)%n",
                (System.nanoTime() - began) / 1e9, processCpuSeconds());
        return 0;
    }

    /** The detector's settings: the service's defaults with the knobs given here. */
    private TensionSettings settings() {
        TensionSettings defaults = TensionSettings.defaults(zone);
        try {
            return new TensionSettings(bucket, zone, windows,
                    alpha == null ? defaults.alpha() : alpha,
                    dispersion == null ? defaults.dispersion() : dispersion,
                    minCount == null ? defaults.minCount() : minCount,
                    minRatio == null ? defaults.minRatio() : minRatio,
                    defaults.resolveScore(), defaults.resolveAfter(), defaults.cooldown(), defaults.levelHalfLife(),
                    defaults.profileHalfLife(), defaults.priorWeekly(),
                    (int) Math.max(defaults.historyBuckets() * 3600L / bucket.toSeconds(), 7),
                    // The evaluation only judges alerts after its own warm-up, which is the service's learning period.
                    Duration.ofDays(warmupDays));
        } catch (IllegalArgumentException e) {
            throw Arguments.usage(spec, e.getMessage());
        }
    }

    /** {@code --volume-band} as {low, high}, both shares in [0, 1], low below high. */
    private double[] volumeBand() {
        String[] bounds = volumeBand.split("-");
        double[] band = {Double.NaN, Double.NaN};
        try {
            band = new double[]{Double.parseDouble(bounds[0]), Double.parseDouble(bounds[bounds.length - 1])};
        } catch (NumberFormatException unreadable) {
            // a band that is not two numbers fails the check below
        }
        Arguments.require(spec, bounds.length == 2 && 0 <= band[0] && band[0] < band[1] && band[1] <= 1,
                "--volume-band is LOW-HIGH, shares with 0 <= LOW < HIGH <= 1, not " + volumeBand);
        return band;
    }

    /** CPU time of this process so far (all threads), or NaN where the JVM does not tell. */
    private static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean system) {
            return system.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    static String line(TensionAlertView alert, BucketClock clock) {
        SeriesKey key = alert.key();
        Long end = alert.end() == null ? clock.bucketOf(alert.through()) : clock.bucketOf(alert.end());
        return String.format(Locale.ROOT, "alert start=%s end=%s scope=%s category=%s topic=%s observed=%d expected=%.1f score=%d",
                clock.localMinute(clock.bucketOf(alert.start())), clock.localMinute(end),
                key.regionWide() ? "region" : key.municipality(), key.category(), key.topic() == null ? "-" : key.topic(),
                alert.observed(), alert.expected(), alert.peakScore());
    }

    private void reportInjections(PrintWriter out, TensionReplay replay, TensionReplay.Result result,
                                  TensionSettings settings) {
        List<TensionReplay.ReplayedAlert> explained = new ArrayList<>();
        for (TensionReplay.Injection injection : injections) {
            Detection detection = detect(replay, result, injection, settings);
            explained.addAll(detection.alerts());
            out.println(String.format(Locale.ROOT, "injection municipality=%s category=%s start=%s hours=%d factor=%.1f detected=%s delay=%s",
                    injection.municipality(), injection.category(), injection.start(), injection.hours(), injection.factor(),
                    detection.delay() == null ? "no" : "yes", detection.delay() == null ? "-" : detection.delay() + "_buckets"));
        }
        long falseAlarms = result.alerts().stream().filter(alert -> !explained.contains(alert))
                .filter(alert -> !alert.alert().key().regionWide()).count();
        out.println("false_alarms_outside_injections=" + falseAlarms + " (municipal alerts on other series or times)");
    }

    /** The alert an injection caused on its series (raised during it or just after), with the delay. */
    private record Detection(Integer delay, List<TensionReplay.ReplayedAlert> alerts) {
    }

    private static Detection detect(TensionReplay replay, TensionReplay.Result result, TensionReplay.Injection injection,
                                    TensionSettings settings) {
        long start = replay.bucketOf(injection.start());
        long end = start + Math.max(1, injection.hours() * 3600L / settings.bucketSeconds());
        SeriesKey key = new SeriesKey(injection.municipality(), injection.category(), null);
        Integer delay = null;
        List<TensionReplay.ReplayedAlert> caused = new ArrayList<>();
        for (TensionReplay.ReplayedAlert alert : result.alerts()) {
            if (alert.alert().key().equals(key) && alert.raisedBucket() >= start
                    && alert.raisedBucket() < end + settings.longestWindow()) {
                caused.add(alert);
                int thisDelay = (int) (alert.raisedBucket() - start + 1);
                delay = delay == null ? thisDelay : Math.min(delay, thisDelay);
            }
        }
        return new Detection(delay, caused);
    }

    private static void reportQuietPeriod(PrintWriter out, TensionReplay replay, TensionReplay.Result result,
                                          LocalDate until, BucketClock clock) {
        long to = replay.bucketOf(until.atStartOfDay());
        long municipal = result.alerts().stream()
                .filter(alert -> alert.startBucket() >= result.evaluatedFrom() && alert.startBucket() < to)
                .filter(alert -> !alert.alert().key().regionWide()).count();
        long region = result.alerts().stream()
                .filter(alert -> alert.startBucket() >= result.evaluatedFrom() && alert.startBucket() < to)
                .filter(alert -> alert.alert().key().regionWide()).count();
        int municipalities = replay.municipalityTotals().size();
        double days = (to - result.evaluatedFrom()) * clock.bucketSeconds() / 86400.0;
        out.println(String.format(Locale.ROOT,
                "quiet_period from=%s to=%s days=%.1f municipal_alerts=%d municipalities=%d per_municipality_per_30_days=%.3f region_alerts=%d",
                clock.localMinute(result.evaluatedFrom()), clock.localMinute(to), days, municipal, municipalities,
                municipal / (double) municipalities / (days / 30.0), region));
    }

    private void runTrials(PrintWriter out, TensionReplay replay, TensionSettings settings, long evaluateFrom,
                           double[] band, BucketClock clock) {
        List<Map.Entry<String, Integer>> byVolume = new ArrayList<>(replay.municipalityTotals().entrySet());
        byVolume.sort(Map.Entry.comparingByValue());
        int from = (int) Math.floor(band[0] * byVolume.size());
        int to = Math.max(from + 1, (int) Math.ceil(band[1] * byVolume.size()));
        List<String> candidates = byVolume.subList(from, to).stream().map(Map.Entry::getKey).toList();
        Random random = new Random(seed);
        long span = replay.lastBucket() - hours * 3600L / settings.bucketSeconds() - evaluateFrom;
        List<TensionReplay.Injection> injections = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            String municipality = candidates.get(random.nextInt(candidates.size()));
            long startBucket = evaluateFrom + (long) (random.nextDouble() * span);
            LocalDateTime start = LocalDateTime.ofInstant(clock.start(startBucket), clock.zone());
            injections.add(new TensionReplay.Injection(municipality, replay.topCategory(municipality), start, hours, factor));
        }
        List<Integer> delays = replay.trials(settings, evaluateFrom, injections, seed);
        int detected = 0;
        int detectedWithin = 0;
        List<Integer> found = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            TensionReplay.Injection injection = injections.get(trial);
            Integer delay = delays.get(trial);
            if (delay != null) {
                detected++;
                found.add(delay);
                if (delay <= within) {
                    detectedWithin++;
                }
            }
            out.println(String.format(Locale.ROOT, "trial=%d municipality=%s category=%s start=%s delay=%s",
                    trial + 1, injection.municipality(), injection.category(), injection.start(), delay == null ? "-" : delay));
        }
        found.sort(Integer::compare);
        out.println(String.format(Locale.ROOT,
                "trials=%d factor=%.1f hours=%d volume_band=%s municipalities=%d detected=%d detected_within_%d=%d (%.1f%%) median_delay=%s",
                trials, factor, hours, volumeBand, candidates.size(), detected, within, detectedWithin,
                100.0 * detectedWithin / trials, found.isEmpty() ? "-" : found.get(found.size() / 2)));
    }
}
