package ru.tsur.pulse.tension;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static ru.tsur.pulse.sql.Timestamps.utc;

/**
 * Writes past counts into {@code series_history} (the demo's generated history; the table's migration says
 * what its two kinds of rows mean) and tells which hours already hold messages or past counts, so history is
 * never written twice nor over an hour that really happened. The detector reads the table in
 * {@link TensionRepository}.
 */
@ApplicationScoped
public class SeriesHistoryRepository {

    private static final String INSERT_BATCH = """
            INSERT INTO series_history (bucket_start, municipality_id, category_id, topic, messages)
            SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::int[])
            ON CONFLICT DO NOTHING""";

    private static final String COVERED_HOURS = """
            SELECT DISTINCT date_trunc('hour', created_at) AS hour FROM message
            WHERE created_at >= $1 AND created_at < $2
            UNION
            SELECT DISTINCT bucket_start FROM series_history WHERE bucket_start >= $1 AND bucket_start < $2""";

    /** One row of past counts: municipality "" for a region-wide topic row, topic "" for a category row. */
    public record HistoryRow(Instant hour, String municipality, String category, String topic, int messages) {
    }

    private final Pool pool;

    public SeriesHistoryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Hours (their start) that hold a message created, or a past count starting, in {@code [from, to)}. */
    public Uni<Set<Instant>> coveredHours(Instant from, Instant to) {
        return pool.preparedQuery(COVERED_HOURS).execute(Tuple.of(utc(from), utc(to))).map(rows -> {
            Set<Instant> hours = new HashSet<>();
            rows.forEach(row -> hours.add(row.getOffsetDateTime("hour").toInstant()));
            return hours;
        });
    }

    /** Inserts one batch (idempotent); returns the rows written. */
    public Uni<Integer> insert(List<HistoryRow> batch) {
        int size = batch.size();
        OffsetDateTime[] hours = new OffsetDateTime[size];
        String[] municipalities = new String[size];
        String[] categories = new String[size];
        String[] topics = new String[size];
        Integer[] messages = new Integer[size];
        for (int index = 0; index < size; index++) {
            HistoryRow row = batch.get(index);
            hours[index] = utc(row.hour());
            municipalities[index] = row.municipality();
            categories[index] = row.category();
            topics[index] = row.topic();
            messages[index] = row.messages();
        }
        return pool.preparedQuery(INSERT_BATCH)
                .execute(Tuple.of(hours, municipalities, categories, topics).addArrayOfInteger(messages))
                .map(rows -> rows.rowCount());
    }
}
