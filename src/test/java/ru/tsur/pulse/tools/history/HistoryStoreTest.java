package ru.tsur.pulse.tools.history;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Location;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.domain.Route;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History rows as {@link HistoryStore} writes them into a real PostgreSQL — the test database (env
 * {@code PULSE_TEST_DB_NAME}, default {@code pulse_test}), brought to the service's schema by the store itself:
 * every decided column, imported and never waiting for triage, not yet counted; a row PostgreSQL refuses costs
 * only itself; the same rows again add nothing. Each run writes a source of its own (the database is kept).
 */
class HistoryStoreTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/"
            + System.getenv().getOrDefault("PULSE_TEST_DB_NAME", "pulse_test");
    private static final String USER = "pulse";
    private static final String PASSWORD = System.getenv().getOrDefault("PULSE_DB_PASSWORD", "pulse");

    private static PreparedMessage message(String source, String id, String text) {
        return new PreparedMessage(new IncomingMessage(source, id, Instant.parse("2026-11-22T11:50:40.817676Z"), text,
                59.9943342, 30.197107, "Мебельная улица, дом 47", "муниципальный округ №65", "Содержание МКД",
                "Неудовлетворительное состояние парадной", null), text.toLowerCase(), "Звоните [телефон]",
                new Classification("building-maintenance", "Неудовлетворительное состояние парадной", 1.0, "source"),
                new Location("spb-mo-65", "coordinates"),
                new Route("Администрация Приморского района", "standard", "model: text+place (p=0.96)"));
    }

    @Test
    void rowsAreWrittenOnceAndARefusedRowCostsOnlyItself() throws SQLException {
        String source = "history.store-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<PreparedMessage> batch = List.of(message(source, "1", "Звоните 89115550000"),
                message(source, "2", "NUL \u0000 is refused by PostgreSQL"), message(source, "3", "Звоните 89115550001"));
        try (HistoryStore store = HistoryStore.open(URL, USER, PASSWORD)) {
            HistoryStore.Written first = store.insert(batch);
            assertThat(List.of(first.inserted(), first.present())).isEqualTo(List.of(2, 0));
            assertThat(first.refusals()).singleElement().asString().startsWith("database: ERROR: invalid byte sequence");
            HistoryStore.Written again = store.insert(batch);
            assertThat(List.of(again.inserted(), again.present(), again.refusals().size())).isEqualTo(List.of(0, 2, 1));
        }
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             PreparedStatement select = connection.prepareStatement("""
                     SELECT external_id, created_at, text, text_normalized, display_text, lat, lon, address,
                            municipality_hint, source_category, topic, author, municipality_id, locate_method, category_id,
                            classify_method, classify_confidence, executor, deadline_class, route_rule, triage, imported,
                            counted_at, case_id
                     FROM message WHERE source = ? ORDER BY external_id""")) {
            select.setString(1, source);
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    List<Object> columns = new ArrayList<>();
                    for (int column = 1; column <= 24; column++) {
                        columns.add(column == 2 ? row.getObject(column, OffsetDateTime.class).toInstant() : row.getObject(column));
                    }
                    rows.add(columns);
                }
            }
            assertThat(rows).containsExactly(
                    Arrays.asList("1", Instant.parse("2026-11-22T11:50:40.817676Z"), "Звоните 89115550000",
                            "звоните 89115550000", "Звоните [телефон]", 59.9943342, 30.197107, "Мебельная улица, дом 47",
                            "муниципальный округ №65", "Содержание МКД", "Неудовлетворительное состояние парадной", null,
                            "spb-mo-65", "coordinates", "building-maintenance", "source", 1.0,
                            "Администрация Приморского района", "standard", "model: text+place (p=0.96)", false, true,
                            null, null),
                    Arrays.asList("3", Instant.parse("2026-11-22T11:50:40.817676Z"), "Звоните 89115550001",
                            "звоните 89115550001", "Звоните [телефон]", 59.9943342, 30.197107, "Мебельная улица, дом 47",
                            "муниципальный округ №65", "Содержание МКД", "Неудовлетворительное состояние парадной", null,
                            "spb-mo-65", "coordinates", "building-maintenance", "source", 1.0,
                            "Администрация Приморского района", "standard", "model: text+place (p=0.96)", false, true,
                            null, null));
        }
    }

    @Test
    void onlyARefusedValueIsSetAside() {
        assertThat(HistoryStore.refusedByValue(new SQLException("bad", "22021"))).isTrue();
        assertThat(HistoryStore.refusedByValue(new SQLException("constraint", "23514"))).isTrue();
        assertThat(HistoryStore.refusedByValue(new SQLException("index row too large", "54000"))).isTrue();
        assertThat(HistoryStore.refusedByValue(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(HistoryStore.refusedByValue(new SQLException("permission denied", "42501"))).isFalse();
        assertThat(HistoryStore.refusedByValue(new SQLException("no state"))).isFalse();
    }
}
