package ru.tsur.pulse.tools.training;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.tsur.pulse.classify.ClassifierModel;
import ru.tsur.pulse.tools.PulseToolsTest.Run;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.tsur.pulse.tools.PulseToolsTest.run;

/**
 * The operators' corrections as {@code train --with-corrections} reads them from a real PostgreSQL — the test
 * database (env {@code PULSE_TEST_DB_NAME}, default {@code pulse_test}), migrated by the service's own
 * migrations: a region's rows only, oldest first, every column; and the train command counting them into the
 * model, or saying that there are none. Each test starts from an empty {@code correction} table.
 */
class CorrectionStoreTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/"
            + System.getenv().getOrDefault("PULSE_TEST_DB_NAME", "pulse_test");
    private static final String USER = "pulse";
    private static final String PASSWORD = System.getenv().getOrDefault("PULSE_DB_PASSWORD", "pulse");

    @BeforeAll
    static void migrate() {
        Flyway.configure().dataSource(URL, USER, PASSWORD).locations("classpath:db/migration").load().migrate();
    }

    @BeforeEach
    void emptyTheCorrections() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM correction");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /** A stored message (the correction's foreign key), idempotent by its source and external id. */
    private static long message(Connection connection, String externalId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO message (source, external_id, created_at, text, text_normalized, display_text,
                                     municipality_id, locate_method, category_id, classify_method,
                                     classify_confidence, triage)
                VALUES ('correction-store-test', ?, now(), 'Звоните 89115550000', 'звоните 89115550000',
                        'Звоните [телефон]', 'unknown', 'none', 'improvement', 'model', 0.31, true)
                ON CONFLICT (source, external_id) DO UPDATE SET triage = true
                RETURNING id""")) {
            insert.setString(1, externalId);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void store(Connection connection, Correction correction) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO correction (message_id, region, masked_text, municipality_id, category_before,
                                        topic_before, category_id, topic, executor, confirmed, corrected_by,
                                        corrected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, correction.messageId());
            insert.setString(2, correction.region());
            insert.setString(3, correction.maskedText());
            insert.setString(4, correction.municipalityId());
            insert.setString(5, correction.categoryBefore());
            insert.setString(6, correction.topicBefore());
            insert.setString(7, correction.categoryId());
            insert.setString(8, correction.topic());
            insert.setString(9, correction.executor());
            insert.setBoolean(10, correction.confirmed());
            insert.setString(11, correction.correctedBy());
            insert.setObject(12, OffsetDateTime.ofInstant(correction.correctedAt(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** Two Kursk corrections (stored newest first) and one of St Petersburg. */
    private static List<Correction> storeThree() throws SQLException {
        List<Correction> kursk = new ArrayList<>();
        try (Connection connection = connect()) {
            Correction later = new Correction(message(connection, "k-2"), "kursk", "Яма на дороге у дома [адрес]",
                    "kursk-kursk", "k03-housing-utilities", null, "k00-roads", "Ямы на дорогах", null, false,
                    "operator2", Instant.parse("2026-12-02T09:00:00Z"));
            Correction earlier = new Correction(message(connection, "k-1"), "kursk", "Нет воды, звоните [телефон]",
                    "unknown", "k03-housing-utilities", "Отсутствие водоснабжения", "k03-housing-utilities",
                    "Отсутствие водоснабжения", "Администрация города Курска", true, "operator1",
                    Instant.parse("2026-12-01T08:30:00Z"));
            Correction spb = new Correction(message(connection, "s-1"), "spb", "Сосульки на крыше",
                    "spb-avtovo", "improvement", null, "roof", "Наличие наледи на крыше", null, false, "operator1",
                    Instant.parse("2026-12-01T07:00:00Z"));
            store(connection, later);
            store(connection, earlier);
            store(connection, spb);
            kursk.add(earlier);
            kursk.add(later);
        }
        return kursk;
    }

    @Test
    void aRegionsCorrectionsAreReadOldestFirstWithEveryColumn() throws SQLException {
        List<Correction> kursk = storeThree();
        assertThat(CorrectionStore.read(URL, USER, PASSWORD, "kursk")).isEqualTo(kursk);
        assertThat(CorrectionStore.read(URL, USER, PASSWORD, "spb")).extracting(Correction::categoryId)
                .containsExactly("roof");
        assertThat(CorrectionStore.read(URL, USER, PASSWORD, "krasnodar")).isEmpty();
    }

    @Test
    void trainingWithCorrectionsSaysHowManyItUsedAndCountsThemIntoTheModel(@TempDir Path directory) throws Exception {
        storeThree();
        Run run = train(directory, "--correction-weight", "3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("corrections region=kursk used=2 confirmed=1 corrected=1 weight=3"
                + " from=2026-12-01T08:30:00Z until=2026-12-02T09:00:00Z");
        assertThat(lines.get(1)).startsWith("trained region=kursk messages=" + (TINY_ROWS + 2 * 3) + " categories=2 ");
        assertThat(model(directory).description()).startsWith("trained on " + TINY_ROWS
                + " messages of tiny.csv and 2 operators' corrections (each 3 times); ");
    }

    @Test
    void withNoCorrectionsForTheRegionTrainingSaysSoAndUsesTheDataAlone(@TempDir Path directory) throws Exception {
        Run run = train(directory);
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("corrections region=kursk used=0: the correction table has none for"
                + " kursk; training on --data alone");
        assertThat(lines.get(1)).startsWith("trained region=kursk messages=" + TINY_ROWS + " categories=2 ");
        assertThat(model(directory).description()).startsWith("trained on " + TINY_ROWS + " messages of tiny.csv; ");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneLineAndExitCodeOne(@TempDir Path directory) throws Exception {
        Path data = tinyData(directory);
        Run run = run("train", "--region", "kursk", "--data", data.toString(), "--out", directory.toString(),
                "--with-corrections", "--database-url", "jdbc:postgresql://127.0.0.1:5432/no_such_database_here");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("pulse-tools train: Cannot read the corrections of kursk from"
                + " jdbc:postgresql://127.0.0.1:5432/no_such_database_here: ");
        assertThat(run.err().lines()).hasSize(1);
    }

    /** Rows of the tiny training file: two Kursk categories, enough to train on in a second. */
    private static final int TINY_ROWS = 40;

    private static Path tinyData(Path directory) throws Exception {
        StringBuilder csv = new StringBuilder("id,text,topic,executor,category\n");
        for (int row = 0; row < TINY_ROWS; row++) {
            boolean roads = row % 2 == 0;
            csv.append(row).append(',')
                    .append(roads ? "Яма на дороге номер " + row : "Нет горячей воды в доме " + row).append(',')
                    .append(roads ? "Ямы на дорогах" : "Отсутствие водоснабжения").append(',')
                    .append(roads ? "Комитет дорожного хозяйства города Курска" : "Администрация города Курска")
                    .append(',').append(roads ? 0 : 3).append('\n');
        }
        Path file = directory.resolve("tiny.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static Run train(Path directory, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("train", "--region", "kursk", "--data",
                tinyData(directory).toString(), "--out", directory.toString(), "--class-balance", "0",
                "--with-corrections", "--database-url", URL, "--database-user", USER));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static ClassifierModel model(Path directory) throws Exception {
        try (InputStream stream = Files.newInputStream(directory.resolve("model.bin"))) {
            return ClassifierModel.read(stream);
        }
    }
}
