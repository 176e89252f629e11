package ru.tsur.pulse.support;

import io.quarkus.arc.Arc;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.tsur.pulse.audit.AuditRepository;
import ru.tsur.pulse.audit.AuditVerification;

import java.time.Duration;

/**
 * What the audit tests read from and do to {@code audit_event} directly, bypassing the service: the verdict an
 * intact chain must get, the rows up to one, and statements run as the table's owner with the append-only
 * trigger off, as an intruder with that role could. For {@code @QuarkusTest}s: the pool is the running
 * application's.
 */
public final class AuditTable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private AuditTable() {
    }

    /** What the verification must say of the chain as it is now: every row checked, valid, the last hash. */
    public static AuditVerification intact() {
        Row row = pool().query("SELECT count(*) AS n, (SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1) AS last"
                + " FROM audit_event").execute().await().atMost(WAIT).iterator().next();
        String last = row.getString("last");
        return new AuditVerification(row.getLong("n"), true, null, null, last == null ? AuditRepository.GENESIS : last);
    }

    /** How many rows the chain holds up to and including row {@code id}. */
    public static long rowsUpTo(long id) {
        return pool().preparedQuery("SELECT count(*) AS n FROM audit_event WHERE id <= $1").execute(Tuple.of(id))
                .await().atMost(WAIT).iterator().next().getLong("n");
    }

    /** Runs a statement as the table's owner with the append-only trigger off. */
    public static void asOwner(String statement) {
        asOwner(statement, Tuple.tuple());
    }

    /** Runs a statement with parameters ({@code $1}, …) as the table's owner with the append-only trigger off. */
    public static void asOwner(String statement, Tuple parameters) {
        pool().withTransaction(transaction -> transaction.query("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only")
                        .execute()
                        .chain(() -> transaction.preparedQuery(statement).execute(parameters))
                        .chain(() -> transaction.query("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only").execute()))
                .await().atMost(WAIT);
    }

    private static Pool pool() {
        return Arc.container().instance(Pool.class).get();
    }
}
