package ru.tsur.pulse.prevention.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static ru.tsur.pulse.sql.Timestamps.utc;

/**
 * The prevention report's SQL over {@code problem_case} (the chronic places' messages come from
 * {@code PreventionRepository}): the period's cases and repeats per week, and its resolutions per executor.
 * Merged cases are left out (their messages live in the survivor), as in the service's repeat rate and
 * scorecards. A case belongs to the period by its first message's time ({@code created_at}), not by when the
 * service opened it: imported history was opened on the day of the import, yet happened when it happened.
 */
@ApplicationScoped
public class ReportRepository {

    /**
     * Cases created in {@code [$1, $2)} of some municipalities ($3, null for any), per week: the whole days
     * from the period's first day ($5) in the region's time zone ($4), divided by 7.
     */
    private static final String WEEK_COUNTS = """
            SELECT ((created_at AT TIME ZONE $4)::date - $5::date) / 7 AS week, count(*) AS cases,
                   count(*) FILTER (WHERE repeat_of IS NOT NULL) AS repeats
            FROM problem_case
            WHERE created_at >= $1 AND created_at < $2 AND status <> 'merged'
              AND ($3::text[] IS NULL OR municipality_id = ANY($3::text[]))
            GROUP BY 1 ORDER BY 1""";

    /**
     * Cases last resolved in {@code [$1, $2)} (a reopened case keeps its resolution time) of some
     * municipalities ($3), per executor: resolved, reopened, came back, either.
     */
    private static final String EXECUTOR_TALLIES = """
            SELECT executor, count(*) AS resolved, count(*) FILTER (WHERE reopened_count > 0) AS reopened,
                   count(*) FILTER (WHERE came_back) AS came_back,
                   count(*) FILTER (WHERE reopened_count > 0 OR came_back) AS returned
            FROM problem_case
            WHERE resolved_at >= $1 AND resolved_at < $2 AND status <> 'merged' AND executor IS NOT NULL
              AND ($3::text[] IS NULL OR municipality_id = ANY($3::text[]))
            GROUP BY executor""";

    private final Pool pool;

    public ReportRepository(Pool pool) {
        this.pool = pool;
    }

    /** The period's cases and repeats per week; weeks without cases are absent. */
    public Uni<List<RepeatRateTrend.WeekCount>> weekCounts(ReportPeriod period, Set<String> municipalities) {
        Tuple parameters = Tuple.tuple().addOffsetDateTime(utc(period.start())).addOffsetDateTime(utc(period.end()))
                .addArrayOfString(array(municipalities)).addString(period.zone().getId()).addLocalDate(period.from());
        return pool.preparedQuery(WEEK_COUNTS).execute(parameters).map(rows -> {
            List<RepeatRateTrend.WeekCount> counts = new ArrayList<>(rows.size());
            rows.forEach(row -> counts.add(weekCount(row)));
            return counts;
        });
    }

    /** The period's resolutions per executor. */
    public Uni<List<ExecutorReturns.Tally>> executorTallies(ReportPeriod period, Set<String> municipalities) {
        Tuple parameters = Tuple.tuple().addOffsetDateTime(utc(period.start())).addOffsetDateTime(utc(period.end()))
                .addArrayOfString(array(municipalities));
        return pool.preparedQuery(EXECUTOR_TALLIES).execute(parameters).map(rows -> {
            List<ExecutorReturns.Tally> tallies = new ArrayList<>(rows.size());
            rows.forEach(row -> tallies.add(tally(row)));
            return tallies;
        });
    }

    static RepeatRateTrend.WeekCount weekCount(Row row) {
        return new RepeatRateTrend.WeekCount(row.getInteger("week"), row.getLong("cases"), row.getLong("repeats"));
    }

    static ExecutorReturns.Tally tally(Row row) {
        return new ExecutorReturns.Tally(row.getString("executor"), row.getLong("resolved"), row.getLong("reopened"),
                row.getLong("came_back"), row.getLong("returned"));
    }

    private static String[] array(Set<String> municipalities) {
        return municipalities == null ? null : municipalities.toArray(String[]::new);
    }
}
