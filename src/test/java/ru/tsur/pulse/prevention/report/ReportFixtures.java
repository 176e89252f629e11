package ru.tsur.pulse.prevention.report;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Cases and messages of the report's tests written straight into PostgreSQL, for periods years back that only
 * these tests use: every row carries {@link #MARKER} (case summary, message text) and {@link #clear} removes
 * them, so a run sees its own rows only, whatever the kept test database holds. The cases are never open
 * (no deadline alerts, no queues), their opening time is their creation (no "last 90 days" view counts
 * them), and the messages are marked counted and hold their case (the intake and the counters leave them).
 */
final class ReportFixtures {

    static final String MARKER = "prevention-report-test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Pool pool;

    ReportFixtures(Pool pool) {
        this.pool = pool;
    }

    /** Removes every marked message, case and incident. */
    void clear() {
        pool.query("DELETE FROM incident WHERE topic LIKE '" + MARKER + "%'").execute().await().atMost(WAIT);
        pool.query("UPDATE problem_case SET repeat_of = NULL WHERE summary LIKE '" + MARKER + "%'").execute().await().atMost(WAIT);
        pool.query("DELETE FROM message WHERE text LIKE '" + MARKER + "%'").execute().await().atMost(WAIT);
        pool.query("DELETE FROM problem_case WHERE summary LIKE '" + MARKER + "%'").execute().await().atMost(WAIT);
    }

    /** A case of the municipality; {@code resolved} null for none. Returns its id. */
    long storedCase(String municipality, String status, String executor, String topic, Instant created, Instant resolved,
                    int reopened, Long repeatOf, boolean cameBack) {
        Tuple row = Tuple.tuple().addString(status).addString(topic).addString(executor).addString(MARKER + " " + topic)
                .addOffsetDateTime(utc(created)).addOffsetDateTime(resolved == null ? null : utc(resolved)).addInteger(reopened)
                .addLong(repeatOf).addBoolean(cameBack).addString(municipality);
        return pool.preparedQuery("""
                        INSERT INTO problem_case (status, municipality_id, category_id, topic, topic_key, executor, deadline_class,
                                                  summary, created_at, opened_at, last_message_at, first_reply_due, resolution_due,
                                                  resolved_at, reopened_count, repeat_of, came_back)
                        VALUES ($1, $10, 'improvement', $2, $2, $3, 'standard', $4, $5, $5, $5, $5, $5, $6, $7, $8, $9)
                        RETURNING id""").execute(row).await().atMost(WAIT).iterator().next().getLong("id");
    }

    /** A message of the case at an address. */
    void storedMessage(String municipality, long caseId, String address, String topic, Instant created) {
        Tuple row = Tuple.tuple().addString(MARKER + "-" + caseId + "-" + created.toEpochMilli()).addOffsetDateTime(utc(created))
                .addString(MARKER + " " + topic).addString(address).addString(topic).addLong(caseId).addString(municipality);
        pool.preparedQuery("""
                        INSERT INTO message (source, external_id, created_at, text, text_normalized, display_text, address, topic,
                                             municipality_id, locate_method, category_id, classify_method, classify_confidence,
                                             case_id, counted_at)
                        VALUES ('portal', $1, $2, $3, $3, $3, $4, $5, $7, 'address', 'improvement', 'source', 1.0, $6, now())""")
                .execute(row).await().atMost(WAIT);
    }

    /** An incident of the municipality whose topic carries the marker, with {@code places} place keys. */
    void storedIncident(String municipality, String topic, String cause, Instant started, int places, int messages,
                        String status) {
        String[] keys = java.util.stream.IntStream.range(0, places).mapToObj(index -> "building:" + topic + " " + index)
                .toArray(String[]::new);
        Tuple row = Tuple.tuple().addString(MARKER + " " + topic).addString(municipality).addString(cause)
                .addOffsetDateTime(utc(started)).addArrayOfString(keys).addInteger(messages).addString(status);
        pool.preparedQuery("""
                        INSERT INTO incident (topic, category_id, municipality_id, cause, started_at, ended_at, detected_at, lat, lon,
                                              radius_metres, place_keys, message_count, expected, p_value, status)
                        VALUES ($1, 'improvement', $2, $3, $4, $4, $4, 59.75, 30.6, 400, $5, $6, 0.5, 1e-6, $7)""")
                .execute(row).await().atMost(WAIT);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
