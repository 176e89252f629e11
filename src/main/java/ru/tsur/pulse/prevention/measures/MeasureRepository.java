package ru.tsur.pulse.prevention.measures;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static ru.tsur.pulse.sql.Timestamps.instant;
import static ru.tsur.pulse.sql.Timestamps.utc;

/**
 * SQL of the measures: the {@code measure} table (an idempotent insert keyed by the caller and the request's
 * key, reads by id and by filters) and the daily message counts a measure's effect is computed from — per
 * municipality, or per place ({@code prevention.Place}, which needs the address normalizer, so those rows are grouped
 * by address and point in SQL and keyed in Java). Imported history counts like any message: a measure taken
 * last month is judged against the weeks before it, which may be history.
 */
@ApplicationScoped
public class MeasureRepository {

    private static final String COLUMNS = """
            id, title, description, municipality_id, category_id, topic, place_key, place_label, taken_at,
            created_by, created_at""";

    private static final String INSERT = """
            INSERT INTO measure (title, description, municipality_id, category_id, topic, place_key, place_label,
                                 taken_at, created_by, created_at, idempotency_key)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (created_by, idempotency_key) DO NOTHING
            RETURNING\s""" + COLUMNS;

    private static final String BY_KEY = "SELECT " + COLUMNS + " FROM measure WHERE created_by = $1 AND idempotency_key = $2";

    private static final String BY_ID = "SELECT " + COLUMNS + " FROM measure WHERE id = $1";

    /** Newest measure first; each filter null for "any"; taken in [$4, $5). */
    private static final String LIST = "SELECT " + COLUMNS + """
             FROM measure
            WHERE ($1::text[] IS NULL OR municipality_id = ANY($1::text[]))
              AND ($2::text IS NULL OR category_id = $2::text)
              AND ($3::text IS NULL OR topic = $3::text)
              AND ($4::timestamptz IS NULL OR taken_at >= $4) AND ($5::timestamptz IS NULL OR taken_at < $5)
            ORDER BY taken_at DESC, id DESC
            LIMIT $6""";

    /** Measures of a category taken in [$2, $3): the ones that may act on another measure's controls. */
    private static final String OF_CATEGORY = "SELECT " + COLUMNS
            + " FROM measure WHERE category_id = $1 AND taken_at >= $2 AND taken_at < $3";

    /** Messages per municipality and day of the window [$1, $2), of a category ($3) and optionally a topic ($4). */
    private static final String MUNICIPALITY_DAYS = """
            SELECT m.municipality_id AS unit, m.municipality_id, date_bin('1 day', m.created_at, $1) AS day,
                   count(*) AS messages
            FROM message m
            WHERE m.created_at >= $1 AND m.created_at < $2 AND m.category_id = $3
              AND ($4::text IS NULL OR m.topic = $4::text)
            GROUP BY m.municipality_id, day""";

    /** The same per address, point and day: {@code prevention.Place} keys them in Java. */
    private static final String PLACE_DAYS = """
            SELECT m.address, m.lat, m.lon, m.municipality_id, date_bin('1 day', m.created_at, $1) AS day,
                   count(*) AS messages
            FROM message m
            WHERE m.created_at >= $1 AND m.created_at < $2 AND m.category_id = $3
              AND ($4::text IS NULL OR m.topic = $4::text)
              AND (m.address IS NOT NULL OR m.lat IS NOT NULL)
            GROUP BY m.address, m.lat, m.lon, m.municipality_id, day""";

    /** A new measure as the service stores it. */
    public record NewMeasure(String title, String description, String municipality, String category, String topic,
                             String placeKey, String placeLabel, Instant takenAt, String createdBy, Instant createdAt,
                             String idempotencyKey) {
    }

    /** A stored measure, and whether this request stored it (false: a retry found it). */
    public record Stored(Measure measure, boolean created) {
    }

    private final Pool pool;

    public MeasureRepository(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** Stores the measure in the caller's transaction, or finds the one the same caller stored with the same key. */
    public Uni<Stored> insert(SqlConnection transaction, NewMeasure measure) {
        Tuple parameters = Tuple.tuple().addString(measure.title()).addString(measure.description())
                .addString(measure.municipality()).addString(measure.category()).addString(measure.topic())
                .addString(measure.placeKey()).addString(measure.placeLabel()).addOffsetDateTime(utc(measure.takenAt()))
                .addString(measure.createdBy()).addOffsetDateTime(utc(measure.createdAt()))
                .addString(measure.idempotencyKey());
        return transaction.preparedQuery(INSERT).execute(parameters).chain(rows -> rows.size() > 0
                ? Uni.createFrom().item(new Stored(from(rows.iterator().next()), true))
                : transaction.preparedQuery(BY_KEY).execute(Tuple.of(measure.createdBy(), measure.idempotencyKey()))
                        .map(found -> new Stored(from(found.iterator().next()), false)));
    }

    public Uni<Optional<Measure>> find(long id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next())));
    }

    /** Measures matching the filters (each null for "any"), newest taken first, at most {@code limit}. */
    public Uni<List<Measure>> list(Set<String> municipalities, String category, String topic, Instant from, Instant to,
                                   int limit) {
        Tuple parameters = Tuple.tuple()
                .addArrayOfString(municipalities == null ? null : municipalities.toArray(String[]::new))
                .addString(category).addString(topic).addOffsetDateTime(utc(from)).addOffsetDateTime(utc(to))
                .addInteger(limit);
        return pool.preparedQuery(LIST).execute(parameters).map(MeasureRepository::measures);
    }

    /** Measures of the category taken in {@code [from, to)}. */
    public Uni<List<Measure>> ofCategory(String category, Instant from, Instant to) {
        return pool.preparedQuery(OF_CATEGORY).execute(Tuple.of(category, utc(from), utc(to)))
                .map(MeasureRepository::measures);
    }

    /** Messages per municipality and day of the window, of the category and (when not null) the topic. */
    public Uni<List<UnitDay>> municipalityDays(MeasureWindow window, String category, String topic) {
        return pool.preparedQuery(MUNICIPALITY_DAYS).execute(windowParameters(window, category, topic)).map(rows -> {
            List<UnitDay> days = new ArrayList<>(rows.size());
            rows.forEach(row -> days.add(new UnitDay(row.getString("unit"), row.getString("municipality_id"),
                    instant(row, "day"), row.getLong("messages"))));
            return days;
        });
    }

    /**
     * Messages per address, point and day of the window, of the category and (when not null) the topic; the
     * places are made of them on a worker ({@link MeasureSeries#places}), normalizing addresses being CPU work.
     */
    public Uni<List<AddressDay>> addressDays(MeasureWindow window, String category, String topic) {
        return pool.preparedQuery(PLACE_DAYS).execute(windowParameters(window, category, topic)).map(rows -> {
            List<AddressDay> days = new ArrayList<>(rows.size());
            rows.forEach(row -> days.add(new AddressDay(row.getString("address"), row.getDouble("lat"),
                    row.getDouble("lon"), row.getString("municipality_id"), instant(row, "day"), row.getLong("messages"))));
            return days;
        });
    }

    private static Tuple windowParameters(MeasureWindow window, String category, String topic) {
        return Tuple.tuple().addOffsetDateTime(utc(window.beforeFrom())).addOffsetDateTime(utc(window.afterTo()))
                .addString(category).addString(topic);
    }

    private static List<Measure> measures(RowSet<Row> rows) {
        List<Measure> measures = new ArrayList<>(rows.size());
        rows.forEach(row -> measures.add(from(row)));
        return measures;
    }

    static Measure from(Row row) {
        return new Measure(row.getLong("id"), row.getString("title"), row.getString("description"),
                row.getString("municipality_id"), row.getString("category_id"), row.getString("topic"),
                row.getString("place_key"), row.getString("place_label"), instant(row, "taken_at"),
                row.getString("created_by"), instant(row, "created_at"));
    }
}
