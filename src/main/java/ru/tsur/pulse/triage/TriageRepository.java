package ru.tsur.pulse.triage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.domain.Route;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static ru.tsur.pulse.sql.Timestamps.instant;

/**
 * The triage queue in PostgreSQL: messages flagged {@code triage} (oldest first, by the partial index on
 * {@code received_at}), the operator's decision written onto the message, and the decision kept as a labelled
 * example in {@code correction} (one per message: deciding again replaces it).
 */
@ApplicationScoped
public class TriageRepository {

    private static final String COLUMNS = """
            id, created_at, received_at, display_text, text_normalized, lat, lon, municipality_id, category_id, topic,
            classify_confidence, executor, deadline_class, route_rule, case_id, triage""";

    private static final String QUEUE = "SELECT " + COLUMNS
            + " FROM message WHERE triage ORDER BY received_at, id LIMIT $1";

    private static final String WAITING = "SELECT count(*) AS waiting FROM message WHERE triage";

    private static final String LOCK = "SELECT " + COLUMNS + " FROM message WHERE id = $1 FOR UPDATE";

    private static final String DECIDE = """
            UPDATE message SET category_id = $2, topic = $3, executor = $4, deadline_class = $5, route_rule = $6,
                               classify_method = 'operator', triage = false
            WHERE id = $1""";

    private static final String KEEP_CORRECTION = """
            INSERT INTO correction (message_id, region, masked_text, municipality_id, category_before, topic_before,
                                    category_id, topic, executor, confirmed, corrected_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (message_id) DO UPDATE SET
                category_id = EXCLUDED.category_id, topic = EXCLUDED.topic, executor = EXCLUDED.executor,
                confirmed = EXCLUDED.confirmed, corrected_by = EXCLUDED.corrected_by, corrected_at = now()""";

    /** A message as triage reads it. */
    public record Flagged(long id, Instant createdAt, Instant receivedAt, String displayText, String normalizedText,
                          Double lat, Double lon, String municipality, String category, String topic,
                          double confidence, Route route, Long caseId, boolean triage) {

        static Flagged from(Row row) {
            return new Flagged(row.getLong("id"), instant(row, "created_at"), instant(row, "received_at"),
                    row.getString("display_text"), row.getString("text_normalized"), row.getDouble("lat"),
                    row.getDouble("lon"), row.getString("municipality_id"), row.getString("category_id"),
                    row.getString("topic"), row.getDouble("classify_confidence"),
                    new Route(row.getString("executor"), row.getString("deadline_class"), row.getString("route_rule")),
                    row.getLong("case_id"), row.getBoolean("triage"));
        }
    }

    /** The labelled example a decision leaves. */
    public record Correction(long messageId, String region, String maskedText, String municipality,
                             String categoryBefore, String topicBefore, String category, String topic,
                             String executor, boolean confirmed, String correctedBy) {
    }

    private final Pool pool;

    public TriageRepository(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    public Uni<List<Flagged>> queue(int limit) {
        return pool.preparedQuery(QUEUE).execute(Tuple.of(limit)).map(TriageRepository::all);
    }

    public Uni<Long> waiting() {
        return pool.query(WAITING).execute().map(rows -> rows.iterator().next().getLong("waiting"));
    }

    public Uni<Optional<Flagged>> lock(SqlConnection connection, long messageId) {
        return connection.preparedQuery(LOCK).execute(Tuple.of(messageId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Flagged.from(rows.iterator().next())));
    }

    public Uni<Void> decide(SqlConnection connection, long messageId, String category, String topic, Route route) {
        return connection.preparedQuery(DECIDE)
                .execute(Tuple.of(messageId, category, topic, route.executor(), route.deadlineClass(), route.rule()))
                .replaceWithVoid();
    }

    public Uni<Void> keep(SqlConnection connection, Correction correction) {
        Tuple parameters = Tuple.tuple().addLong(correction.messageId()).addString(correction.region())
                .addString(correction.maskedText()).addString(correction.municipality())
                .addString(correction.categoryBefore()).addString(correction.topicBefore())
                .addString(correction.category()).addString(correction.topic()).addString(correction.executor())
                .addBoolean(correction.confirmed()).addString(correction.correctedBy());
        return connection.preparedQuery(KEEP_CORRECTION).execute(parameters).replaceWithVoid();
    }

    private static List<Flagged> all(RowSet<Row> rows) {
        List<Flagged> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(Flagged.from(row));
        }
        return result;
    }
}
