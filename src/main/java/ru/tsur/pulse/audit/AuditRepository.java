package ru.tsur.pulse.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static ru.tsur.pulse.sql.Timestamps.utc;

/**
 * All SQL on {@code audit_event}. Appending is a plain INSERT: the table's chain trigger (V14__audit.sql)
 * takes the chain lock, reads the last hash and computes the new row's hash, so an append inside a caller's
 * transaction commits or rolls back with it, and concurrent appends form one chain. Verification recomputes
 * every hash with the same SQL function the trigger uses, a chunk of rows per query in id order, carrying
 * the last hash from one chunk to the next; it never loads the whole table.
 */
@ApplicationScoped
public class AuditRepository {

    /** The previous hash of the first row: where the chain starts (V14__audit.sql). */
    public static final String GENESIS = "0".repeat(64);

    private static final String COLUMNS = """
            id, at, subject, roles, key_id, action, target, before, after, remote_address, previous_hash, hash""";

    private static final String INSERT = """
            INSERT INTO audit_event (at, subject, roles, key_id, action, target, before, after, remote_address)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            RETURNING\s""" + COLUMNS;

    private static final String FILTERS = """
            ($1::text IS NULL OR subject = $1) AND ($2::text IS NULL OR action = $2)
            AND ($3::text IS NULL OR target = $3)
            AND ($4::timestamptz IS NULL OR at >= $4) AND ($5::timestamptz IS NULL OR at < $5)""";

    private static final String PAGE = "SELECT " + COLUMNS + " FROM audit_event WHERE " + FILTERS
            + " ORDER BY id DESC LIMIT $6 OFFSET $7";

    private static final String COUNT = "SELECT count(*) AS n FROM audit_event WHERE " + FILTERS;

    /**
     * One chunk of the chain after row $1, whose last hash was $2 (and id $3; null before the first row),
     * at most $4 rows: how many were checked (up to the first broken one), the last id and hash, and the
     * first broken row with the reason. scripts/audit-verify.sh carries the same check as its own plain SQL
     * over the whole table, on purpose: an auditor's check must not rest on the service's code (only on
     * audit_event_hash, which the script tests against a known answer). AuditTamperTest holds both to the same
     * answers, so the two cannot drift apart unnoticed.
     */
    private static final String VERIFY_CHUNK = """
            WITH chunk AS (
                SELECT id, previous_hash, hash,
                       coalesce(lag(id) OVER (ORDER BY id), $3) AS previous_id,
                       coalesce(lag(hash) OVER (ORDER BY id), $2) AS expected_previous_hash,
                       audit_event_hash(previous_hash, id, at, subject, roles, key_id, action, target, before,
                                        after, remote_address) AS recomputed_hash
                FROM (SELECT * FROM audit_event WHERE id > $1 ORDER BY id LIMIT $4) AS page
            ), broken AS (
                SELECT id, CASE
                    WHEN hash IS DISTINCT FROM recomputed_hash
                        THEN 'hash не совпадает с содержимым строки: строка изменена'
                    WHEN previous_id IS NULL
                        THEN 'previous_hash не равен началу цепочки: удалены первые строки'
                    ELSE 'previous_hash не совпадает с hash строки ' || previous_id
                        || ': между ними удалены или вставлены строки, либо строка ' || previous_id
                        || ' изменена вместе со своим hash'
                    END AS reason
                FROM chunk
                WHERE hash IS DISTINCT FROM recomputed_hash OR previous_hash IS DISTINCT FROM expected_previous_hash
                ORDER BY id LIMIT 1
            )
            SELECT (SELECT count(*) FROM chunk WHERE id <= coalesce((SELECT id FROM broken), id)) AS checked,
                   (SELECT count(*) FROM chunk) AS read,
                   (SELECT id FROM chunk ORDER BY id DESC LIMIT 1) AS last_id,
                   (SELECT hash FROM chunk ORDER BY id DESC LIMIT 1) AS last_hash,
                   (SELECT id FROM broken) AS broken_id,
                   (SELECT reason FROM broken) AS reason""";

    private final Pool pool;
    private final Clock clock;

    public AuditRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Appends inside the caller's transaction: the row commits or rolls back with the caller's work. The chain
     * lock is then held until that transaction ends, so append last in it, and use READ COMMITTED (the pool's
     * default): under REPEATABLE READ a concurrent append makes this one fail instead of forking the chain.
     */
    public Uni<AuditEvent> append(SqlConnection transaction, AuditEntry entry) {
        return insert(transaction, entry);
    }

    /** Appends on its own (its own short transaction). */
    public Uni<AuditEvent> append(AuditEntry entry) {
        return insert(pool, entry);
    }

    private Uni<AuditEvent> insert(SqlClient client, AuditEntry entry) {
        Actor actor = entry.actor();
        Tuple parameters = Tuple.tuple();
        parameters.addOffsetDateTime(utc(clock.instant().truncatedTo(ChronoUnit.MICROS))).addString(actor.subject())
                .addArrayOfString(actor.roles().toArray(String[]::new)).addString(actor.keyId())
                .addString(entry.action()).addString(entry.target()).addString(entry.before())
                .addString(entry.after()).addString(actor.remoteAddress());
        return client.preparedQuery(INSERT).execute(parameters).map(rows -> from(rows.iterator().next()));
    }

    /** A page of rows matching the filters, newest first, and how many match. */
    public Uni<AuditPage> page(AuditQuery query, int page, int size) {
        Tuple filters = filters(query);
        Tuple paged = filters(query).addInteger(size).addLong((long) page * size);
        return pool.preparedQuery(PAGE).execute(paged).chain(rows -> {
            List<AuditEvent> items = new ArrayList<>(rows.size());
            rows.forEach(row -> items.add(from(row)));
            return pool.preparedQuery(COUNT).execute(filters)
                    .map(counted -> new AuditPage(page, size, counted.iterator().next().getLong("n"), items));
        });
    }

    /** Checks the whole chain, {@code chunk} rows per query, stopping at the first broken row. */
    public Uni<AuditVerification> verify(int chunk) {
        return verifyAfter(0, GENESIS, null, 0, chunk);
    }

    private Uni<AuditVerification> verifyAfter(long afterId, String lastHash, Long lastId, long checkedBefore,
                                               int chunk) {
        return pool.preparedQuery(VERIFY_CHUNK).execute(Tuple.of(afterId, lastHash, lastId, chunk)).chain(rows -> {
            Row row = rows.iterator().next();
            long checked = checkedBefore + row.getLong("checked");
            Long brokenId = row.getLong("broken_id");
            if (brokenId != null) {
                return Uni.createFrom().item(new AuditVerification(checked, false, brokenId, row.getString("reason"), null));
            }
            if (row.getLong("read") < chunk) {
                String head = row.getLong("last_id") == null ? lastHash : row.getString("last_hash");
                return Uni.createFrom().item(new AuditVerification(checked, true, null, null, head));
            }
            long chunkLastId = row.getLong("last_id");
            return verifyAfter(chunkLastId, row.getString("last_hash"), chunkLastId, checked, chunk);
        });
    }

    private static Tuple filters(AuditQuery query) {
        Tuple filters = Tuple.tuple();
        filters.addString(query.subject()).addString(query.action()).addString(query.target())
                .addOffsetDateTime(utc(query.from())).addOffsetDateTime(utc(query.to()));
        return filters;
    }

    static AuditEvent from(Row row) {
        String[] roles = row.getArrayOfStrings("roles");
        return new AuditEvent(row.getLong("id"), row.getOffsetDateTime("at").toInstant(), row.getString("subject"),
                roles == null ? List.of() : Arrays.asList(roles), row.getString("key_id"), row.getString("action"),
                row.getString("target"), row.getString("before"), row.getString("after"),
                row.getString("remote_address"), row.getString("previous_hash"), row.getString("hash"));
    }
}
