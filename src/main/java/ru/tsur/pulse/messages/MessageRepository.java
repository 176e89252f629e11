package ru.tsur.pulse.messages;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.domain.CountedCell;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.domain.StoredMessage;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All SQL on the {@code message} table. Inserts are batched (one {@code INSERT … SELECT unnest(…)} per
 * batch) and idempotent on (source, external_id); counting is claimed per message with
 * {@code counted_at}, so a message reaches the Redis counters once even with several workers.
 */
@ApplicationScoped
public class MessageRepository {

    private static final String INSERT_BATCH = """
            INSERT INTO message (source, external_id, created_at, text, text_normalized, lat, lon, address,
                                 municipality_hint, source_category, topic, author, municipality_id, locate_method,
                                 category_id, classify_method, classify_confidence, display_text, executor,
                                 deadline_class, route_rule, triage)
            SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::float8[],
                                 $7::float8[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                                 $13::text[], $14::text[], $15::text[], $16::text[], $17::float8[], $18::text[],
                                 $19::text[], $20::text[], $21::text[], $22::bool[])
            ON CONFLICT (source, external_id) DO NOTHING
            RETURNING id, source, external_id, received_at""";

    private static final String SELECT_IDS_BY_KEYS = """
            SELECT m.id, m.source, m.external_id, m.received_at
            FROM message m
            JOIN unnest($1::text[], $2::text[]) AS k(source, external_id)
              ON m.source = k.source AND m.external_id = k.external_id""";

    private static final String CLAIM_FOR_COUNTING = """
            UPDATE message SET counted_at = now()
            WHERE id = ANY($1) AND counted_at IS NULL
            RETURNING id, municipality_id, category_id, created_at, received_at""";

    private static final String RELEASE_CLAIM = "UPDATE message SET counted_at = NULL WHERE id = ANY($1)";

    private static final String SELECT_UNCOUNTED = """
            SELECT id FROM message
            WHERE counted_at IS NULL AND received_at < now() - make_interval(secs => $1)
            ORDER BY id LIMIT $2""";

    private static final String MARK_ALL_COUNTED = "UPDATE message SET counted_at = now() WHERE counted_at IS NULL";

    private static final String COUNT_TOTALS = """
            SELECT municipality_id, category_id, count(*) AS n FROM message
            WHERE counted_at IS NOT NULL GROUP BY municipality_id, category_id""";

    private static final String COUNT_ALL_TOTALS = """
            SELECT municipality_id, category_id, count(*) AS n FROM message GROUP BY municipality_id, category_id""";

    private static final String COUNT_BUCKETS = """
            SELECT municipality_id, category_id,
                   floor(extract(epoch FROM created_at) / $2)::bigint AS bucket, count(*) AS n
            FROM message WHERE created_at >= $1
            GROUP BY municipality_id, category_id, bucket""";

    private static final String SELECT_ORIGINAL = """
            SELECT id, source, external_id, created_at, text, author, address, case_id FROM message WHERE id = $1""";

    private static final String SELECT_NEWEST = """
            SELECT id, created_at, received_at, municipality_id, category_id, topic, display_text
            FROM message ORDER BY id DESC LIMIT $1""";

    private static final String SELECT_BY_KEY = """
            SELECT id, source, external_id, received_at, municipality_id, category_id, case_id
            FROM message WHERE source = $1 AND external_id = $2""";

    private final Pool pool;

    public MessageRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores a batch in one statement and returns, in input order, each message with its id; a message
     * whose key was already stored (earlier, or earlier in the same batch) comes back as a duplicate
     * with the original id.
     */
    public Uni<List<StoredMessage>> insertBatch(List<PreparedMessage> batch) {
        return pool.preparedQuery(INSERT_BATCH).execute(insertParameters(batch))
                .onItem().transformToUni(inserted -> {
                    Map<String, Written> newIds = idsByKey(inserted);
                    List<PreparedMessage> missing = batch.stream()
                            .filter(message -> !newIds.containsKey(key(message.incoming())))
                            .toList();
                    if (missing.isEmpty()) {
                        return Uni.createFrom().item(toStored(batch, newIds, Map.of()));
                    }
                    return pool.preparedQuery(SELECT_IDS_BY_KEYS).execute(keyParameters(missing))
                            .map(existing -> toStored(batch, newIds, idsByKey(existing)));
                });
    }

    /**
     * Claims the given messages for counting; returns only those not counted before (with what the
     * counters need). A claim whose counting failed must be {@linkplain #releaseClaim released}.
     */
    public Uni<List<CountableMessage>> claimForCounting(List<Long> ids) {
        return pool.preparedQuery(CLAIM_FOR_COUNTING).execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    List<CountableMessage> claimed = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        claimed.add(CountableMessage.from(row));
                    }
                    return claimed;
                });
    }

    public Uni<Void> releaseClaim(List<Long> ids) {
        return pool.preparedQuery(RELEASE_CLAIM).execute(Tuple.of(ids.toArray(Long[]::new))).replaceWithVoid();
    }

    /** Ids of messages stored more than {@code age} ago that were never counted (Redis was down). */
    public Uni<List<Long>> findUncounted(Duration age, int limit) {
        return pool.preparedQuery(SELECT_UNCOUNTED).execute(Tuple.of(age.toMillis() / 1000.0, limit))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>(rows.size());
                    rows.forEach(row -> ids.add(row.getLong("id")));
                    return ids;
                });
    }

    /** Counts per municipality × category of the messages marked as counted. */
    public Uni<List<CountedCell>> countedTotals() {
        return pool.query(COUNT_TOTALS).execute().map(MessageRepository::cells);
    }

    /**
     * In one consistent snapshot: marks every message as counted and returns the counts Redis must hold
     * for all of them — totals, and buckets of {@code bucketSeconds} for each requested span.
     */
    public Uni<CounterRebuildData> snapshotForRebuild(Instant minuteBucketsFrom, Instant hourBucketsFrom) {
        return pool.withTransaction(connection -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                .execute()
                .chain(() -> connection.query(MARK_ALL_COUNTED).execute())
                .chain(() -> connection.query(COUNT_ALL_TOTALS).execute().map(MessageRepository::cells))
                .chain(totals -> buckets(connection, minuteBucketsFrom, 60)
                        .chain(minutes -> buckets(connection, hourBucketsFrom, 3600)
                                .map(hours -> new CounterRebuildData(totals, minutes, hours)))));
    }

    /** The newest stored messages, newest first, in their display form (no author, masked text). */
    /** The message as the resident wrote it (personal data: the caller audits the read). */
    public Uni<java.util.Optional<OriginalMessage>> original(SqlConnection connection, long id) {
        return connection.preparedQuery(SELECT_ORIGINAL).execute(Tuple.of(id)).map(rows -> {
            java.util.Iterator<Row> found = rows.iterator();
            return found.hasNext() ? java.util.Optional.of(OriginalMessage.from(found.next())) : java.util.Optional.empty();
        });
    }

    /** Runs the work in one transaction (a read of personal data and its audit row commit together). */
    public <T> Uni<T> inTransaction(java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** The message stored under this idempotency key, if any. */
    public Uni<java.util.Optional<StoredMessageStatus>> byKey(String source, String externalId) {
        return pool.preparedQuery(SELECT_BY_KEY).execute(Tuple.of(source, externalId)).map(rows ->
                rows.size() == 0 ? java.util.Optional.empty() : java.util.Optional.of(StoredMessageStatus.from(rows.iterator().next())));
    }

    public Uni<List<RecentMessage>> newest(int limit) {
        return pool.preparedQuery(SELECT_NEWEST).execute(Tuple.of(limit)).map(MessageRepository::recent);
    }

    private static List<RecentMessage> recent(RowSet<Row> rows) {
        List<RecentMessage> messages = new ArrayList<>(rows.size());
        for (Row row : rows) {
            messages.add(RecentMessage.from(row));
        }
        return messages;
    }

    private static Uni<List<CounterRebuildData.Bucket>> buckets(SqlConnection connection, Instant from, int seconds) {
        return connection.preparedQuery(COUNT_BUCKETS)
                .execute(Tuple.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), seconds))
                .map(rows -> {
                    List<CounterRebuildData.Bucket> buckets = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        buckets.add(new CounterRebuildData.Bucket(row.getString("municipality_id"),
                                row.getString("category_id"), row.getLong("bucket"), row.getLong("n")));
                    }
                    return buckets;
                });
    }

    private static List<CountedCell> cells(RowSet<Row> rows) {
        List<CountedCell> cells = new ArrayList<>(rows.size());
        for (Row row : rows) {
            cells.add(new CountedCell(row.getString("municipality_id"), row.getString("category_id"),
                    row.getLong("n")));
        }
        return cells;
    }

    private static Tuple insertParameters(List<PreparedMessage> batch) {
        return Tuple.from(List.<Object>copyOf(MessageColumns.of(batch)));
    }

    private static Tuple keyParameters(List<PreparedMessage> messages) {
        String[] sources = new String[messages.size()];
        String[] externalIds = new String[messages.size()];
        for (int index = 0; index < messages.size(); index++) {
            sources[index] = messages.get(index).incoming().source();
            externalIds[index] = messages.get(index).incoming().externalId();
        }
        return Tuple.of(sources, externalIds);
    }

    /** A stored row's id and when PostgreSQL received it. */
    private record Written(long id, Instant receivedAt) {
    }

    private static Map<String, Written> idsByKey(RowSet<Row> rows) {
        Map<String, Written> ids = new HashMap<>();
        for (Row row : rows) {
            ids.put(row.getString("source") + '\u0000' + row.getString("external_id"),
                    new Written(row.getLong("id"), row.getOffsetDateTime("received_at").toInstant()));
        }
        return ids;
    }

    private static String key(IncomingMessage message) {
        return message.source() + '\u0000' + message.externalId();
    }

    private static List<StoredMessage> toStored(List<PreparedMessage> batch, Map<String, Written> newIds,
                                                Map<String, Written> existingIds) {
        List<StoredMessage> stored = new ArrayList<>(batch.size());
        Map<String, Boolean> seenInBatch = new HashMap<>();
        for (PreparedMessage message : batch) {
            String key = key(message.incoming());
            Written written = newIds.get(key);
            if (written != null && seenInBatch.putIfAbsent(key, Boolean.TRUE) == null) {
                stored.add(new StoredMessage(written.id(), false, written.receivedAt(), message));
            } else {
                Written original = written != null ? written : existingIds.get(key);
                if (original == null) {
                    throw new IllegalStateException("Message " + key.replace('\u0000', '/') + " neither stored nor found");
                }
                stored.add(new StoredMessage(original.id(), true, original.receivedAt(), message));
            }
        }
        return stored;
    }
}
