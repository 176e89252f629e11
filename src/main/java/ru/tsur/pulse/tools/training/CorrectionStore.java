package ru.tsur.pulse.tools.training;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the operators' corrections of one region from the service's PostgreSQL ({@code correction}, written
 * by the console) over plain JDBC: the offline train command runs beside the service, not inside it, so it
 * opens its own connection. Ordered by when they were made (then by message), so training on them is
 * reproducible. The SQL of the table, for the tools, lives here only.
 */
public final class CorrectionStore {

    static final String SELECT_BY_REGION = """
            SELECT message_id, region, masked_text, municipality_id, category_before, topic_before, category_id,
                   topic, executor, confirmed, corrected_by, corrected_at
              FROM correction
             WHERE region = ?
             ORDER BY corrected_at, message_id""";

    private CorrectionStore() {
    }

    /**
     * The region's corrections in the database at {@code url}.
     *
     * @throws IllegalStateException naming the database when it cannot be reached or read
     */
    public static List<Correction> read(String url, String user, String password, String region) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return read(connection, region);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the corrections of " + region + " from " + url, e);
        }
    }

    /** The region's corrections, oldest first ({@code region}: the pack's region id, e.g. {@code spb}). */
    public static List<Correction> read(Connection connection, String region) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_BY_REGION)) {
            statement.setString(1, region);
            try (ResultSet rows = statement.executeQuery()) {
                List<Correction> corrections = new ArrayList<>();
                while (rows.next()) {
                    corrections.add(from(rows));
                }
                return corrections;
            }
        }
    }

    static Correction from(ResultSet row) throws SQLException {
        return new Correction(row.getLong("message_id"), row.getString("region"), row.getString("masked_text"),
                row.getString("municipality_id"), row.getString("category_before"), row.getString("topic_before"),
                row.getString("category_id"), row.getString("topic"), row.getString("executor"),
                row.getBoolean("confirmed"), row.getString("corrected_by"),
                row.getObject("corrected_at", java.time.OffsetDateTime.class).toInstant());
    }
}
