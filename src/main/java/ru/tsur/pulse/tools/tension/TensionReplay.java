package ru.tsur.pulse.tools.tension;

import ru.tsur.pulse.csv.CsvReader;
import ru.tsur.pulse.tension.BucketClock;
import ru.tsur.pulse.tension.CountTail;
import ru.tsur.pulse.tension.SeriesKey;
import ru.tsur.pulse.tension.TensionAlertView;
import ru.tsur.pulse.tension.TensionDetector;
import ru.tsur.pulse.tension.TensionSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Replays labelled messages through {@link TensionDetector} in simulated time, as fast as it can: every
 * bucket is opened, filled with the messages created in it, evaluated once at its end and closed. No
 * service, no database — the same decisions as the service, on the data's own labels (municipality or
 * district, category, reason/topic). Synthetic spikes can be injected to measure detection delay.
 */
public final class TensionReplay {

    /** The messages of one series in one bucket. */
    public record Cell(String municipality, String category, String topic, long bucket, int messages) {
    }

    /**
     * Extra messages for one municipality × category: in each bucket of {@code [start, start + hours)},
     * Poisson-many with mean (factor − 1) × the series' usual count for that hour of the week (its mean over
     * the whole file, so the injection does not depend on what the detector learned).
     */
    public record Injection(String municipality, String category, LocalDateTime start, int hours, double factor) {

        /** Parses {@code municipality=…,category=…,start=2020-11-10T10:00,hours=6,factor=3}. */
        public static Injection parse(String spec) {
            Map<String, String> fields = new HashMap<>();
            for (String part : spec.split(",")) {
                int equals = part.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("--inject: '" + part + "' is not name=value");
                }
                fields.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
            }
            for (String required : List.of("municipality", "category", "start")) {
                if (!fields.containsKey(required)) {
                    throw new IllegalArgumentException("--inject needs " + required + "=…");
                }
            }
            return new Injection(fields.get("municipality"), fields.get("category"),
                    LocalDateTime.parse(fields.get("start")), Integer.parseInt(fields.getOrDefault("hours", "6")),
                    Double.parseDouble(fields.getOrDefault("factor", "3")));
        }
    }

    /** An alert as it ended (or stood at the end of the data), with the bucket it was first raised in. */
    public record ReplayedAlert(TensionAlertView alert, long startBucket, long raisedBucket) {
    }

    /** What one replay found. */
    public record Result(List<ReplayedAlert> alerts, int series, long firstBucket, long lastBucket,
                         long evaluatedFrom) {
    }

    private final List<Cell> cells;
    private final ZoneId zone;
    private final long bucketSeconds;
    private final long firstBucket;
    private final long lastBucket;
    private final Map<String, Integer> municipalityTotals = new HashMap<>();
    private final Map<String, Map<String, Integer>> categoryTotals = new HashMap<>();

    private TensionReplay(List<Cell> cells, ZoneId zone, long bucketSeconds) {
        this.cells = cells;
        this.zone = zone;
        this.bucketSeconds = bucketSeconds;
        this.firstBucket = cells.stream().mapToLong(Cell::bucket).min().orElse(0);
        this.lastBucket = cells.stream().mapToLong(Cell::bucket).max().orElse(0);
        for (Cell cell : cells) {
            municipalityTotals.merge(cell.municipality(), cell.messages(), Integer::sum);
            categoryTotals.computeIfAbsent(cell.municipality(), ignored -> new HashMap<>())
                    .merge(cell.category(), cell.messages(), Integer::sum);
        }
    }

    /**
     * Reads a CSV with {@code created_at}, {@code municipality} (or {@code district}), {@code category} and
     * optionally {@code reason} or {@code topic}; times without an offset are local to {@code zone}.
     */
    public static TensionReplay read(Path file, ZoneId zone, long bucketSeconds) throws IOException {
        Map<List<Object>, Integer> counts = new HashMap<>();
        try (CsvReader reader = CsvReader.open(file)) {
            List<String> header = reader.header();
            String place = header.contains("municipality") ? "municipality" : "district";
            String topicColumn = header.contains("reason") ? "reason" : header.contains("topic") ? "topic" : null;
            for (String required : List.of("created_at", place, "category")) {
                if (!header.contains(required)) {
                    throw new IOException(file + ": no column " + required + " (have " + header + ")");
                }
            }
            for (Map<String, String> row = reader.next(); row != null; row = reader.next()) {
                String municipality = row.get(place);
                String category = row.get("category");
                if (municipality == null || municipality.isBlank() || category == null || category.isBlank()) {
                    continue;
                }
                String topic = topicColumn == null ? null : blankToNull(row.get(topicColumn));
                long bucket = Math.floorDiv(parseTime(row.get("created_at"), zone).getEpochSecond(), bucketSeconds);
                counts.merge(List.of(municipality, category, topic == null ? "" : topic, bucket), 1, Integer::sum);
            }
        }
        List<Cell> cells = new ArrayList<>(counts.size());
        counts.forEach((key, messages) -> cells.add(new Cell((String) key.get(0), (String) key.get(1),
                blankToNull((String) key.get(2)), (Long) key.get(3), messages)));
        cells.sort(Comparator.comparingLong(Cell::bucket));
        return new TensionReplay(cells, zone, bucketSeconds);
    }

    static TensionReplay of(List<Cell> cells, ZoneId zone, long bucketSeconds) {
        List<Cell> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingLong(Cell::bucket));
        return new TensionReplay(sorted, zone, bucketSeconds);
    }

    private static Instant parseTime(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The messages per series and bucket, in bucket order (the week-ahead evaluation replays them itself). */
    public List<Cell> cells() {
        return Collections.unmodifiableList(cells);
    }

    public ZoneId zone() {
        return zone;
    }

    public long bucketSeconds() {
        return bucketSeconds;
    }

    public long firstBucket() {
        return firstBucket;
    }

    public long lastBucket() {
        return lastBucket;
    }

    public long bucketOf(LocalDateTime local) {
        return Math.floorDiv(local.atZone(zone).toEpochSecond(), bucketSeconds);
    }

    /** Messages per municipality over the whole file. */
    public Map<String, Integer> municipalityTotals() {
        return municipalityTotals;
    }

    /** The municipality's most frequent category. */
    public String topCategory(String municipality) {
        return categoryTotals.getOrDefault(municipality, Map.of()).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
    }

    /**
     * Runs the detector over the whole file (plus injected messages); alerts raised before
     * {@code evaluateFrom} (the warm-up) are not reported.
     */
    public Result run(TensionSettings settings, long evaluateFrom, List<Injection> injections, long seed) {
        TensionDetector detector = new TensionDetector(settings, 0);
        TreeMap<Long, List<Cell>> byBucket = byBucket();
        Random random = new Random(seed);
        for (Injection injection : injections) {
            for (Cell extra : injected(injection, random)) {
                byBucket.computeIfAbsent(extra.bucket(), ignored -> new ArrayList<>()).add(extra);
            }
        }
        Map<List<Object>, ReplayedAlert> alerts = new LinkedHashMap<>();
        for (long bucket = firstBucket; bucket <= lastBucket; bucket++) {
            step(detector, bucket, byBucket.getOrDefault(bucket, List.of()), bucket >= evaluateFrom, alerts);
        }
        List<ReplayedAlert> sorted = new ArrayList<>(alerts.values());
        sorted.sort(Comparator.comparingLong(ReplayedAlert::startBucket)
                .thenComparing(alert -> alert.alert().key().toString()));
        return new Result(sorted, detector.seriesCount(), firstBucket, lastBucket, evaluateFrom);
    }

    /**
     * Many injection trials in one pass: the replay without injections runs once, and at each trial's start
     * a copy of the detector goes on with that trial's extra messages until {@code settle} buckets after
     * the injection ends. Returns, per trial in the given order, the bucket its injected series was first
     * raised in (1 = the injection's first bucket), or null if it was not.
     */
    public List<Integer> trials(TensionSettings settings, long evaluateFrom, List<Injection> trials, long seed) {
        TensionDetector detector = new TensionDetector(settings, 0);
        TreeMap<Long, List<Cell>> byBucket = byBucket();
        Map<Long, List<Integer>> startingAt = new HashMap<>();
        for (int index = 0; index < trials.size(); index++) {
            startingAt.computeIfAbsent(bucketOf(trials.get(index).start()), ignored -> new ArrayList<>()).add(index);
        }
        Integer[] delays = new Integer[trials.size()];
        for (long bucket = firstBucket; bucket <= lastBucket; bucket++) {
            for (int index : startingAt.getOrDefault(bucket, List.of())) {
                delays[index] = trial(detector.copy(), byBucket, trials.get(index), settings, new Random(seed + index));
            }
            step(detector, bucket, byBucket.getOrDefault(bucket, List.of()), bucket >= evaluateFrom, new HashMap<>());
        }
        return java.util.Arrays.asList(delays);
    }

    private Integer trial(TensionDetector fork, TreeMap<Long, List<Cell>> byBucket, Injection injection,
                          TensionSettings settings, Random random) {
        long start = bucketOf(injection.start());
        long end = start + Math.max(1, injection.hours() * 3600L / bucketSeconds);
        Map<Long, List<Cell>> extra = new HashMap<>();
        for (Cell cell : injected(injection, random)) {
            extra.computeIfAbsent(cell.bucket(), ignored -> new ArrayList<>()).add(cell);
        }
        SeriesKey key = new SeriesKey(injection.municipality(), injection.category(), null);
        for (long bucket = start; bucket < end + settings.longestWindow() && bucket <= lastBucket; bucket++) {
            List<Cell> cells = new ArrayList<>(byBucket.getOrDefault(bucket, List.of()));
            cells.addAll(extra.getOrDefault(bucket, List.of()));
            fork.openBucket(bucket);
            for (Cell cell : cells) {
                fork.add(cell.municipality(), cell.category(), cell.topic(), bucket, cell.messages());
            }
            for (TensionDetector.AlertChange change : fork.evaluate(1.0, true)) {
                if (change.change() == TensionDetector.Change.RAISED && change.alert().key().equals(key)) {
                    return (int) (bucket - start + 1);
                }
            }
            fork.closeBucket();
        }
        return null;
    }

    private static void step(TensionDetector detector, long bucket, List<Cell> cells, boolean evaluate,
                             Map<List<Object>, ReplayedAlert> alerts) {
        detector.openBucket(bucket);
        for (Cell cell : cells) {
            detector.add(cell.municipality(), cell.category(), cell.topic(), bucket, cell.messages());
        }
        if (evaluate) {
            for (TensionDetector.AlertChange change : detector.evaluate(1.0, true)) {
                TensionAlertView alert = change.alert();
                long start = detector.clock().bucketOf(alert.start());
                List<Object> identity = List.of(alert.key(), start);
                ReplayedAlert before = alerts.get(identity);
                alerts.put(identity, new ReplayedAlert(alert, start, before == null ? bucket : before.raisedBucket()));
            }
        }
        detector.closeBucket();
    }

    private TreeMap<Long, List<Cell>> byBucket() {
        TreeMap<Long, List<Cell>> byBucket = new TreeMap<>();
        for (Cell cell : cells) {
            byBucket.computeIfAbsent(cell.bucket(), ignored -> new ArrayList<>()).add(cell);
        }
        return byBucket;
    }

    private List<Cell> injected(Injection injection, Random random) {
        long start = bucketOf(injection.start());
        long end = start + Math.max(1, injection.hours() * 3600L / bucketSeconds);
        double[] usual = usualByHourOfWeek(injection.municipality(), injection.category());
        BucketClock clock = new BucketClock(bucketSeconds, zone);
        List<Cell> extra = new ArrayList<>();
        for (long bucket = start; bucket < end; bucket++) {
            double mean = (injection.factor() - 1) * usual[clock.hourOfWeek(clock.start(bucket))] * bucketSeconds / 3600.0;
            int messages = CountTail.samplePoisson(mean, random);
            if (messages > 0) {
                extra.add(new Cell(injection.municipality(), injection.category(), null, bucket, messages));
            }
        }
        return extra;
    }

    /** Mean messages per hour of the week of one series over the whole file. */
    private double[] usualByHourOfWeek(String municipality, String category) {
        BucketClock clock = new BucketClock(bucketSeconds, zone);
        double[] sums = new double[BucketClock.HOURS_PER_WEEK];
        for (Cell cell : cells) {
            if (cell.municipality().equals(municipality) && cell.category().equals(category)) {
                sums[clock.hourOfWeek(clock.start(cell.bucket()))] += cell.messages();
            }
        }
        double weeks = Math.max(1.0, (lastBucket - firstBucket + 1) * bucketSeconds / (7 * 86400.0));
        for (int hour = 0; hour < sums.length; hour++) {
            sums[hour] /= weeks;
        }
        return sums;
    }

}
