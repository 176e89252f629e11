package ru.tsur.pulse.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ru.tsur.pulse.sql.Timestamps.instant;
import static ru.tsur.pulse.sql.Timestamps.utc;

/**
 * All SQL on the {@code alert} table and its history {@code alert_event}. Raising is one upsert by fingerprint that writes only when something
 * shown changes (so a producer may raise the same alert every round without churning screens); a resolved
 * alert raised again starts anew — its acknowledgement and silence belonged to the earlier episode.
 * Every statement that changes rows returns them in full, and stamps {@code updated_at} with the clock
 * time, which orders the versions of one alert across replicas. An operator's acknowledgement, silence or
 * lifted silence also appends a row to {@code alert_event} in the same statement: the alert row shows the
 * latest, the history keeps every one.
 */
@ApplicationScoped
public class AlertRepository {

    private static final String COLUMNS = """
            id, kind, labels::text AS labels, severity, state, title, summary, details::text AS details, group_key,
            parent, starts_at, updated_at, ends_at, acknowledged_by, acknowledged_at, silenced_until,
            silence_reason, silenced_by""";

    private static final String UPSERT = """
            INSERT INTO alert AS a (id, kind, labels, severity, state, title, summary, details, group_key, parent,
                                    starts_at, updated_at)
            VALUES ($1, $2, $3::text::jsonb, $4, 'firing', $5, $6, $7::text::jsonb, $8, $9, clock_timestamp(), clock_timestamp())
            ON CONFLICT (id) DO UPDATE SET
                severity = EXCLUDED.severity, title = EXCLUDED.title, summary = EXCLUDED.summary,
                details = EXCLUDED.details, group_key = EXCLUDED.group_key, parent = EXCLUDED.parent,
                state = 'firing', updated_at = EXCLUDED.updated_at,
                starts_at = CASE WHEN a.state = 'resolved' THEN EXCLUDED.starts_at ELSE a.starts_at END,
                ends_at = NULL,
                acknowledged_by = CASE WHEN a.state = 'resolved' THEN NULL ELSE a.acknowledged_by END,
                acknowledged_at = CASE WHEN a.state = 'resolved' THEN NULL ELSE a.acknowledged_at END,
                silenced_until = CASE WHEN a.state = 'resolved' THEN NULL ELSE a.silenced_until END,
                silence_reason = CASE WHEN a.state = 'resolved' THEN NULL ELSE a.silence_reason END,
                silenced_by = CASE WHEN a.state = 'resolved' THEN NULL ELSE a.silenced_by END
            WHERE a.state = 'resolved' OR a.severity IS DISTINCT FROM EXCLUDED.severity
               OR a.title IS DISTINCT FROM EXCLUDED.title OR a.summary IS DISTINCT FROM EXCLUDED.summary
               OR a.details IS DISTINCT FROM EXCLUDED.details OR a.group_key IS DISTINCT FROM EXCLUDED.group_key
               OR a.parent IS DISTINCT FROM EXCLUDED.parent
            RETURNING\s""" + COLUMNS;

    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM alert WHERE id = $1";

    private static final String SELECT_BY_IDS = "SELECT " + COLUMNS + " FROM alert WHERE id = ANY($1)";

    private static final String RESOLVE = """
            UPDATE alert SET state = 'resolved', ends_at = clock_timestamp(), updated_at = clock_timestamp()
            WHERE id = $1 AND state = 'firing'
            RETURNING\s""" + COLUMNS;

    private static final String RESOLVE_ALL_EXCEPT = """
            UPDATE alert SET state = 'resolved', ends_at = clock_timestamp(), updated_at = clock_timestamp()
            WHERE kind = $1 AND state = 'firing' AND NOT (id = ANY($2))
            RETURNING\s""" + COLUMNS;

    private static final String RESOLVE_STALE = """
            UPDATE alert SET state = 'resolved', ends_at = clock_timestamp(), updated_at = clock_timestamp()
            WHERE kind = $1 AND state = 'firing' AND NOT (id = ANY($2)) AND updated_at < $3
            RETURNING\s""" + COLUMNS;

    private static final String FIRING_WITH_LABEL = """
            SELECT id FROM alert WHERE kind = $1 AND state = 'firing' AND labels->>$2 = $3""";

    // An operator's action updates the alert and appends its history row in one statement (one transaction):
    // the row and its history never disagree, and the action costs one round trip.
    private static final String ACKNOWLEDGE = """
            WITH updated AS (
                UPDATE alert SET acknowledged_by = $2, acknowledged_at = clock_timestamp(), updated_at = clock_timestamp()
                WHERE id = $1
                RETURNING *
            ), logged AS (
                INSERT INTO alert_event (alert_id, episode_start, action, actor, at)
                SELECT id, starts_at, 'acknowledged', acknowledged_by, acknowledged_at FROM updated
            )
            SELECT\s""" + COLUMNS + " FROM updated";

    private static final String SILENCE = """
            WITH updated AS (
                UPDATE alert SET silenced_until = $2, silence_reason = $3, silenced_by = $4, updated_at = clock_timestamp()
                WHERE id = $1
                RETURNING *
            ), logged AS (
                INSERT INTO alert_event (alert_id, episode_start, action, actor, at, silenced_until, reason)
                SELECT id, starts_at, 'silenced', silenced_by, updated_at, silenced_until, silence_reason FROM updated
            )
            SELECT\s""" + COLUMNS + " FROM updated";

    // Lifting a silence that was never set changes nothing worth a history row.
    private static final String UNSILENCE = """
            WITH previous AS (
                SELECT id, silenced_until IS NOT NULL AS was_silenced FROM alert WHERE id = $1 FOR UPDATE
            ), updated AS (
                UPDATE alert a SET silenced_until = NULL, silence_reason = NULL, silenced_by = NULL,
                                   updated_at = clock_timestamp()
                FROM previous WHERE a.id = previous.id
                RETURNING a.*, previous.was_silenced
            ), logged AS (
                INSERT INTO alert_event (alert_id, episode_start, action, actor, at)
                SELECT id, starts_at, 'unsilenced', $2::text, updated_at FROM updated WHERE was_silenced
            )
            SELECT\s""" + COLUMNS + " FROM updated";

    private static final String HISTORY = """
            SELECT action, actor, at, silenced_until, reason, episode_start FROM alert_event
            WHERE alert_id = $1 ORDER BY at DESC, id DESC LIMIT $2""";

    private static final String LIST = "SELECT " + COLUMNS + """
             FROM alert
            WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR kind = $2)
              AND ($3::text IS NULL OR labels->>'municipality' = $3) AND ($4::text IS NULL OR labels->>'executor' = $4)
            ORDER BY updated_at DESC LIMIT $5""";

    private static final String SHOWN = "SELECT " + COLUMNS
            + " FROM alert WHERE state = 'firing' OR ends_at >= $1";

    private static final String COUNT_FIRING = "SELECT kind, severity, count(*) AS n FROM alert WHERE state = 'firing' GROUP BY kind, severity";

    private static final String NOTIFY = "SELECT pg_notify($1, $2)";

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    /** Firing alerts of one kind and severity. */
    public record FiringCount(String kind, String severity, long count) {
    }

    private final Pool pool;
    private final ObjectMapper json;

    public AlertRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Upserts by fingerprint; empty when the alert was already firing exactly so (nothing changed). */
    public Uni<Optional<Alert>> upsert(AlertRaise raise) {
        Tuple parameters = Tuple.tuple(List.of(raise.id(), raise.kind(), write(raise.labels()), raise.severity(),
                raise.title(), raise.summary(), write(raise.details())));
        parameters.addString(raise.group()).addString(raise.parent());
        return pool.preparedQuery(UPSERT).execute(parameters).map(this::first);
    }

    public Uni<Optional<Alert>> find(String id) {
        return pool.preparedQuery(SELECT_BY_ID).execute(Tuple.of(id)).map(this::first);
    }

    public Uni<List<Alert>> findAll(Collection<String> ids) {
        return pool.preparedQuery(SELECT_BY_IDS).execute(Tuple.of(ids.toArray(String[]::new))).map(this::all);
    }

    /** Resolves a firing alert; empty when it was not firing (or does not exist). */
    public Uni<Optional<Alert>> resolve(String id) {
        return pool.preparedQuery(RESOLVE).execute(Tuple.of(id)).map(this::first);
    }

    /** Resolves every firing alert of the kind whose id is not in {@code stillFiring}; returns them. */
    public Uni<List<Alert>> resolveAllExcept(String kind, Collection<String> stillFiring) {
        return pool.preparedQuery(RESOLVE_ALL_EXCEPT).execute(Tuple.of(kind, stillFiring.toArray(String[]::new)))
                .map(this::all);
    }

    /** Like {@link #resolveAllExcept}, sparing alerts changed since {@code before} (raised after a sweep began). */
    public Uni<List<Alert>> resolveStale(String kind, Collection<String> stillFiring, Instant before) {
        return pool.preparedQuery(RESOLVE_STALE)
                .execute(Tuple.of(kind, stillFiring.toArray(String[]::new), utc(before))).map(this::all);
    }

    /** Ids of the firing alerts of a kind whose label has the value. */
    public Uni<List<String>> firingIdsWithLabel(String kind, String label, String value) {
        return pool.preparedQuery(FIRING_WITH_LABEL).execute(Tuple.of(kind, label, value)).map(rows -> {
            List<String> ids = new ArrayList<>(rows.size());
            rows.forEach(row -> ids.add(row.getString("id")));
            return ids;
        });
    }

    /** Records the acknowledgement on the alert and in its history; empty when there is no such alert. */
    public Uni<Optional<Alert>> acknowledge(SqlConnection transaction, String id, String by) {
        return transaction.preparedQuery(ACKNOWLEDGE).execute(Tuple.of(id, by)).map(this::first);
    }

    /** Records the silence on the alert and in its history; empty when there is no such alert. */
    public Uni<Optional<Alert>> silence(SqlConnection transaction, String id, Instant until, String reason, String by) {
        return transaction.preparedQuery(SILENCE).execute(Tuple.of(id, utc(until), reason, by)).map(this::first);
    }

    /** Lifts the silence; {@code by} (may be null) goes to the history if there was a silence to lift. */
    public Uni<Optional<Alert>> unsilence(SqlConnection transaction, String id, String by) {
        return transaction.preparedQuery(UNSILENCE).execute(Tuple.of(id, by)).map(this::first);
    }

    /** Runs the work in one transaction (an operator's act on an alert and its audit row commit together). */
    public <T> Uni<T> inTransaction(java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** The alert's history, newest first, at most {@code limit} entries. */
    public Uni<List<AlertEvent>> history(String id, int limit) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(id, limit)).map(rows -> {
            List<AlertEvent> events = new ArrayList<>(rows.size());
            for (Row row : rows) {
                events.add(AlertEvent.from(row));
            }
            return events;
        });
    }

    /** Alerts by state, kind, municipality and executor label (each optional), most recently changed first. */
    public Uni<List<Alert>> list(String state, String kind, String municipality, String executor, int limit) {
        Tuple parameters = Tuple.tuple();
        parameters.addString(state).addString(kind).addString(municipality).addString(executor).addInteger(limit);
        return pool.preparedQuery(LIST).execute(parameters).map(this::all);
    }

    /** What screens show: every firing alert and those resolved since {@code resolvedSince}. */
    public Uni<List<Alert>> shown(Instant resolvedSince) {
        return pool.preparedQuery(SHOWN).execute(Tuple.of(utc(resolvedSince))).map(this::all);
    }

    public Uni<List<FiringCount>> countFiring() {
        return pool.query(COUNT_FIRING).execute().map(rows -> {
            List<FiringCount> counts = new ArrayList<>();
            for (Row row : rows) {
                counts.add(new FiringCount(row.getString("kind"), row.getString("severity"), row.getLong("n")));
            }
            return counts;
        });
    }

    /** Tells every replica (LISTEN on {@code channel}) which alerts changed. */
    public Uni<Void> notifyChanged(String channel, String payload) {
        return pool.preparedQuery(NOTIFY).execute(Tuple.of(channel, payload)).replaceWithVoid();
    }

    private Optional<Alert> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(from(iterator.next())) : Optional.empty();
    }

    private List<Alert> all(RowSet<Row> rows) {
        List<Alert> alerts = new ArrayList<>(rows.size());
        for (Row row : rows) {
            alerts.add(from(row));
        }
        return alerts;
    }

    Alert from(Row row) {
        return new Alert(row.getString("id"), row.getString("kind"), read(row.getString("labels"), LABELS),
                row.getString("severity"), row.getString("state"), row.getString("title"), row.getString("summary"),
                read(row.getString("details"), DETAILS), row.getString("group_key"), row.getString("parent"),
                instant(row, "starts_at"), instant(row, "updated_at"), instant(row, "ends_at"),
                row.getString("acknowledged_by"), instant(row, "acknowledged_at"), instant(row, "silenced_until"),
                row.getString("silence_reason"), row.getString("silenced_by"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Alert labels and details must be plain JSON values", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored alert JSON unreadable: " + text, e);
        }
    }
}
