package ru.tsur.pulse.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.AuthenticatedRestAssured;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static ru.tsur.pulse.access.ScopedCases.KOLPINO_EXECUTOR;
import static ru.tsur.pulse.access.ScopedCases.NEVSKY_EXECUTOR;
import static ru.tsur.pulse.access.ScopedCases.as;

/**
 * An executor sees and moves its own cases only, as the token's {@code executor} claim names them
 * ({@code executor-zhks1} acts for «СПб ГКУ ЖА Колпинского района», {@code executor-zhks2} for «СПб ГКУ ЖА
 * Невского района»): another executor's case is left out of every list, whatever the filter, and is 404 to
 * read or move — the same answer as a case that does not exist, so not even its existence leaks — while its
 * own it accepts, answers and resolves; assigning is the control room's (403). The case's events name the
 * executor's login as the actor; the body cannot name anyone.
 */
@QuarkusTest
@AuthenticatedRestAssured.Anonymous
class ExecutorScopeTest {

    private static final String ZHKS1 = "executor-zhks1";
    private static final String ZHKS2 = "executor-zhks2";

    private long own;
    private long others;

    @BeforeEach
    void twoCasesOfTwoExecutors() {
        own = ScopedCases.caseFor("spb-kolpino", KOLPINO_EXECUTOR);
        others = ScopedCases.caseFor("spb-nevskiy-okrug", NEVSKY_EXECUTOR);
    }

    private static List<Long> listedIds(String user, String query) {
        return as(user).when().get("/api/v1/cases" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
    }

    @Test
    void theListHoldsOnlyItsOwnCasesWhateverTheFilterAsks() {
        JsonPath page = as(ZHKS1).when().get("/api/v1/cases?size=200").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.executor", String.class)).isNotEmpty().containsOnly(KOLPINO_EXECUTOR);
        assertThat(page.getList("items.id", Long.class)).contains(own).doesNotContain(others);
        assertThat(listedIds(ZHKS2, "?size=200")).contains(others).doesNotContain(own);

        as(ZHKS1).when().get("/api/v1/cases?executor=" + NEVSKY_EXECUTOR).then().statusCode(200)
                .body(equalTo("{\"page\":0,\"size\":50,\"total\":0,\"items\":[]}"));
        as(ZHKS1).when().get("/api/v1/cases?municipality=spb-nevskiy-okrug&status=assigned").then().statusCode(200)
                .body(equalTo("{\"page\":0,\"size\":50,\"total\":0,\"items\":[]}"));
        assertThat(listedIds(ZHKS1, "?executor=" + KOLPINO_EXECUTOR + "&size=200")).contains(own);
        // The control room sees both.
        assertThat(listedIds("operator", "?size=200")).contains(own, others);
    }

    @Test
    void anotherExecutorsCaseIsNotFoundToReadOrToMove() {
        String notFound = ProblemBodies.notFound("Нет обращения № " + others);
        String before = as("operator").when().get("/api/v1/cases/" + others).then().statusCode(200).extract().asString();

        as(ZHKS1).when().get("/api/v1/cases/" + others).then().statusCode(404)
                .contentType("application/problem+json").body(equalTo(notFound));
        Map<String, String> moves = Map.of("accept", "{}", "answer", "{\"text\":\"Работы выполнены, крыша отремонтирована\"}",
                "resolve", "{\"text\":\"Работы выполнены, крыша отремонтирована\"}", "reject", "{\"reason\":\"не наш дом\"}");
        moves.forEach((move, body) -> as(ZHKS1, body).when().post("/api/v1/cases/" + others + "/" + move)
                .then().statusCode(404).contentType("application/problem+json").body(equalTo(notFound)));

        // Nothing moved: the case reads exactly as before.
        as("operator").when().get("/api/v1/cases/" + others).then().statusCode(200).body(equalTo(before));
        // A case that does not exist answers the same way.
        as(ZHKS1).when().get("/api/v1/cases/999999999").then().statusCode(404)
                .body(equalTo(ProblemBodies.notFound("Нет обращения № 999999999")));
    }

    @Test
    void itsOwnCaseItAcceptsAnswersAndResolvesAndTheEventsNameItsLogin() {
        String answer = "Кровля над квартирой отремонтирована 02.12, протечка устранена, код " + TestMessages.uniqueId().substring(0, 8);
        as(ZHKS1, "{}").when().post("/api/v1/cases/" + own + "/accept").then().statusCode(200)
                .body("status", equalTo("in_progress")).body("executor", equalTo(KOLPINO_EXECUTOR));
        as(ZHKS1, "{\"text\":\"" + answer + "\"}").when().post("/api/v1/cases/" + own + "/answer").then().statusCode(200)
                .body("status", equalTo("answered")).body("answerText", equalTo(answer));
        as(ZHKS1, "{}").when().post("/api/v1/cases/" + own + "/resolve").then().statusCode(200)
                .body("status", equalTo("resolved"));

        JsonPath detail = as(ZHKS1).when().get("/api/v1/cases/" + own).then().statusCode(200).extract().jsonPath();
        List<String> events = detail.getList("events", Map.class).stream()
                .map(event -> event.get("actor") + " " + event.get("action") + " " + event.get("from") + "→" + event.get("to")
                        + " " + event.get("detail")).toList();
        assertThat(events).containsExactly(
                "intake opened null→new message " + detail.getLong("messages[0].id"),
                "routing assigned new→assigned " + KOLPINO_EXECUTOR,
                Tokens.TEST_USER + " reassign assigned→assigned " + KOLPINO_EXECUTOR,
                ZHKS1 + " accept assigned→in_progress null",
                ZHKS1 + " answer in_progress→answered " + answer,
                ZHKS1 + " resolve answered→resolved null");
    }

    @Test
    void theBodyCannotNameWhoActs() {
        // accept reads no body: whatever one says, the actor is the login.
        as(ZHKS1, "{\"by\":\"" + ZHKS2 + "\"}").when().post("/api/v1/cases/" + own + "/accept").then().statusCode(200)
                .body("status", equalTo("in_progress"));
        as(ZHKS1, "{\"text\":\"Кровля отремонтирована\",\"by\":\"" + ZHKS2 + "\"}").when().post("/api/v1/cases/" + own + "/answer")
                .then().statusCode(400).body(equalTo(ProblemBodies.invalid("by", "неизвестное поле")));
        List<String> actors = as(ZHKS1).when().get("/api/v1/cases/" + own).then().statusCode(200).extract().jsonPath()
                .getList("events.actor", String.class);
        assertThat(actors.get(actors.size() - 1)).isEqualTo(ZHKS1);
    }

    @Test
    void assigningAndReassigningAreTheControlRoomsEvenForItsOwnCases() {
        String forbidden = "{\"type\":\"urn:tsur-pulse:problem:forbidden\",\"title\":\"Нет прав на это действие\","
                + "\"status\":403,\"detail\":\"Ваша роль не позволяет это действие\"}";
        for (String move : List.of("assign", "reassign")) {
            for (long caseId : List.of(own, others)) {
                as(ZHKS1, "{\"executor\":\"" + KOLPINO_EXECUTOR + "\"}").when().post("/api/v1/cases/" + caseId + "/" + move)
                        .then().statusCode(403).contentType("application/problem+json").body(equalTo(forbidden));
            }
        }
        as("operator").when().get("/api/v1/cases/" + others).then().statusCode(200)
                .body("case.executor", equalTo(NEVSKY_EXECUTOR));
    }
}
