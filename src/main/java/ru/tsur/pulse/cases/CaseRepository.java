package ru.tsur.pulse.cases;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static ru.tsur.pulse.sql.Timestamps.instant;
import static ru.tsur.pulse.sql.Timestamps.utc;

/**
 * All SQL on cases: {@code problem_case}, {@code case_event}, {@code case_answer}, the {@code case_id} of
 * messages. Statements that take part in a transaction
 * take the connection; "overdue" is one SQL expression used for both filtering and reading.
 */
@ApplicationScoped
public class CaseRepository {

    static final String OPEN = "('new', 'assigned', 'in_progress', 'answered', 'reopened', 'rejected')";

    private static final String OVERDUE = "(status IN " + OPEN
            + " AND ((first_answer_at IS NULL AND first_reply_due <= now()) OR resolution_due <= now()))";

    private static final String COLUMNS = """
            id, status, municipality_id, category_id, topic, executor, deadline_class, lat, lon, summary, created_at,
            opened_at, last_message_at, message_count, first_reply_due, resolution_due, first_answer_at, answer_text,
            answer_flags, resolved_at, confirmed_at, reopened_count, rejected_reason, repeat_of, came_back, updated_at,
            merged_into, """ + OVERDUE + " AS overdue";

    private static final String CLAIM_UNCASED = """
            SELECT id, created_at, lat, lon, display_text, municipality_id, category_id, topic, executor, deadline_class
            FROM message WHERE case_id IS NULL AND NOT imported ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED""";

    private static final String CANDIDATES = """
            SELECT id, status, last_message_at, resolved_at, lat, lon, summary FROM problem_case
            WHERE municipality_id = $1 AND topic_key = $2
              AND ((status IN\s""" + OPEN + """
             AND last_message_at >= $3) OR (status IN ('resolved', 'confirmed') AND resolved_at >= $4))
            ORDER BY last_message_at DESC LIMIT 50""";

    private static final String JOIN = """
            UPDATE problem_case SET message_count = message_count + 1,
                   last_message_at = greatest(last_message_at, $2), updated_at = now()
            WHERE id = $1""";

    private static final String INSERT_CASE = """
            INSERT INTO problem_case (status, municipality_id, category_id, topic, topic_key, executor, deadline_class,
                                      lat, lon, summary, created_at, last_message_at, first_reply_due, resolution_due,
                                      repeat_of)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14)
            RETURNING id""";

    private static final String MARK_CAME_BACK = """
            UPDATE problem_case SET came_back = true, updated_at = now(),
                   answer_flags = CASE WHEN 'came_back' = ANY(answer_flags) THEN answer_flags
                                       ELSE array_append(answer_flags, 'came_back') END
            WHERE id = $1 AND NOT came_back""";

    private static final String SET_MESSAGE_CASE = "UPDATE message SET case_id = $2 WHERE id = $1";

    private static final String INSERT_EVENT = """
            INSERT INTO case_event (case_id, actor, action, from_status, to_status, detail)
            VALUES ($1, $2, $3, $4, $5, $6)""";

    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM problem_case WHERE id = $1";

    private static final String SELECT_FOR_UPDATE = SELECT_ONE + " FOR UPDATE";

    private static final String SELECT_BY_IDS = "SELECT " + COLUMNS + " FROM problem_case WHERE id = ANY($1)";

    private static final String SELECT_OPEN = "SELECT " + COLUMNS + " FROM problem_case WHERE status IN " + OPEN;

    private static final String SELECT_OPEN_OF_EXECUTORS = SELECT_OPEN + " AND executor = ANY($1)";

    private static final String TRANSITION = """
            UPDATE problem_case SET
                status = $2,
                executor = coalesce($3, executor),
                first_answer_at = CASE WHEN $4 AND first_answer_at IS NULL THEN clock_timestamp() ELSE first_answer_at END,
                answer_text = coalesce($5, answer_text),
                answer_flags = CASE WHEN $6::text[] IS NULL THEN answer_flags
                                    WHEN 'came_back' = ANY(answer_flags) THEN array_append($6::text[], 'came_back')
                                    ELSE $6::text[] END,
                resolved_at = CASE WHEN $2 = 'resolved' THEN clock_timestamp() ELSE resolved_at END,
                confirmed_at = CASE WHEN $2 = 'confirmed' THEN clock_timestamp() ELSE confirmed_at END,
                reopened_count = reopened_count + CASE WHEN $2 = 'reopened' THEN 1 ELSE 0 END,
                rejected_reason = CASE WHEN $2 = 'rejected' THEN $7 ELSE rejected_reason END,
                updated_at = clock_timestamp()
            WHERE id = $1
            RETURNING\s""" + COLUMNS;

    private static final String RECLASSIFY = """
            UPDATE problem_case SET category_id = $2, topic = $3, topic_key = $4, executor = $5, status = $6,
                deadline_class = $7, first_reply_due = $8, resolution_due = $9, updated_at = clock_timestamp()
            WHERE id = $1
            RETURNING\s""" + COLUMNS;

    private static final String INSERT_ANSWER = "INSERT INTO case_answer (case_id, executor, text, flags) VALUES ($1, $2, $3, $4)";

    private static final String EARLIER_ANSWERS = "SELECT text FROM case_answer ORDER BY id DESC LIMIT $1";

    private static final String FILTERS = """
            WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR executor = $2)
              AND ($3::text IS NULL OR municipality_id = $3) AND ($4::bool IS NULL OR\s""" + OVERDUE + """
             = $4)
              AND ($5::bool IS NULL OR (repeat_of IS NOT NULL) = $5)
              AND ($6::text[] IS NULL OR executor = ANY($6)) AND ($7::text[] IS NULL OR municipality_id = ANY($7))
              AND ($8::bool IS NULL OR (cardinality(answer_flags) > 0) = $8)
              AND ($9::bool IS NULL OR (status IN\s""" + OPEN + ") = $9)";

    private static final String LIST = "SELECT " + COLUMNS + " FROM problem_case " + FILTERS
            + " ORDER BY id DESC LIMIT $10 OFFSET $11";

    private static final String COUNT = "SELECT count(*) AS n FROM problem_case " + FILTERS;

    private static final String MESSAGE_OF_CASE = """
            SELECT id, created_at, lat, lon, display_text, municipality_id, category_id, topic, executor, deadline_class
            FROM message WHERE id = $1 AND case_id = $2 FOR UPDATE""";

    private static final String COUNT_MESSAGES = "SELECT count(*) AS n FROM message WHERE case_id = $1";

    private static final String MOVE_MESSAGES = "UPDATE message SET case_id = $2 WHERE case_id = $1";

    /** Count and newest message from the rows themselves; the summary from the first message when asked ($2). */
    private static final String RECOUNT = """
            UPDATE problem_case SET
                message_count = (SELECT count(*) FROM message WHERE case_id = $1),
                last_message_at = coalesce((SELECT max(created_at) FROM message WHERE case_id = $1), last_message_at),
                summary = CASE WHEN $2 THEN coalesce((SELECT display_text FROM message WHERE case_id = $1
                                                      ORDER BY created_at, id LIMIT 1), summary) ELSE summary END,
                updated_at = clock_timestamp()
            WHERE id = $1""";

    private static final String MARK_MERGED = """
            UPDATE problem_case SET status = 'merged', merged_into = $2, message_count = 0, updated_at = clock_timestamp()
            WHERE id = $1""";

    private static final String MESSAGES_OF_CASE = """
            SELECT id, source, created_at, received_at, display_text FROM message WHERE case_id = $1 ORDER BY created_at, id""";

    private static final String EVENTS_OF_CASE = """
            SELECT at, actor, action, from_status, to_status, detail FROM case_event WHERE case_id = $1 ORDER BY id""";

    private static final String COUNT_BY_CLASS = "SELECT deadline_class, count(*) AS open, count(*) FILTER (WHERE " + OVERDUE
            + ") AS overdue FROM problem_case WHERE status IN " + OPEN + " GROUP BY deadline_class";

    private static final String REPEAT_RATIO = """
            SELECT count(*) AS cases, count(*) FILTER (WHERE repeat_of IS NOT NULL) AS repeats
            FROM problem_case WHERE opened_at >= $1 AND status <> 'merged'""";

    private static final String SCORECARD_SOURCE = """
            SELECT executor, municipality_id, created_at, first_answer_at, first_reply_due, status, reopened_count,
                   repeat_of, cardinality(answer_flags) > 0 AS flagged
            FROM problem_case WHERE opened_at >= $1 AND status <> 'merged'""";

    /** A stored message still without a case. */
    public record UncasedMessage(long id, Instant createdAt, Double lat, Double lon, String displayText,
                                 String municipality, String category, String topic, String executor,
                                 String deadlineClass) {
        String topicKey() {
            return topic == null || topic.isBlank() ? "category:" + category : topic;
        }
    }

    /** A new case to insert. */
    public record NewCase(String status, UncasedMessage first, Instant firstReplyDue, Instant resolutionDue,
                          Long repeatOf) {
    }

    /** What a transition writes; nulls leave a column as it is. */
    public record TransitionWrite(long caseId, CaseStatus to, String executor, boolean answered, String answerText,
                                  List<String> answerFlags, String rejectedReason) {
    }

    /** A message as a case shows it: masked text only. */
    @RegisterForReflection
    public record CaseMessage(long id, String source, Instant createdAt, Instant receivedAt, String text) {
    }

    /** One stored event of a case. */
    @RegisterForReflection
    public record CaseEvent(Instant at, String actor, String action, String from, String to, String detail) {
    }

    /** Open and overdue cases of one deadline class. */
    public record ClassCount(String deadlineClass, long open, long overdue) {
    }

    /** A page of cases and the total matching the filters. */
    /** Cases opened and repeats among them for one value of a column ({@link #repeatCountsBy}). */
    public record RepeatCount(String key, long cases, long repeats) {
    }

    public record Page(List<ProblemCase> items, long total) {
    }

    /** What the scorecards need of one case. */
    public record ScorecardSource(String executor, String municipality, Instant createdAt, Instant firstAnswerAt,
                                  Instant firstReplyDue, String status, int reopenedCount, boolean repeat,
                                  boolean flagged) {
    }

    private final Pool pool;

    public CaseRepository(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    public Uni<List<UncasedMessage>> claimUncased(SqlConnection connection, int limit) {
        return connection.preparedQuery(CLAIM_UNCASED).execute(Tuple.of(limit)).map(rows -> {
            List<UncasedMessage> messages = new ArrayList<>(rows.size());
            for (Row row : rows) {
                messages.add(new UncasedMessage(row.getLong("id"), instant(row, "created_at"), row.getDouble("lat"),
                        row.getDouble("lon"), row.getString("display_text"), row.getString("municipality_id"),
                        row.getString("category_id"), row.getString("topic"), row.getString("executor"),
                        row.getString("deadline_class")));
            }
            return messages;
        });
    }

    public Uni<List<DuplicateMatcher.Candidate>> candidates(SqlConnection connection, UncasedMessage message,
                                                            Duration joinPeriod, Duration repeatPeriod) {
        Tuple parameters = Tuple.of(message.municipality(), message.topicKey(),
                utc(message.createdAt().minus(joinPeriod)), utc(message.createdAt().minus(repeatPeriod)));
        return connection.preparedQuery(CANDIDATES).execute(parameters).map(rows -> {
            List<DuplicateMatcher.Candidate> candidates = new ArrayList<>(rows.size());
            for (Row row : rows) {
                candidates.add(new DuplicateMatcher.Candidate(row.getLong("id"),
                        CaseStatus.byId(row.getString("status")).orElseThrow(), instant(row, "last_message_at"),
                        instant(row, "resolved_at"), row.getDouble("lat"), row.getDouble("lon"), row.getString("summary")));
            }
            return candidates;
        });
    }

    public Uni<Void> join(SqlConnection connection, long caseId, UncasedMessage message) {
        return connection.preparedQuery(JOIN).execute(Tuple.of(caseId, utc(message.createdAt())))
                .chain(() -> setMessageCase(connection, message.id(), caseId))
                .chain(() -> event(connection, caseId, "intake", "message_joined", null, null, "message " + message.id()));
    }

    public Uni<Long> insert(SqlConnection connection, NewCase fresh) {
        UncasedMessage first = fresh.first();
        Tuple parameters = Tuple.tuple();
        parameters.addString(fresh.status()).addString(first.municipality()).addString(first.category())
                .addString(first.topic()).addString(first.topicKey()).addString(first.executor())
                .addString(first.deadlineClass() == null ? "standard" : first.deadlineClass())
                .addDouble(first.lat()).addDouble(first.lon()).addString(first.displayText())
                .addOffsetDateTime(utc(first.createdAt())).addOffsetDateTime(utc(fresh.firstReplyDue()))
                .addOffsetDateTime(utc(fresh.resolutionDue())).addLong(fresh.repeatOf());
        return connection.preparedQuery(INSERT_CASE).execute(parameters)
                .map(rows -> rows.iterator().next().getLong("id"))
                .call(id -> setMessageCase(connection, first.id(), id));
    }

    public Uni<Void> markCameBack(SqlConnection connection, long caseId, long repeatId) {
        return connection.preparedQuery(MARK_CAME_BACK).execute(Tuple.of(caseId))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : event(connection, caseId, "intake", "came_back", null, null, "repeat case " + repeatId));
    }

    private Uni<Void> setMessageCase(SqlConnection connection, long messageId, long caseId) {
        return connection.preparedQuery(SET_MESSAGE_CASE).execute(Tuple.of(messageId, caseId)).replaceWithVoid();
    }

    public Uni<Void> event(SqlClient client, long caseId, String actor, String action, String from, String to,
                           String detail) {
        Tuple parameters = Tuple.tuple();
        parameters.addLong(caseId).addString(actor).addString(action).addString(from).addString(to).addString(detail);
        return client.preparedQuery(INSERT_EVENT).execute(parameters).replaceWithVoid();
    }

    public Uni<Optional<ProblemCase>> find(long id) {
        return pool.preparedQuery(SELECT_ONE).execute(Tuple.of(id)).map(CaseRepository::first);
    }

    public Uni<Optional<ProblemCase>> lock(SqlConnection connection, long id) {
        return connection.preparedQuery(SELECT_FOR_UPDATE).execute(Tuple.of(id)).map(CaseRepository::first);
    }

    public Uni<List<ProblemCase>> findAll(List<Long> ids) {
        return pool.preparedQuery(SELECT_BY_IDS).execute(Tuple.of(ids.toArray(Long[]::new))).map(CaseRepository::all);
    }

    public Uni<List<ProblemCase>> open() {
        return pool.query(SELECT_OPEN).execute().map(CaseRepository::all);
    }

    /** The open cases of these executors (an executor's inbox), in no particular order. */
    public Uni<List<ProblemCase>> openOf(Set<String> executors) {
        return pool.preparedQuery(SELECT_OPEN_OF_EXECUTORS).execute(Tuple.tuple().addArrayOfString(executors.toArray(String[]::new)))
                .map(CaseRepository::all);
    }

    public Uni<ProblemCase> transition(SqlConnection connection, TransitionWrite write) {
        Tuple parameters = Tuple.tuple();
        parameters.addLong(write.caseId()).addString(write.to().id()).addString(write.executor())
                .addBoolean(write.answered()).addString(write.answerText())
                .addArrayOfString(write.answerFlags() == null ? null : write.answerFlags().toArray(String[]::new))
                .addString(write.rejectedReason());
        return connection.preparedQuery(TRANSITION).execute(parameters).map(rows -> first(rows).orElseThrow());
    }

    /** A case's new labels, route and deadlines after an operator's triage of its only message. */
    public record Reclassification(long caseId, String category, String topic, String executor, CaseStatus status,
                                   String deadlineClass, Instant firstReplyDue, Instant resolutionDue) {
        String topicKey() {
            return topic == null || topic.isBlank() ? "category:" + category : topic;
        }
    }

    public Uni<ProblemCase> reclassify(SqlConnection connection, Reclassification change) {
        Tuple parameters = Tuple.tuple().addLong(change.caseId()).addString(change.category()).addString(change.topic())
                .addString(change.topicKey()).addString(change.executor()).addString(change.status().id())
                .addString(change.deadlineClass()).addOffsetDateTime(utc(change.firstReplyDue()))
                .addOffsetDateTime(utc(change.resolutionDue()));
        return connection.preparedQuery(RECLASSIFY).execute(parameters).map(rows -> first(rows).orElseThrow());
    }

    public Uni<Void> insertAnswer(SqlConnection connection, long caseId, String executor, String text, List<String> flags) {
        return connection.preparedQuery(INSERT_ANSWER)
                .execute(Tuple.of(caseId, executor, text, flags.toArray(String[]::new))).replaceWithVoid();
    }

    public Uni<List<String>> earlierAnswers(SqlClient client, int limit) {
        return client.preparedQuery(EARLIER_ANSWERS).execute(Tuple.of(limit)).map(rows -> {
            List<String> texts = new ArrayList<>(rows.size());
            rows.forEach(row -> texts.add(row.getString("text")));
            return texts;
        });
    }

    /** One page of the cases matching the filters, within what the caller's scope lets it see. */
    public Uni<Page> list(String status, String executor, String municipality, Boolean overdue, Boolean repeat,
                          CaseScope scope, int limit, int offset) {
        return list(new CaseFilter(status, executor, municipality, overdue, repeat, null, null), scope, limit, offset);
    }

    /** One page of the cases matching the filter, within what the caller's scope lets it see. */
    public Uni<Page> list(CaseFilter filter, CaseScope scope, int limit, int offset) {
        Tuple page = filters(filter, scope).addInteger(limit).addInteger(offset);
        return pool.preparedQuery(LIST).execute(page).map(CaseRepository::all)
                .chain(items -> pool.preparedQuery(COUNT).execute(filters(filter, scope))
                        .map(rows -> new Page(items, rows.iterator().next().getLong("n"))));
    }

    private static Tuple filters(CaseFilter filter, CaseScope scope) {
        Tuple filters = Tuple.tuple();
        filters.addString(filter.status()).addString(filter.executor()).addString(filter.municipality())
                .addBoolean(filter.overdue()).addBoolean(filter.repeat())
                .addArrayOfString(scope.executorArray()).addArrayOfString(scope.municipalityArray())
                .addBoolean(filter.flagged()).addBoolean(filter.open());
        return filters;
    }

    /** A message of the case, locked, with what a case of its own needs; empty when it is not in that case. */
    public Uni<Optional<UncasedMessage>> lockMessage(SqlConnection connection, long caseId, long messageId) {
        return connection.preparedQuery(MESSAGE_OF_CASE).execute(Tuple.of(messageId, caseId)).map(rows -> {
            var iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return Optional.<UncasedMessage>empty();
            }
            Row row = iterator.next();
            return Optional.of(new UncasedMessage(row.getLong("id"), instant(row, "created_at"), row.getDouble("lat"),
                    row.getDouble("lon"), row.getString("display_text"), row.getString("municipality_id"),
                    row.getString("category_id"), row.getString("topic"), row.getString("executor"),
                    row.getString("deadline_class")));
        });
    }

    /** How many messages the case holds now (its rows, not the joins counted on the case). */
    public Uni<Long> countMessages(SqlConnection connection, long caseId) {
        return connection.preparedQuery(COUNT_MESSAGES).execute(Tuple.of(caseId))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Moves every message of one case to another; returns how many moved. */
    public Uni<Integer> moveMessages(SqlConnection connection, long fromCaseId, long toCaseId) {
        return connection.preparedQuery(MOVE_MESSAGES).execute(Tuple.of(fromCaseId, toCaseId)).map(RowSet::rowCount);
    }

    /** Brings the case's message count and newest message (and, when asked, its summary) in line with its rows. */
    public Uni<Void> recount(SqlConnection connection, long caseId, boolean summary) {
        return connection.preparedQuery(RECOUNT).execute(Tuple.of(caseId, summary)).replaceWithVoid();
    }

    /** Makes the case final as merged into the survivor. */
    public Uni<Void> markMerged(SqlConnection connection, long caseId, long survivorId) {
        return connection.preparedQuery(MARK_MERGED).execute(Tuple.of(caseId, survivorId)).replaceWithVoid();
    }

    public Uni<List<CaseMessage>> messages(long caseId) {
        return pool.preparedQuery(MESSAGES_OF_CASE).execute(Tuple.of(caseId)).map(rows -> {
            List<CaseMessage> messages = new ArrayList<>(rows.size());
            for (Row row : rows) {
                messages.add(new CaseMessage(row.getLong("id"), row.getString("source"), instant(row, "created_at"),
                        instant(row, "received_at"), row.getString("display_text")));
            }
            return messages;
        });
    }

    public Uni<List<CaseEvent>> events(long caseId) {
        return pool.preparedQuery(EVENTS_OF_CASE).execute(Tuple.of(caseId)).map(rows -> {
            List<CaseEvent> events = new ArrayList<>(rows.size());
            for (Row row : rows) {
                events.add(new CaseEvent(instant(row, "at"), row.getString("actor"), row.getString("action"),
                        row.getString("from_status"), row.getString("to_status"), row.getString("detail")));
            }
            return events;
        });
    }

    public Uni<List<ClassCount>> countByClass() {
        return pool.query(COUNT_BY_CLASS).execute().map(rows -> {
            List<ClassCount> counts = new ArrayList<>();
            for (Row row : rows) {
                counts.add(new ClassCount(row.getString("deadline_class"), row.getLong("open"), row.getLong("overdue")));
            }
            return counts;
        });
    }

    /** Cases opened since {@code since} and how many of them are repeats: {cases, repeats}. */
    public Uni<long[]> repeatCounts(Instant since) {
        return pool.preparedQuery(REPEAT_RATIO).execute(Tuple.of(utc(since))).map(rows -> {
            Row row = rows.iterator().next();
            return new long[]{row.getLong("cases"), row.getLong("repeats")};
        });
    }

    /** Cases, repeats per value of one column (municipality_id, topic_key or executor) since a time. */
    public Uni<List<RepeatCount>> repeatCountsBy(String column, Instant since) {
        if (!List.of("municipality_id", "topic_key", "executor").contains(column)) {
            throw new IllegalArgumentException("No repeat counts by " + column);
        }
        String sql = "SELECT " + column + " AS key, count(*) AS cases, count(*) FILTER (WHERE repeat_of IS NOT NULL) AS repeats"
                + " FROM problem_case WHERE opened_at >= $1 AND status <> 'merged' GROUP BY " + column + " ORDER BY repeats DESC, cases DESC, key";
        return pool.preparedQuery(sql).execute(Tuple.of(utc(since))).map(rows -> {
            List<RepeatCount> counts = new ArrayList<>();
            for (Row row : rows) {
                counts.add(new RepeatCount(row.getString("key"), row.getLong("cases"), row.getLong("repeats")));
            }
            return counts;
        });
    }

    public Uni<List<ScorecardSource>> scorecardSource(Instant since) {
        return pool.preparedQuery(SCORECARD_SOURCE).execute(Tuple.of(utc(since))).map(rows -> {
            List<ScorecardSource> sources = new ArrayList<>(rows.size());
            for (Row row : rows) {
                sources.add(new ScorecardSource(row.getString("executor"), row.getString("municipality_id"),
                        instant(row, "created_at"), instant(row, "first_answer_at"), instant(row, "first_reply_due"),
                        row.getString("status"), row.getInteger("reopened_count"), row.getLong("repeat_of") != null,
                        row.getBoolean("flagged")));
            }
            return sources;
        });
    }

    private static Optional<ProblemCase> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(from(iterator.next())) : Optional.empty();
    }

    private static List<ProblemCase> all(RowSet<Row> rows) {
        List<ProblemCase> cases = new ArrayList<>(rows.size());
        for (Row row : rows) {
            cases.add(from(row));
        }
        return cases;
    }

    static ProblemCase from(Row row) {
        String[] flags = row.getArrayOfStrings("answer_flags");
        return new ProblemCase(row.getLong("id"), row.getString("status"), row.getString("municipality_id"),
                row.getString("category_id"), row.getString("topic"), row.getString("executor"),
                row.getString("deadline_class"), row.getDouble("lat"), row.getDouble("lon"), row.getString("summary"),
                instant(row, "created_at"), instant(row, "opened_at"), instant(row, "last_message_at"),
                row.getInteger("message_count"), instant(row, "first_reply_due"), instant(row, "resolution_due"),
                instant(row, "first_answer_at"), row.getString("answer_text"),
                flags == null ? List.of() : Arrays.asList(flags), instant(row, "resolved_at"),
                instant(row, "confirmed_at"), row.getInteger("reopened_count"), row.getString("rejected_reason"),
                row.getLong("repeat_of"), row.getBoolean("came_back"), instant(row, "updated_at"),
                row.getBoolean("overdue"), row.getLong("merged_into"));
    }
}
