package ru.tsur.pulse.prevention.incidents;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.prevention.Place;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static ru.tsur.pulse.sql.Timestamps.instant;
import static ru.tsur.pulse.sql.Timestamps.utc;

/**
 * The incidents' SQL: the messages the watcher reads (recent ones with a point; the background of the topics
 * that could make an incident), the stored incidents that share messages with what it found, inserting and
 * updating incidents with their messages, operators' status changes, linking cases, and the reads of the API.
 * An incident's topic is the message's topic, or its category when the source gave none — as a case's
 * {@code topic_key}.
 */
@ApplicationScoped
public class IncidentRepository {

    private static final String MESSAGE_COLUMNS = """
            m.id, m.created_at, m.address, m.lat, m.lon, m.municipality_id, m.category_id,
            COALESCE(m.topic, m.category_id) AS topic_key""";

    /** Live messages with a point created in [$1, $2): imported history makes no new incident. */
    private static final String RECENT = "SELECT " + MESSAGE_COLUMNS + """

            FROM message m
            WHERE m.created_at >= $1 AND m.created_at < $2 AND m.lat IS NOT NULL AND m.lon IS NOT NULL
              AND NOT m.imported""";

    /** Every message with a point of the topics $3 created in [$1, $2), imported history included: the background. */
    private static final String BACKGROUND = "SELECT " + MESSAGE_COLUMNS + """

            FROM message m
            WHERE m.created_at >= $1 AND m.created_at < $2 AND m.lat IS NOT NULL AND m.lon IS NOT NULL
              AND COALESCE(m.topic, m.category_id) = ANY($3::text[])""";

    /** When observation began: the oldest message kept (imported history included). */
    private static final String OBSERVED_SINCE = "SELECT min(created_at) AS first FROM message";

    /** The incidents that hold any of the messages $1, with all their messages. */
    private static final String SHARING = """
            SELECT i.id, i.status, array_agg(im.message_id) AS message_ids
            FROM incident i JOIN incident_message im ON im.incident_id = i.id
            WHERE i.id IN (SELECT incident_id FROM incident_message WHERE message_id = ANY($1::bigint[]))
            GROUP BY i.id, i.status""";

    private static final String INSERT = """
            INSERT INTO incident (topic, category_id, municipality_id, cause, started_at, ended_at, detected_at, lat, lon,
                                  radius_metres, place_keys, message_count, expected, p_value, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            RETURNING *""";

    /** Links messages to an incident; a link made by an earlier sweep stays as it is. */
    private static final String LINK_MESSAGES = """
            INSERT INTO incident_message (incident_id, message_id)
            SELECT $1, unnest($2::bigint[])
            ON CONFLICT DO NOTHING""";

    /**
     * What a later sweep found of a stored incident: the area and figures as found now; the span, places and
     * message count as the union of every sweep's (a message that left the window stays part of it).
     */
    private static final String UPDATE = """
            UPDATE incident SET
                started_at = LEAST(started_at, $2), ended_at = GREATEST(ended_at, $3),
                lat = $4, lon = $5, radius_metres = $6,
                place_keys = ARRAY(SELECT key FROM unnest(place_keys || $7::text[]) WITH ORDINALITY AS k(key, position)
                                   GROUP BY key ORDER BY min(position)),
                message_count = (SELECT count(*) FROM incident_message WHERE incident_id = $1),
                expected = $8, p_value = $9, updated_at = $10
            WHERE id = $1
            RETURNING *""";

    private static final String FIND = "SELECT * FROM incident WHERE id = $1";

    /** Incidents of the statuses $1 (null: any), municipalities $2 (null: any), started at or after $3, newest first. */
    private static final String LIST = """
            SELECT * FROM incident
            WHERE ($1::text[] IS NULL OR status = ANY($1::text[]))
              AND ($2::text[] IS NULL OR municipality_id = ANY($2::text[]))
              AND started_at >= $3
            ORDER BY started_at DESC, id DESC
            LIMIT $4""";

    /** Incidents of the municipalities $3 (null: any) that began in [$1, $2), oldest first. */
    private static final String BEGAN_BETWEEN = """
            SELECT * FROM incident
            WHERE started_at >= $1 AND started_at < $2
              AND ($3::text[] IS NULL OR municipality_id = ANY($3::text[]))
            ORDER BY started_at, id""";

    /** Moves an incident from one of the statuses $2 to $3, with who, when and their words; nothing if not there. */
    private static final String SET_STATUS = """
            UPDATE incident SET status = $3, status_by = $4, status_at = $5, status_note = $6, updated_at = $5
            WHERE id = $1 AND status = ANY($2::text[])
            RETURNING *""";

    /** An incident's messages, oldest first, with the display text only and the case each is in now. */
    private static final String MESSAGES = """
            SELECT m.id, m.created_at, m.display_text, m.address, m.lat, m.lon, m.case_id
            FROM incident_message im JOIN message m ON m.id = im.message_id
            WHERE im.incident_id = $1
            ORDER BY m.created_at, m.id""";

    /**
     * Links to incident $1 the cases its messages are in, and the cases $2 an operator named (which must be
     * in no other incident); merged cases are left out, their messages are in the survivor.
     */
    private static final String LINK_CASES = """
            UPDATE problem_case SET incident_id = $1, updated_at = now()
            WHERE status <> 'merged' AND (incident_id IS NULL OR incident_id = $1)
              AND (id IN (SELECT m.case_id FROM incident_message im JOIN message m ON m.id = im.message_id
                          WHERE im.incident_id = $1 AND m.case_id IS NOT NULL)
                   OR id = ANY($2::bigint[]))
            RETURNING id""";

    /** The cases linked to an incident, by number. */
    private static final String CASES = """
            SELECT id, status, executor FROM problem_case WHERE incident_id = $1 ORDER BY id""";

    /** Which of the named cases exist (not merged) and which incident holds them. */
    private static final String CASES_NAMED = """
            SELECT id, incident_id FROM problem_case WHERE id = ANY($1::bigint[]) AND status <> 'merged'""";

    /** A message the watcher reads, with the municipality it was placed in. */
    public record WatchedMessage(IncidentMessage message, String municipality) {
    }

    /** A message of an incident as the API shows it: the display text only. */
    public record MessageRow(long id, Instant createdAt, String text, String address, Double latitude,
                             Double longitude, Long caseId) {
    }

    /** A case linked to an incident. */
    public record CaseRow(long id, String status, String executor) {
    }

    /** A case an operator named: its number and the incident holding it (null: none). */
    public record NamedCase(long id, Long incidentId) {
    }

    private final Pool pool;

    public IncidentRepository(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** Live messages with a point created in {@code [from, to)}. */
    public Uni<List<WatchedMessage>> recent(Instant from, Instant to) {
        return pool.preparedQuery(RECENT).execute(Tuple.of(utc(from), utc(to))).map(IncidentRepository::watched);
    }

    /** Every message with a point of the topics created in {@code [from, to)}. */
    public Uni<List<WatchedMessage>> background(Instant from, Instant to, Collection<String> topics) {
        return pool.preparedQuery(BACKGROUND)
                .execute(Tuple.of(utc(from), utc(to), topics.toArray(String[]::new)))
                .map(IncidentRepository::watched);
    }

    /** The oldest message's time; null when there is none. */
    public Uni<Instant> observedSince() {
        return pool.query(OBSERVED_SINCE).execute().map(rows -> instant(rows.iterator().next(), "first"));
    }

    /** The stored incidents holding any of the messages. */
    public Uni<List<IncidentSweep.Stored>> sharing(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(SHARING).execute(Tuple.of(messageIds.toArray(Long[]::new))).map(rows -> {
            List<IncidentSweep.Stored> stored = new ArrayList<>(rows.size());
            for (Row row : rows) {
                Set<String> ids = new HashSet<>();
                for (Long id : row.getArrayOfLongs("message_ids")) {
                    ids.add(Long.toString(id));
                }
                stored.add(new IncidentSweep.Stored(row.getLong("id"), row.getString("status"), ids));
            }
            return stored;
        });
    }

    /** Stores a newly found incident with its messages; one transaction. */
    public Uni<StoredIncident> insert(Incident incident, String municipality, Instant now) {
        Tuple parameters = Tuple.tuple().addString(incident.topic()).addString(incident.category())
                .addString(municipality).addString(incident.cause()).addOffsetDateTime(utc(incident.start()))
                .addOffsetDateTime(utc(incident.end())).addOffsetDateTime(utc(incident.detectedAt()))
                .addDouble(incident.latitude()).addDouble(incident.longitude()).addDouble(incident.radiusMetres())
                .addArrayOfString(incident.places().toArray(String[]::new)).addInteger(incident.messageIds().size())
                .addDouble(incident.expected()).addDouble(incident.pValue()).addOffsetDateTime(utc(now));
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT).execute(parameters)
                .map(rows -> from(rows.iterator().next()))
                .call(stored -> linkMessages(connection, stored.id(), incident.messageIds())));
    }

    /** Brings a stored incident up to what a later sweep found; one transaction. */
    public Uni<StoredIncident> update(long id, Incident incident, Instant now) {
        return pool.withTransaction(connection -> linkMessages(connection, id, incident.messageIds())
                .chain(() -> connection.preparedQuery(UPDATE).execute(Tuple.tuple().addLong(id)
                        .addOffsetDateTime(utc(incident.start())).addOffsetDateTime(utc(incident.end()))
                        .addDouble(incident.latitude()).addDouble(incident.longitude())
                        .addDouble(incident.radiusMetres()).addArrayOfString(incident.places().toArray(String[]::new))
                        .addDouble(incident.expected()).addDouble(incident.pValue()).addOffsetDateTime(utc(now))))
                .map(rows -> from(rows.iterator().next())));
    }

    private static Uni<Void> linkMessages(SqlConnection connection, long id, List<String> messageIds) {
        Long[] ids = messageIds.stream().map(Long::valueOf).toArray(Long[]::new);
        return connection.preparedQuery(LINK_MESSAGES).execute(Tuple.of(id, ids)).replaceWithVoid();
    }

    public Uni<Optional<StoredIncident>> find(long id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(IncidentRepository::first);
    }

    /** Incidents by status (null: any) and municipalities (null: any) started at or after {@code since}, newest first. */
    public Uni<List<StoredIncident>> list(Set<String> statuses, Set<String> municipalities, Instant since, int limit) {
        Tuple parameters = Tuple.tuple()
                .addArrayOfString(statuses == null ? null : statuses.toArray(String[]::new))
                .addArrayOfString(municipalities == null ? null : municipalities.toArray(String[]::new))
                .addOffsetDateTime(utc(since)).addInteger(limit);
        return pool.preparedQuery(LIST).execute(parameters).map(rows -> {
            List<StoredIncident> incidents = new ArrayList<>(rows.size());
            rows.forEach(row -> incidents.add(from(row)));
            return incidents;
        });
    }

    /** Incidents of the municipalities (null: any) that began in {@code [from, to)}, oldest first. */
    public Uni<List<StoredIncident>> beganBetween(Instant from, Instant to, Set<String> municipalities) {
        Tuple parameters = Tuple.tuple().addOffsetDateTime(utc(from)).addOffsetDateTime(utc(to))
                .addArrayOfString(municipalities == null ? null : municipalities.toArray(String[]::new));
        return pool.preparedQuery(BEGAN_BETWEEN).execute(parameters).map(rows -> {
            List<StoredIncident> incidents = new ArrayList<>(rows.size());
            rows.forEach(row -> incidents.add(from(row)));
            return incidents;
        });
    }

    /** Moves the incident from one of {@code from} to {@code to}; empty when it is in none of them. */
    public Uni<Optional<StoredIncident>> setStatus(SqlConnection connection, long id, Set<String> from, String to,
                                                   String by, Instant at, String note) {
        return connection.preparedQuery(SET_STATUS).execute(Tuple.tuple().addLong(id)
                        .addArrayOfString(from.toArray(String[]::new)).addString(to).addString(by)
                        .addOffsetDateTime(utc(at)).addString(note))
                .map(IncidentRepository::first);
    }

    public Uni<List<MessageRow>> messages(long id) {
        return pool.preparedQuery(MESSAGES).execute(Tuple.of(id)).map(rows -> {
            List<MessageRow> messages = new ArrayList<>(rows.size());
            for (Row row : rows) {
                messages.add(new MessageRow(row.getLong("id"), instant(row, "created_at"), row.getString("display_text"),
                        row.getString("address"), row.getDouble("lat"), row.getDouble("lon"), row.getLong("case_id")));
            }
            return messages;
        });
    }

    /** Links the cases of the incident's messages and the named ones; the ids linked. */
    public Uni<List<Long>> linkCases(SqlConnection connection, long id, Collection<Long> named) {
        return connection.preparedQuery(LINK_CASES).execute(Tuple.of(id, named.toArray(Long[]::new))).map(rows -> {
            List<Long> ids = new ArrayList<>(rows.size());
            rows.forEach(row -> ids.add(row.getLong("id")));
            return ids;
        });
    }

    public Uni<List<CaseRow>> cases(long id) {
        return pool.preparedQuery(CASES).execute(Tuple.of(id)).map(rows -> {
            List<CaseRow> cases = new ArrayList<>(rows.size());
            rows.forEach(row -> cases.add(new CaseRow(row.getLong("id"), row.getString("status"), row.getString("executor"))));
            return cases;
        });
    }

    /** The named cases that exist and are not merged, with the incident holding each. */
    public Uni<List<NamedCase>> named(Collection<Long> ids) {
        return pool.preparedQuery(CASES_NAMED).execute(Tuple.of(ids.toArray(Long[]::new))).map(rows -> {
            List<NamedCase> cases = new ArrayList<>(rows.size());
            rows.forEach(row -> cases.add(new NamedCase(row.getLong("id"), row.getLong("incident_id"))));
            return cases;
        });
    }

    private static List<WatchedMessage> watched(RowSet<Row> rows) {
        List<WatchedMessage> messages = new ArrayList<>(rows.size());
        for (Row row : rows) {
            double latitude = row.getDouble("lat");
            double longitude = row.getDouble("lon");
            Place place = Place.of(row.getString("address"), latitude, longitude);
            messages.add(new WatchedMessage(new IncidentMessage(Long.toString(row.getLong("id")), instant(row, "created_at"),
                    place, row.getString("category_id"), row.getString("topic_key"), latitude, longitude),
                    row.getString("municipality_id")));
        }
        return messages;
    }

    private static Optional<StoredIncident> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next()));
    }

    static StoredIncident from(Row row) {
        return new StoredIncident(row.getLong("id"), row.getString("topic"), row.getString("category_id"),
                row.getString("municipality_id"), row.getString("cause"), instant(row, "started_at"),
                instant(row, "ended_at"), instant(row, "detected_at"), row.getDouble("lat"), row.getDouble("lon"),
                row.getDouble("radius_metres"), Arrays.asList(row.getArrayOfStrings("place_keys")),
                row.getInteger("message_count"), row.getDouble("expected"), row.getDouble("p_value"),
                row.getString("status"), row.getString("status_by"), instant(row, "status_at"),
                row.getString("status_note"));
    }
}
