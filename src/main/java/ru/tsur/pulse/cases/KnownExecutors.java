package ru.tsur.pulse.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.route.RoutingTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The executors a case may be assigned to: those the region's routing table or the control room's overrides
 * name, and those an admin added ({@code known_executor}, audited). An operator's typo, or «ООО Рога и
 * копыта», cannot become an executor that then tops the scorecards. SQL of {@code known_executor} lives here.
 */
@ApplicationScoped
public class KnownExecutors {

    private static final String IS_ADDED = "SELECT 1 FROM known_executor WHERE name = $1";
    private static final String ADD = """
            INSERT INTO known_executor (name, added_by) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING name""";
    private static final String ADDED = "SELECT name FROM known_executor ORDER BY name";

    private final Set<String> routed;
    private final Pool pool;

    public KnownExecutors(RoutingTable routing, Pool pool) {
        this.routed = Set.copyOf(routing.executors());
        this.pool = pool;
    }

    /** Whether a case may be assigned to this executor. */
    public Uni<Boolean> knows(String executor) {
        if (executor == null || executor.isBlank()) {
            return Uni.createFrom().item(false);
        }
        if (routed.contains(executor.strip())) {
            return Uni.createFrom().item(true);
        }
        return pool.preparedQuery(IS_ADDED).execute(Tuple.of(executor.strip())).map(rows -> rows.size() > 0);
    }

    /** Adds an executor (in the caller's transaction); true when it was not known before. */
    public Uni<Boolean> add(SqlConnection transaction, String executor, String addedBy) {
        if (routed.contains(executor)) {
            return Uni.createFrom().item(false);
        }
        return transaction.preparedQuery(ADD).execute(Tuple.of(executor, addedBy)).map(rows -> rows.size() > 0);
    }

    /** Every known executor: routed and added, sorted. */
    public Uni<List<String>> all() {
        return pool.query(ADDED).execute().map(rows -> {
            TreeSet<String> names = new TreeSet<>(routed);
            for (Row row : rows) {
                names.add(row.getString("name"));
            }
            return new ArrayList<>(names);
        });
    }

    public <T> Uni<T> inTransaction(java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }
}
