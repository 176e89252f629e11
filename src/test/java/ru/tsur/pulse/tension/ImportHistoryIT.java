package ru.tsur.pulse.tension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.counters.CounterService;
import ru.tsur.pulse.counters.CounterStore;
import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.counters.WindowCounts;
import ru.tsur.pulse.csv.CsvReader;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.pipeline.DecisionPath;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.tools.PulseToolsTest;
import ru.tsur.pulse.tools.ServiceSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@code scripts/import-history.sh} on the first week of the real St Petersburg stream, moved by whole weeks
 * into the recent past ({@code --shift-weeks auto}), into the running service's own test database:
 *
 * <ul>
 * <li>every row is stored as the service decides it — the service's own {@link DecisionPath} bean, applied here
 *     to the file's rows, gives exactly the stored columns (masked display text, place, category, topic, route),
 *     at the row's time moved by whole weeks (same weekday and hour);</li>
 * <li>a second import adds nothing;</li>
 * <li>no case: a message posted after the import gets its case while the imported ones (older ids, which the
 *     intake would otherwise take first) get none;</li>
 * <li>counted: the service counts them into Redis, whose 24 h and 7 d windows then equal PostgreSQL's;</li>
 * <li>warm: the counts the tension detector's warm-up reads from PostgreSQL (production settings: hourly
 *     buckets, 56 days) are exactly the week's, decided as above, plus whatever else the database holds, and so
 *     are the baselines warmed from them, series by series, bucket by bucket.</li>
 * </ul>
 * The test database is kept between runs and shared with other tests: the import's source is new in every run
 * (so its keys are), and every other figure is compared with what the database holds besides this import.
 * Lives here, not beside the command in {@code ru.tsur.pulse.tools}, because bean discovery skips that package.
 */
@QuarkusTest
class ImportHistoryIT {

    private static final Path SPB = Path.of("../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2020-10-18");
    private static final LocalDate LAST_DAY = LocalDate.parse("2020-10-24");
    private static final Pattern SHIFT = Pattern.compile(" shift_weeks=(\\d+) ");

    @Inject
    Pool pool;
    @Inject
    DecisionPath decisions;
    @Inject
    Region region;
    @Inject
    CounterStore counterStore;
    @Inject
    CounterService counters;
    @Inject
    TensionRepository tension;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    /** One row of the file's week as the service decides it. */
    private record Expected(ZonedDateTime original, PreparedMessage decided) {
    }

    @Test
    void theFirstWeekIsStoredAsTheServiceDecidesCountedAndWarmsTheBaselinesOnceWithoutCases() throws Exception {
        assertThat(SPB).as("shared St Petersburg data").exists();
        ZoneId zone = ZoneId.of(region.timeZone());
        String fileSource = "import" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String stored = "history." + fileSource;
        Instant before = Instant.now();

        PulseToolsTest.Run first = importWeek(fileSource);
        Instant after = Instant.now();
        assertThat(first.exitCode()).as(first.err()).isZero();
        Matcher shift = SHIFT.matcher(first.out());
        assertThat(shift.find()).as(first.out()).isTrue();
        long weeks = Long.parseLong(shift.group(1));

        List<Expected> week = decidedWeek(stored, weeks, zone);
        ZonedDateTime oldest = week.stream().map(Expected::original).min(Comparator.naturalOrder()).orElseThrow();
        ZonedDateTime newest = week.stream().map(Expected::original).max(Comparator.naturalOrder()).orElseThrow();
        // auto: the newest row lands in the week before the import
        assertThat(newest.plusWeeks(weeks).toInstant()).isBeforeOrEqualTo(after).isAfter(before.minus(Duration.ofDays(7)));
        long unlocated = week.stream().filter(row -> !row.decided().location().isKnown()).count();
        long rows = fileRows();
        assertThat(withoutTimings(first.out())).isEqualTo(String.format(Locale.ROOT,
                "import-history read=%d imported=%d already_present=0 refused=0 outside_slice=%d unlocated=%d"
                        + " shift_weeks=%d first=%s last=%s seconds=S rate=R/s%n",
                rows, week.size(), rows - week.size(), unlocated, weeks, minute(oldest.plusWeeks(weeks)),
                minute(newest.plusWeeks(weeks))));

        // stored exactly as the service decides, at the same weekday and hour
        assertThat(storedRows(stored)).isEqualTo(expectedRows(week));
        for (Expected row : week) {
            ZonedDateTime moved = row.decided().incoming().createdAt().atZone(zone);
            assertThat(List.of(moved.getDayOfWeek(), moved.getHour(), moved.getMinute()))
                    .isEqualTo(List.of(row.original().getDayOfWeek(), row.original().getHour(), row.original().getMinute()));
        }

        PulseToolsTest.Run again = importWeek(fileSource);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(withoutTimings(again.out())).isEqualTo(String.format(Locale.ROOT,
                "import-history read=%d imported=0 already_present=%d refused=0 outside_slice=%d unlocated=%d"
                        + " shift_weeks=%d first=%s last=%s seconds=S rate=R/s%n",
                rows, week.size(), rows - week.size(), unlocated, weeks, minute(oldest.plusWeeks(weeks)),
                minute(newest.plusWeeks(weeks))));
        assertThat(count("SELECT count(*) FROM message WHERE source = $1", stored)).isEqualTo(week.size());

        noCases(stored);
        countedIntoRedis(stored);
        warmBaselines(stored, week, zone);
    }

    private PulseToolsTest.Run importWeek(String source) {
        return PulseToolsTest.run("import-history", SPB.toString(), "--region", region.id(), "--source", source,
                "--from", FIRST_DAY.toString(), "--to", LAST_DAY.toString(), "--shift-weeks", "auto",
                "--batch", "500", "--database-url", databaseUrl);
    }

    /** Rows of the whole file. */
    private static long fileRows() throws Exception {
        long rows = 0;
        try (CsvReader csv = CsvReader.open(SPB)) {
            while (csv.next() != null) {
                rows++;
            }
        }
        return rows;
    }

    /** The week's rows as the service's decision path decides them, posted as the import posts them. */
    private List<Expected> decidedWeek(String source, long weeks, ZoneId zone) throws Exception {
        List<Expected> week = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(SPB)) {
            for (Map<String, String> row = csv.next(); row != null; row = csv.next()) {
                ZonedDateTime original = LocalDateTime.parse(row.get("created_at")).atZone(zone);
                if (original.toLocalDate().isBefore(FIRST_DAY) || original.toLocalDate().isAfter(LAST_DAY)) {
                    continue;
                }
                IncomingMessage message = new IncomingMessage(source, row.get("id"), original.plusWeeks(weeks).toInstant(),
                        row.get("text").strip(), Double.parseDouble(row.get("latitude")),
                        Double.parseDouble(row.get("longitude")), blankToNull(row.get("address")),
                        blankToNull(row.get("municipality")), blankToNull(row.get("category")),
                        blankToNull(row.get("reason")), null);
                week.add(new Expected(original, decisions.decide(message)));
            }
        }
        assertThat(week).hasSizeGreaterThan(1000);
        return week;
    }

    /** The summary with its time and rate, which vary from run to run, as {@code seconds=S rate=R/s}. */
    private static String withoutTimings(String summary) {
        return summary.replaceAll("seconds=[0-9.]+ rate=[0-9]+/s", "seconds=S rate=R/s");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String minute(ZonedDateTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES).toLocalDateTime().toString();
    }

    /** Every stored column the decisions fill, by external id; no case, counted or not. */
    private Map<String, List<Object>> storedRows(String source) {
        Map<String, List<Object>> rows = new HashMap<>();
        for (Row row : pool.preparedQuery("""
                        SELECT external_id, created_at, text, text_normalized, display_text, lat, lon, address,
                               municipality_hint, source_category, topic, author, municipality_id, locate_method,
                               category_id, classify_method, classify_confidence, executor, deadline_class, route_rule,
                               triage, imported, case_id
                        FROM message WHERE source = $1""")
                .execute(Tuple.of(source)).await().indefinitely()) {
            rows.put(row.getString("external_id"), Arrays.asList(row.getOffsetDateTime("created_at").toInstant(),
                    row.getString("text"), row.getString("text_normalized"), row.getString("display_text"),
                    row.getDouble("lat"), row.getDouble("lon"), row.getString("address"), row.getString("municipality_hint"),
                    row.getString("source_category"), row.getString("topic"), row.getString("author"),
                    row.getString("municipality_id"), row.getString("locate_method"), row.getString("category_id"),
                    row.getString("classify_method"), row.getDouble("classify_confidence"), row.getString("executor"),
                    row.getString("deadline_class"), row.getString("route_rule"), row.getBoolean("triage"),
                    row.getBoolean("imported"), row.getLong("case_id")));
        }
        return rows;
    }

    private static Map<String, List<Object>> expectedRows(List<Expected> week) {
        Map<String, List<Object>> rows = new HashMap<>();
        for (Expected expected : week) {
            PreparedMessage message = expected.decided();
            IncomingMessage incoming = message.incoming();
            rows.put(incoming.externalId(), Arrays.asList(incoming.createdAt(), incoming.text(), message.normalizedText(),
                    message.displayText(), incoming.lat(), incoming.lon(), incoming.address(), incoming.municipalityHint(),
                    incoming.category(), message.classification().topic(), incoming.author(),
                    message.location().municipalityId(), message.location().method(),
                    message.classification().categoryId(), message.classification().method(),
                    message.classification().confidence(), message.route().executor(), message.route().deadlineClass(),
                    message.route().rule(), false, true, null));
        }
        return rows;
    }

    /**
     * A message posted after the import gets its case; by then the intake, which takes the oldest ids first,
     * would have given the imported rows theirs — they have none.
     */
    private void noCases(String source) {
        String posted = TestMessages.uniqueId();
        long id = ((Number) given().contentType(ContentType.JSON)
                .body(TestMessages.at(posted, 59.9386, 30.3141, "Благоустройство",
                        "Сломана скамейка во дворе после импорта истории " + posted))
                .when().post("/api/v1/messages").then().statusCode(202).extract().path("id")).longValue();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM message WHERE id = $1 AND case_id IS NOT NULL", id) == 1);
        assertThat(count("SELECT count(*) FROM message WHERE source = $1 AND case_id IS NOT NULL", source)).isZero();
        assertThat(count("SELECT count(*) FROM message WHERE source = $1 AND triage", source)).isZero();
    }

    /** The service counts the imported rows; Redis's 24 h and 7 d windows then hold what PostgreSQL does. */
    private void countedIntoRedis(String source) {
        await().atMost(Duration.ofSeconds(120)).until(() -> count("SELECT count(*) FROM message WHERE counted_at IS NULL", null) == 0);
        assertThat(count("SELECT count(*) FROM message WHERE source = $1 AND counted_at IS NULL", source)).isZero();
        for (int attempt = 0; ; attempt++) {
            Instant now = Instant.now();
            long hour = now.getEpochSecond() / 3600;
            Map<Window, Map<String, Long>> redis = redisWindows(now);
            Map<Window, Map<String, Long>> postgres = Map.of(
                    Window.DAY, postgresSince(Instant.ofEpochSecond((hour - 23) * 3600)),
                    Window.WEEK, postgresSince(Instant.ofEpochSecond((hour - 167) * 3600)));
            if (Instant.now().getEpochSecond() / 3600 != hour && attempt < 3) {
                continue; // an hour began while reading: the windows slid
            }
            assertThat(redis).isEqualTo(postgres);
            assertThat(postgres.get(Window.WEEK).values().stream().mapToLong(Long::longValue).sum()).isPositive();
            return;
        }
    }

    private Map<Window, Map<String, Long>> redisWindows(Instant now) {
        Map<Window, Map<String, Long>> windows = new HashMap<>();
        for (WindowCounts counts : counterStore.readWindows(counters.municipalityIds(), now).await().indefinitely()) {
            for (Window window : List.of(Window.DAY, Window.WEEK)) {
                counts.in(window).forEach((category, n) -> windows.computeIfAbsent(window, ignored -> new HashMap<>())
                        .merge(counts.municipalityId() + '/' + category, n, Long::sum));
            }
        }
        return windows;
    }

    private Map<String, Long> postgresSince(Instant from) {
        Map<String, Long> cells = new HashMap<>();
        for (Row row : pool.preparedQuery("""
                        SELECT municipality_id, category_id, count(*) AS n FROM message WHERE created_at >= $1
                        GROUP BY municipality_id, category_id""")
                .execute(Tuple.of(ru.tsur.pulse.sql.Timestamps.utc(from))).await().indefinitely()) {
            cells.put(row.getString("municipality_id") + '/' + row.getString("category_id"), row.getLong("n"));
        }
        return cells;
    }

    /**
     * The counts the warm-up reads (production settings) are the week's plus the rest of the database's, and so
     * are the baselines warmed from them: every series' observed and expected counts in every bucket.
     */
    private void warmBaselines(String source, List<Expected> week, ZoneId zone) {
        TensionSettings settings = TensionSettings.defaults(zone);
        Duration warmup = new ServiceSettings(Map.of()).duration(TensionConfig.class, "warmup");
        BucketClock clock = new BucketClock(settings.bucketSeconds(), zone);
        long current = clock.bucketOf(Instant.now());
        long first = current - warmup.toSeconds() / settings.bucketSeconds();
        List<TensionRepository.BucketCount> read = tension.counts(clock.start(first), clock.start(current + 1),
                settings.bucketSeconds()).await().indefinitely();

        List<TensionRepository.BucketCount> others = others(source, clock.start(first), clock.start(current + 1),
                settings.bucketSeconds());
        Map<List<Object>, Integer> merged = new HashMap<>();
        others.forEach(count -> merged.merge(key(count.municipality(), count.category(), count.topic(), count.bucket()),
                count.messages(), Integer::sum));
        for (Expected row : week) {
            PreparedMessage message = row.decided();
            long bucket = clock.bucketOf(message.incoming().createdAt());
            if (bucket >= first && bucket <= current) {
                merged.merge(key(message.location().municipalityId(), message.classification().categoryId(),
                        message.classification().topic(), bucket), 1, Integer::sum);
            }
        }
        List<TensionRepository.BucketCount> implied = merged.entrySet().stream()
                .map(entry -> new TensionRepository.BucketCount((String) entry.getKey().get(0), (String) entry.getKey().get(1),
                        (String) entry.getKey().get(2), (Long) entry.getKey().get(3), entry.getValue(), false))
                .toList();
        assertThat(sorted(read)).isEqualTo(sorted(implied));

        // The baselines the next start builds are those the week implies: every series, every bucket.
        TensionDetector fromPostgres = TensionService.warmed(settings, region, read, first, current);
        TensionDetector fromTheFile = TensionService.warmed(settings, region, implied, first, current);
        assertThat(fromPostgres.keys()).containsExactlyInAnyOrderElementsOf(fromTheFile.keys());
        for (SeriesKey key : fromPostgres.keys()) {
            TensionDetector.SeriesFilter series = new TensionDetector.SeriesFilter(key.municipality(), key.category(), key.topic());
            List<TensionDetector.BucketFigures> actual = fromPostgres.figures(series, first, current);
            List<TensionDetector.BucketFigures> expected = fromTheFile.figures(series, first, current);
            assertThat(actual).hasSameSizeAs(expected);
            for (int index = 0; index < actual.size(); index++) {
                // the same sums, added in another order: equal up to the last bits of a float
                assertThat(List.of(actual.get(index).bucket(), actual.get(index).observed())).as(key.toString())
                        .isEqualTo(List.of(expected.get(index).bucket(), expected.get(index).observed()));
                assertThat(actual.get(index).expected()).as(key + " at " + actual.get(index).bucket())
                        .isCloseTo(expected.get(index).expected(), within(1e-5 * Math.max(1, expected.get(index).expected())));
            }
        }
        TensionDetector.SeriesFilter wholeRegion = new TensionDetector.SeriesFilter(null, null, null);
        double warm = fromPostgres.figures(wholeRegion, current, current).get(0).expected();
        double cold = TensionService.warmed(settings, region, others, first, current)
                .figures(wholeRegion, current, current).get(0).expected();
        System.out.printf(Locale.ROOT, "import-history-week rows=%d series=%d region_expected_this_hour without=%.2f with=%.2f%n",
                week.size(), fromPostgres.seriesCount(), cold, warm);
    }

    private static List<Object> key(String municipality, String category, String topic, long bucket) {
        return Arrays.asList(municipality, category, topic, bucket);
    }

    private static List<TensionRepository.BucketCount> sorted(List<TensionRepository.BucketCount> counts) {
        return counts.stream().sorted(Comparator.comparing(TensionRepository.BucketCount::bucket)
                .thenComparing(TensionRepository.BucketCount::municipality)
                .thenComparing(TensionRepository.BucketCount::category)
                .thenComparing(TensionRepository.BucketCount::topic, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }

    /** What the warm-up's query reads of every message but this import's (the test database holds no past counts). */
    private List<TensionRepository.BucketCount> others(String source, Instant from, Instant to, long bucketSeconds) {
        List<TensionRepository.BucketCount> counts = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                        SELECT municipality_id, category_id, topic,
                               floor(extract(epoch FROM created_at) / $2)::bigint AS bucket, count(*) AS n
                        FROM message WHERE created_at >= $1 AND created_at < $3 AND source <> $4
                        GROUP BY municipality_id, category_id, topic, bucket""")
                .execute(Tuple.of(ru.tsur.pulse.sql.Timestamps.utc(from), bucketSeconds,
                        ru.tsur.pulse.sql.Timestamps.utc(to), source)).await().indefinitely()) {
            counts.add(new TensionRepository.BucketCount(row.getString("municipality_id"), row.getString("category_id"),
                    row.getString("topic"), row.getLong("bucket"), row.getLong("n").intValue(), false));
        }
        return counts;
    }

    private long count(String sql, Object parameter) {
        Tuple parameters = parameter == null ? Tuple.tuple() : Tuple.of(parameter);
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely().iterator().next().getLong(0);
    }
}
