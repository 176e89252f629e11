package ru.tsur.pulse.tension;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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
public final class EvaluateTensionCommand {

    private static final Set<String> OPTIONS = Set.of("--data", "--inject", "--trials", "--seed", "--factor", "--hours",
            "--within", "--warmup-days", "--quiet-until", "--zone", "--bucket", "--alpha", "--dispersion",
            "--min-count", "--min-ratio", "--windows", "--quiet", "--volume-band");

    private EvaluateTensionCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = parse(args);
        if (!options.containsKey("--data")) {
            throw new IllegalArgumentException("usage: --data FILE [--inject SPEC]... [--trials N] [--quiet-until DATE]");
        }
        long began = System.nanoTime();
        ZoneId zone = ZoneId.of(one(options, "--zone", "Europe/Moscow"));
        TensionSettings defaults = TensionSettings.defaults(zone);
        Duration bucket = Duration.parse(one(options, "--bucket", defaults.bucket().toString()));
        TensionSettings settings = new TensionSettings(bucket, zone,
                Arrays.stream(one(options, "--windows", "1,3,6").split(",")).map(String::trim).map(Integer::valueOf).toList(),
                Double.parseDouble(one(options, "--alpha", String.valueOf(defaults.alpha()))),
                Double.parseDouble(one(options, "--dispersion", String.valueOf(defaults.dispersion()))),
                Integer.parseInt(one(options, "--min-count", String.valueOf(defaults.minCount()))),
                Double.parseDouble(one(options, "--min-ratio", String.valueOf(defaults.minRatio()))),
                defaults.resolveScore(), defaults.resolveAfter(), defaults.cooldown(), defaults.levelHalfLife(),
                defaults.profileHalfLife(), defaults.priorWeekly(),
                (int) Math.max(defaults.historyBuckets() * 3600L / bucket.toSeconds(), 7));
        TensionReplay replay = TensionReplay.read(Path.of(one(options, "--data", null)), zone, bucket.toSeconds());
        long warmupBuckets = Long.parseLong(one(options, "--warmup-days", "14")) * 86400 / bucket.toSeconds();
        long evaluateFrom = replay.firstBucket() + warmupBuckets;
        List<TensionReplay.Injection> injections = options.getOrDefault("--inject", List.of()).stream()
                .map(TensionReplay.Injection::parse).toList();
        long seed = Long.parseLong(one(options, "--seed", "1"));

        TensionReplay.Result result = replay.run(settings, evaluateFrom, injections, seed);
        BucketClock clock = new BucketClock(bucket.toSeconds(), zone);
        if (!options.containsKey("--quiet")) {
            for (TensionReplay.ReplayedAlert alert : result.alerts()) {
                System.out.println(line(alert.alert(), clock));
            }
        }
        System.out.println("alerts=" + result.alerts().size() + " series=" + result.series());
        int within = Integer.parseInt(one(options, "--within", "2"));
        if (!injections.isEmpty()) {
            reportInjections(replay, result, injections, clock, settings);
        }
        if (options.containsKey("--quiet-until")) {
            reportQuietPeriod(replay, result, LocalDate.parse(one(options, "--quiet-until", null)), clock);
        }
        if (options.containsKey("--trials")) {
            runTrials(replay, settings, evaluateFrom, Integer.parseInt(one(options, "--trials", "100")), seed,
                    Double.parseDouble(one(options, "--factor", "3")), Integer.parseInt(one(options, "--hours", "6")),
                    within, one(options, "--volume-band", "0.4-0.6"), clock);
        }
        System.err.printf(Locale.ROOT, "elapsed=%.1fs cpu=%.1fs (reading, replay and reports; the JVM start not included)%n",
                (System.nanoTime() - began) / 1e9, processCpuSeconds());
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

    private static void reportInjections(TensionReplay replay, TensionReplay.Result result,
                                         List<TensionReplay.Injection> injections, BucketClock clock,
                                         TensionSettings settings) {
        List<TensionReplay.ReplayedAlert> explained = new ArrayList<>();
        for (TensionReplay.Injection injection : injections) {
            Detection detection = detect(replay, result, injection, settings);
            explained.addAll(detection.alerts());
            System.out.println(String.format(Locale.ROOT, "injection municipality=%s category=%s start=%s hours=%d factor=%.1f detected=%s delay=%s",
                    injection.municipality(), injection.category(), injection.start(), injection.hours(), injection.factor(),
                    detection.delay() == null ? "no" : "yes", detection.delay() == null ? "-" : detection.delay() + "_buckets"));
        }
        long falseAlarms = result.alerts().stream().filter(alert -> !explained.contains(alert))
                .filter(alert -> !alert.alert().key().regionWide()).count();
        System.out.println("false_alarms_outside_injections=" + falseAlarms + " (municipal alerts on other series or times)");
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

    private static void reportQuietPeriod(TensionReplay replay, TensionReplay.Result result, LocalDate until,
                                          BucketClock clock) {
        long to = replay.bucketOf(until.atStartOfDay());
        long municipal = result.alerts().stream()
                .filter(alert -> alert.startBucket() >= result.evaluatedFrom() && alert.startBucket() < to)
                .filter(alert -> !alert.alert().key().regionWide()).count();
        long region = result.alerts().stream()
                .filter(alert -> alert.startBucket() >= result.evaluatedFrom() && alert.startBucket() < to)
                .filter(alert -> alert.alert().key().regionWide()).count();
        int municipalities = replay.municipalityTotals().size();
        double days = (to - result.evaluatedFrom()) * clock.bucketSeconds() / 86400.0;
        System.out.println(String.format(Locale.ROOT,
                "quiet_period from=%s to=%s days=%.1f municipal_alerts=%d municipalities=%d per_municipality_per_30_days=%.3f region_alerts=%d",
                clock.localMinute(result.evaluatedFrom()), clock.localMinute(to), days, municipal, municipalities,
                municipal / (double) municipalities / (days / 30.0), region));
    }

    private static void runTrials(TensionReplay replay, TensionSettings settings, long evaluateFrom, int trials,
                                  long seed, double factor, int hours, int within, String band, BucketClock clock) {
        List<Map.Entry<String, Integer>> byVolume = new ArrayList<>(replay.municipalityTotals().entrySet());
        byVolume.sort(Map.Entry.comparingByValue());
        String[] bounds = band.split("-");
        int from = (int) Math.floor(Double.parseDouble(bounds[0]) * byVolume.size());
        int to = Math.max(from + 1, (int) Math.ceil(Double.parseDouble(bounds[1]) * byVolume.size()));
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
            System.out.println(String.format(Locale.ROOT, "trial=%d municipality=%s category=%s start=%s delay=%s",
                    trial + 1, injection.municipality(), injection.category(), injection.start(), delay == null ? "-" : delay));
        }
        found.sort(Integer::compare);
        System.out.println(String.format(Locale.ROOT,
                "trials=%d factor=%.1f hours=%d volume_band=%s municipalities=%d detected=%d detected_within_%d=%d (%.1f%%) median_delay=%s",
                trials, factor, hours, band, candidates.size(), detected, within, detectedWithin,
                100.0 * detectedWithin / trials, found.isEmpty() ? "-" : found.get(found.size() / 2)));
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        for (int index = 0; index < args.length; index++) {
            String name = args[index];
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "; known: " + OPTIONS);
            }
            if (name.equals("--quiet")) {
                options.put(name, List.of("true"));
                continue;
            }
            if (index + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.computeIfAbsent(name, ignored -> new ArrayList<>()).add(args[++index]);
        }
        return options;
    }

    private static String one(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
    }
}
