package ru.tsur.pulse.tension;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static ru.tsur.pulse.sql.Timestamps.utc;

/**
 * The detector's SQL on the {@code message} table: counts per municipality × category × topic × bucket
 * (the series are rebuilt from these at startup and re-counted for the recent buckets at every tick, so
 * the truth is always PostgreSQL and every replica sees every replica's messages), and sample messages
 * for explanations — display text only, personal data already masked.
 */
@ApplicationScoped
public class TensionRepository {

    /**
     * Messages and past counts ({@code series_history}, hourly: with a shorter bucket an hour's count falls in
     * its first bucket) per series and bucket; a history row without municipality counts for its region-wide
     * topic series only.
     */
    private static final String COUNT_BUCKETS = """
            SELECT municipality_id, category_id, topic,
                   floor(extract(epoch FROM created_at) / $2)::bigint AS bucket, count(*) AS n, false AS topic_only
            FROM message WHERE created_at >= $1 AND created_at < $3
            GROUP BY municipality_id, category_id, topic, bucket
            UNION ALL
            SELECT NULLIF(municipality_id, ''), category_id, NULLIF(topic, ''),
                   floor(extract(epoch FROM bucket_start) / $2)::bigint AS bucket, sum(messages) AS n,
                   municipality_id = '' AS topic_only
            FROM series_history WHERE bucket_start >= $1 AND bucket_start < $3
            GROUP BY municipality_id, category_id, topic, bucket""";

    /**
     * Sample queries, one per shape of series: a generic {@code ($1 IS NULL OR municipality_id = $1)} plan
     * cannot use an index, and under load the explanations then scanned the whole table on every update.
     * With a municipality: the (municipality, category, created_at) index; region-wide: the created_at
     * index read backwards (a spiking category is dense among the newest messages).
     */
    private static final String SAMPLES_MUNICIPALITY = """
            SELECT display_text FROM message
            WHERE municipality_id = $1 AND category_id = $2 AND created_at >= $3 AND created_at < $4
            ORDER BY created_at DESC LIMIT $5""";

    private static final String SAMPLES_MUNICIPALITY_TOPIC = """
            SELECT display_text FROM message
            WHERE municipality_id = $1 AND category_id = $2 AND topic = $3 AND created_at >= $4 AND created_at < $5
            ORDER BY created_at DESC LIMIT $6""";

    private static final String SAMPLES_REGION = """
            SELECT display_text FROM message
            WHERE category_id = $1 AND created_at >= $2 AND created_at < $3
            ORDER BY created_at DESC LIMIT $4""";

    private static final String SAMPLES_REGION_TOPIC = """
            SELECT display_text FROM message
            WHERE category_id = $1 AND topic = $2 AND created_at >= $3 AND created_at < $4
            ORDER BY created_at DESC LIMIT $5""";

    /**
     * Messages of one series in one bucket; {@code topicOnly}: a past count of a region-wide topic series alone
     * (its municipalities were counted in their own rows).
     */
    public record BucketCount(String municipality, String category, String topic, long bucket, int messages,
                              boolean topicOnly) {
        static BucketCount from(Row row) {
            return new BucketCount(row.getString("municipality_id"), row.getString("category_id"), row.getString("topic"),
                    row.getLong("bucket"), ((Number) row.getValue("n")).intValue(), row.getBoolean("topic_only"));
        }
    }

    private final Pool pool;

    public TensionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Counts per series and bucket of the messages created in {@code [from, to)}. */
    public Uni<List<BucketCount>> counts(Instant from, Instant to, long bucketSeconds) {
        return pool.preparedQuery(COUNT_BUCKETS)
                .execute(Tuple.of(utc(from), bucketSeconds, utc(to)))
                .map(rows -> {
                    List<BucketCount> counts = new ArrayList<>(rows.size());
                    rows.forEach(row -> counts.add(BucketCount.from(row)));
                    return counts;
                });
    }

    /** The newest display texts of a series ({@code municipality} null: region-wide) in {@code [from, to)}. */
    public Uni<List<String>> samples(String municipality, String category, String topic, Instant from, Instant to,
                                     int limit) {
        Tuple parameters = Tuple.tuple();
        String sql;
        if (municipality != null) {
            parameters.addString(municipality);
            sql = topic == null ? SAMPLES_MUNICIPALITY : SAMPLES_MUNICIPALITY_TOPIC;
        } else {
            sql = topic == null ? SAMPLES_REGION : SAMPLES_REGION_TOPIC;
        }
        parameters.addString(category);
        if (topic != null) {
            parameters.addString(topic);
        }
        parameters.addOffsetDateTime(utc(from)).addOffsetDateTime(utc(to)).addInteger(limit);
        return pool.preparedQuery(sql).execute(parameters)
                .map(rows -> {
                    List<String> texts = new ArrayList<>(rows.size());
                    rows.forEach(row -> texts.add(row.getString("display_text")));
                    return texts;
                });
    }
}
