package ru.tsur.pulse.prevention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static ru.tsur.pulse.sql.Timestamps.instant;
import static ru.tsur.pulse.sql.Timestamps.utc;

/**
 * The prevention stage's SQL: the messages the chronic-places register reads, with what their case knows.
 * A message's case is {@code message.case_id} (a merged case's messages moved to the survivor, so the join
 * always finds the case that holds the message now); its executor is the case's (as assigned now), else the
 * one the message was routed to; its resolution is the case's {@code resolved_at} — the last time the case
 * was resolved, kept when it is reopened, because a reopened case is a problem that came back after a fix.
 * Imported history counts like any message: a place's past is what makes it chronic.
 */
@ApplicationScoped
public class PreventionRepository {

    /**
     * Messages created in {@code [$1, $2)}, optionally of some municipalities ($3), one category ($4) and one
     * topic ($5). The created_at range bounds the read (its index); the filters are applied to that range.
     */
    private static final String PLACE_MESSAGES = """
            SELECT m.created_at, m.address, m.lat, m.lon, m.municipality_id, m.category_id, m.topic,
                   COALESCE(c.executor, m.executor) AS executor, c.resolved_at
            FROM message m LEFT JOIN problem_case c ON c.id = m.case_id
            WHERE m.created_at >= $1 AND m.created_at < $2
              AND ($3::text[] IS NULL OR m.municipality_id = ANY($3::text[]))
              AND ($4::text IS NULL OR m.category_id = $4::text)
              AND ($5::text IS NULL OR m.topic = $5::text)""";

    /** The filters of a read: each null for "any". */
    public record Filter(Set<String> municipalities, String category, String topic) {
    }

    private final Pool pool;

    public PreventionRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The register's messages created in {@code [from, to)} matching {@code filter}; messages with neither
     * a building address nor a point have no place and are left out.
     */
    public Uni<List<PlaceMessage>> placeMessages(Instant from, Instant to, Filter filter) {
        Tuple parameters = Tuple.tuple().addOffsetDateTime(utc(from)).addOffsetDateTime(utc(to))
                .addArrayOfString(filter.municipalities() == null ? null : filter.municipalities().toArray(String[]::new))
                .addString(filter.category()).addString(filter.topic());
        return pool.preparedQuery(PLACE_MESSAGES).execute(parameters).map(rows -> {
            List<PlaceMessage> messages = new ArrayList<>(rows.size());
            rows.forEach(row -> {
                PlaceMessage message = from(row);
                if (message != null) {
                    messages.add(message);
                }
            });
            return messages;
        });
    }

    /** One row as the register's message; null when it has no place. */
    static PlaceMessage from(Row row) {
        Double latitude = row.getDouble("lat");
        Double longitude = row.getDouble("lon");
        Place place = Place.of(row.getString("address"), latitude, longitude);
        if (place == null) {
            return null;
        }
        return new PlaceMessage(instant(row, "created_at"), place, row.getString("municipality_id"),
                row.getString("category_id"), row.getString("topic"), row.getString("executor"),
                instant(row, "resolved_at"), latitude, longitude);
    }
}
