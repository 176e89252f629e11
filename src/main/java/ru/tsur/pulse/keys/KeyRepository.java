package ru.tsur.pulse.keys;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static ru.tsur.pulse.sql.Timestamps.instant;
import static ru.tsur.pulse.sql.Timestamps.utc;

/**
 * All SQL on {@code api_key}. The secret's hash is read by one statement only, the lookup that authenticates a
 * key, and travels no further than {@link StoredKey}; every other statement returns {@link ApiKey}. Changes
 * take the caller's transaction, so the audit row of a change commits with it.
 */
@ApplicationScoped
public class KeyRepository {

    private static final String COLUMNS = """
            id, name, sources, created_at, created_by, expires_at, revoked_at, revoked_by, last_used_at""";

    private static final String INSERT = """
            INSERT INTO api_key (id, secret_hash, name, sources, created_at, created_by, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            RETURNING\s""" + COLUMNS;

    private static final String LIST = "SELECT " + COLUMNS + " FROM api_key ORDER BY created_at DESC, id LIMIT $1";

    private static final String LOOKUP = "SELECT " + COLUMNS + ", secret_hash FROM api_key WHERE id = $1";

    private static final String LOCK = "SELECT " + COLUMNS + " FROM api_key WHERE id = $1 FOR UPDATE";

    private static final String REVOKE = """
            UPDATE api_key SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL
            RETURNING\s""" + COLUMNS;

    private static final String TOUCH = """
            UPDATE api_key AS k SET last_used_at = greatest(k.last_used_at, used.at)
            FROM unnest($1::text[], $2::timestamptz[]) AS used (id, at)
            WHERE k.id = used.id""";

    /** A key with the hash of its secret: what authentication compares against, and nothing else. */
    public record StoredKey(ApiKey key, String secretHash) {
    }

    private final Pool pool;

    public KeyRepository(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    public Uni<ApiKey> insert(SqlConnection transaction, String id, String secretHash, String name,
                              List<String> sources, Instant createdAt, String createdBy, Instant expiresAt) {
        Tuple parameters = Tuple.tuple();
        parameters.addString(id).addString(secretHash).addString(name).addArrayOfString(sources.toArray(String[]::new))
                .addOffsetDateTime(utc(createdAt)).addString(createdBy).addOffsetDateTime(utc(expiresAt));
        return transaction.preparedQuery(INSERT).execute(parameters).map(rows -> from(rows.iterator().next()));
    }

    public Uni<List<ApiKey>> list(int limit) {
        return pool.preparedQuery(LIST).execute(Tuple.of(limit)).map(rows -> {
            List<ApiKey> keys = new ArrayList<>(rows.size());
            rows.forEach(row -> keys.add(from(row)));
            return keys;
        });
    }

    public Uni<Optional<StoredKey>> lookup(String id) {
        return pool.preparedQuery(LOOKUP).execute(Tuple.of(id)).map(rows -> {
            var iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return Optional.empty();
            }
            Row row = iterator.next();
            return Optional.of(new StoredKey(from(row), row.getString("secret_hash")));
        });
    }

    /** The key, locked for the rest of the transaction; empty when there is none. */
    public Uni<Optional<ApiKey>> lock(SqlConnection transaction, String id) {
        return transaction.preparedQuery(LOCK).execute(Tuple.of(id)).map(KeyRepository::first);
    }

    /** Revokes a key not yet revoked; empty when it was already revoked (or does not exist). */
    public Uni<Optional<ApiKey>> revoke(SqlConnection transaction, String id, Instant at, String by) {
        return transaction.preparedQuery(REVOKE).execute(Tuple.of(id, utc(at), by)).map(KeyRepository::first);
    }

    /** Stamps {@code last_used_at} of many keys in one statement; an older time never overwrites a newer one. */
    public Uni<Void> touch(Map<String, Instant> lastUsed) {
        if (lastUsed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = new String[lastUsed.size()];
        OffsetDateTime[] times = new OffsetDateTime[lastUsed.size()];
        int position = 0;
        for (Map.Entry<String, Instant> used : lastUsed.entrySet()) {
            ids[position] = used.getKey();
            times[position] = utc(used.getValue());
            position++;
        }
        Tuple parameters = Tuple.tuple();
        parameters.addArrayOfString(ids).addArrayOfOffsetDateTime(times);
        return pool.preparedQuery(TOUCH).execute(parameters).replaceWithVoid();
    }

    private static Optional<ApiKey> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(from(iterator.next())) : Optional.empty();
    }

    static ApiKey from(Row row) {
        return new ApiKey(row.getString("id"), row.getString("name"), Arrays.asList(row.getArrayOfStrings("sources")),
                instant(row, "created_at"), row.getString("created_by"), instant(row, "expires_at"),
                instant(row, "revoked_at"), row.getString("revoked_by"), instant(row, "last_used_at"));
    }
}
