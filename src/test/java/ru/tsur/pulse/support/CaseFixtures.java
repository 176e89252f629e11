package ru.tsur.pulse.support;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.tsur.pulse.calendar.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What the case and deadline tests share: a portal message posted for a municipality and topic at a given
 * time, the case the intake puts a message in (read from PostgreSQL), and the instant a given working time
 * before now by the region's calendar. For {@code @QuarkusTest}s: the pool and the calendar are the running
 * application's beans, so a test need not inject them to hand them over.
 */
public final class CaseFixtures {

    /** Longest the intake may take to give a posted message its case. */
    private static final Duration WAIT = Duration.ofSeconds(15);

    private CaseFixtures() {
    }

    /** Posts a portal message and returns its id (the service answered 202). */
    public static long post(String municipality, String topic, String text, Instant createdAt) {
        String body = """
                {"source":"portal","externalId":"%s","createdAt":"%s","text":"%s","municipality":"%s","topic":"%s"}"""
                .formatted(TestMessages.uniqueId(), createdAt, text, municipality, topic);
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages")
                .then().statusCode(202).extract().jsonPath().getLong("id");
    }

    /** Posts a portal message as the named user (for classes whose requests carry no token) and returns its id. */
    public static long postAs(String user, String municipality, String topic, String text, Instant createdAt) {
        String body = """
                {"source":"portal","externalId":"%s","createdAt":"%s","text":"%s","municipality":"%s","topic":"%s"}"""
                .formatted(TestMessages.uniqueId(), createdAt, text, municipality, topic);
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/messages").then().statusCode(202).extract().jsonPath().getLong("id");
    }

    /** The case the intake attached the message to, once it has (waits up to 15 s). */
    public static long caseOf(long messageId) {
        Pool pool = Arc.container().instance(Pool.class).get();
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> pool
                .preparedQuery("SELECT case_id FROM message WHERE id = $1").execute(Tuple.of(messageId))
                .await().atMost(WAIT).iterator().next().getLong("case_id"), id -> id != null);
    }

    /** The latest half-hour step back from now at which at least {@code workingTime} of working time has passed. */
    public static Instant workingTimeAgo(Duration workingTime) {
        WorkingCalendar calendar = Arc.container().instance(WorkingCalendar.class).get();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant candidate = now;
        while (calendar.workingTimeBetween(candidate, now).compareTo(workingTime) < 0) {
            candidate = candidate.minus(Duration.ofMinutes(30));
        }
        return candidate;
    }

    /** Makes the executor one the region knows (an admin adds it), so cases may be assigned to it. */
    public static void knownExecutor(String name) {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name.replace("\"", "\\\"") + "\"}")
                .when().post("/api/v1/admin/executors").then().statusCode(200);
    }

    /**
     * Posts a message and flags it for triage, as the classifier does when it is unsure (the model's doubt is
     * not what the triage tests are about). Its topic is one of its own, so it opens a case of its own and never
     * joins a like case of an earlier run (a case of several messages keeps its labels after triage).
     * {@code first}: it heads the queue (it is made the oldest received), so earlier runs' leftovers never hide it.
     */
    public static long flaggedForTriage(String municipality, String text, boolean first) {
        String body = """
                {"source":"portal","externalId":"%s","createdAt":"%s","text":"%s","municipality":"%s","topic":"%s"}"""
                .formatted(TestMessages.uniqueId(), Instant.now(), text, municipality, "Разбор " + TestMessages.uniqueId());
        long id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        Pool pool = Arc.container().instance(Pool.class).get();
        pool.preparedQuery("UPDATE message SET triage = true, received_at = CASE WHEN $2 THEN received_at - interval '30 years'"
                + " ELSE received_at END WHERE id = $1").execute(Tuple.of(id, first)).await().atMost(WAIT);
        return id;
    }

    /**
     * A fresh case in the municipality (a portal message of a topic of its own, posted by the test user),
     * given to the executor by the control room ({@code reassign}): status {@code assigned}. Returns its number.
     */
    public static long assignedCase(String municipality, String executor, String text) {
        String body = """
                {"source":"portal","externalId":"%s","createdAt":"%s","text":"%s","municipality":"%s","topic":"%s"}"""
                .formatted(TestMessages.uniqueId(), Instant.now(), text, municipality, "Протечка кровли " + TestMessages.uniqueId());
        long message = given().contentType(ContentType.JSON).header("Authorization", Tokens.bearer(Tokens.TEST_USER))
                .body(body).when().post("/api/v1/messages").then().statusCode(202).extract().jsonPath().getLong("id");
        long caseId = caseOf(message);
        given().contentType(ContentType.JSON).header("Authorization", Tokens.bearer(Tokens.TEST_USER))
                .body("{\"executor\":\"" + executor + "\"}").when().post("/api/v1/cases/" + caseId + "/reassign")
                .then().statusCode(200);
        return caseId;
    }
}
