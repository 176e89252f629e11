package ru.tsur.pulse.leases;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;

/**
 * Leases that let exactly one replica run a periodic job (the deadline sweep, the incident sweep): a row per
 * job in {@code job_lease}, held by one holder until it lapses, renewed by that holder on each run, taken over
 * by another replica only after it lapsed — so a replica that dies hands its jobs on within one lease length.
 * Shared machinery, not any one job's: every single-replica job takes its lease here, in PostgreSQL, which
 * every replica already shares (no coordinator to run). Each replica is one holder ({@link #holder()}).
 */
@ApplicationScoped
public class JobLeases {

    private static final Logger LOG = Logger.getLogger(JobLeases.class);

    /** Takes the lease when it is free or lapsed, renews it when the holder has it; answers the holder when it holds it. */
    private static final String TAKE = """
            INSERT INTO job_lease AS l (name, holder, until) VALUES ($1, $2, now() + make_interval(secs => $3))
            ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
            WHERE l.holder = EXCLUDED.holder OR l.until < now()
            RETURNING holder""";

    /** Gives up every lease of a holder (a replica that stops cleanly hands its jobs on at once). */
    private static final String RELEASE = "DELETE FROM job_lease WHERE holder = $1";

    private final Pool pool;
    private final String holder = UUID.randomUUID().toString();

    public JobLeases(Pool pool) {
        this.pool = pool;
    }

    /** This replica's name as a lease holder (random per process start). */
    public String holder() {
        return holder;
    }

    /** Takes or renews the named lease for this replica; false when another replica holds it. */
    public Uni<Boolean> take(String name, Duration length) {
        return take(name, holder, length);
    }

    /**
     * A replica stopping cleanly (a rolling update, a scale-in) releases what it holds, so the jobs move on now
     * instead of after a lease length; a replica that dies releases nothing and its leases lapse.
     */
    void release(@Observes ShutdownEvent shutdown) {
        try {
            pool.preparedQuery(RELEASE).execute(Tuple.of(holder)).await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException failure) {
            LOG.debugf("Leases not released (they lapse): %s", failure.toString());
        }
    }

    /** Takes or renews the named lease for {@code holder}; false when another holder has it. */
    public Uni<Boolean> take(String name, String holder, Duration length) {
        return pool.preparedQuery(TAKE).execute(Tuple.of(name, holder, length.toMillis() / 1000.0))
                .map(rows -> rows.size() > 0);
    }
}
