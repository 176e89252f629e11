package ru.tsur.pulse.tools.history;

import org.flywaydb.core.Flyway;
import ru.tsur.pulse.messages.MessageColumns;
import ru.tsur.pulse.domain.PreparedMessage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes imported history into the service's PostgreSQL over plain JDBC (the import is an offline command
 * beside the service, not inside it, as tools.training.CorrectionStore reads corrections). The row is the
 * one the service's own insert writes ({@code messages.MessageRepository}: every column of the decision
 * path's result — original text, normalized text, the masked display text, place, category, route) in one
 * {@code INSERT … SELECT unnest(…) ON CONFLICT (source, external_id) DO NOTHING} per batch, so importing the
 * same rows again adds nothing; plus what makes it history: {@code imported} (no case, so no deadline
 * alerts) and {@code triage = false} (nobody triages the past). {@code counted_at} stays NULL, as after the
 * service's own insert: the service counts the rows into Redis (README, «Importing history»). The SQL of
 * the table, for the tools, lives here only.
 */
public final class HistoryStore implements AutoCloseable {

    static final String INSERT_BATCH = """
            INSERT INTO message (source, external_id, created_at, text, text_normalized, lat, lon, address,
                                 municipality_hint, source_category, topic, author, municipality_id, locate_method,
                                 category_id, classify_method, classify_confidence, display_text, executor,
                                 deadline_class, route_rule, triage, imported)
            SELECT given.*, false, true
              FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::float8[], ?::float8[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[]) AS given
            ON CONFLICT (source, external_id) DO NOTHING""";

    /** What one batch did: rows stored, rows whose key was there already, rows PostgreSQL refused and why. */
    public record Written(int inserted, int present, List<String> refusals) {
    }

    private final Connection connection;

    private HistoryStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Connects to the database at {@code url} and brings its schema to the service's (the service's own
     * migrations, as it runs them at its start), so history can be loaded before the service first starts.
     *
     * @throws IllegalStateException naming the database when it cannot be reached or migrated
     */
    public static HistoryStore open(String url, String user, String password) {
        try {
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
            Connection connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(true);
            return new HistoryStore(connection);
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("Cannot open the database " + url + " as " + user, e);
        }
    }

    /**
     * Stores a batch, each row in its own right: when PostgreSQL refuses the batch because of a value (it
     * answered: a data or constraint error, not an outage), the batch is split and retried until the
     * refused row stands alone — as the service's persist stage does — so one bad row never costs its
     * neighbours.
     *
     * @throws SQLException when PostgreSQL fails otherwise (unreachable, no rights): the import stops
     */
    public Written insert(List<PreparedMessage> batch) throws SQLException {
        if (batch.isEmpty()) {
            return new Written(0, 0, List.of());
        }
        try {
            int inserted = execute(batch);
            return new Written(inserted, batch.size() - inserted, List.of());
        } catch (SQLException e) {
            if (!refusedByValue(e)) {
                throw e;
            }
            if (batch.size() == 1) {
                return new Written(0, 0, List.of("database: " + firstLine(e.getMessage())));
            }
            int half = batch.size() / 2;
            Written first = insert(batch.subList(0, half));
            Written second = insert(batch.subList(half, batch.size()));
            List<String> refusals = new ArrayList<>(first.refusals());
            refusals.addAll(second.refusals());
            return new Written(first.inserted() + second.inserted(), first.present() + second.present(), refusals);
        }
    }

    private int execute(List<PreparedMessage> batch) throws SQLException {
        // The service's columns but its last, triage: imported rows are never queued for triage (false above).
        List<Object[]> columns = MessageColumns.of(batch).subList(0, MessageColumns.NAMES.indexOf("triage"));
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BATCH)) {
            for (int index = 0; index < columns.size(); index++) {
                Object[] column = columns.get(index);
                if (column instanceof OffsetDateTime[] times) {
                    // JDBC has no standard array of OffsetDateTime: ISO text, cast by the statement.
                    insert.setArray(index + 1, connection.createArrayOf("text",
                            Arrays.stream(times).map(OffsetDateTime::toString).toArray(String[]::new)));
                } else {
                    insert.setArray(index + 1, connection.createArrayOf(column instanceof Double[] ? "float8" : "text", column));
                }
            }
            return insert.executeUpdate();
        }
    }

    /**
     * Whether PostgreSQL refused a value (SQLSTATE classes 22 data exception, 23 integrity constraint, 54
     * program limit such as an index row too large) rather than failed.
     */
    static boolean refusedByValue(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "refused";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
