package ru.tsur.pulse.cases;

import ru.tsur.pulse.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.alerts.AlertLabels;
import ru.tsur.pulse.support.ScreenClient;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.TestMessages;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The "done when" stories of cases, driven through the API on real PostgreSQL and Redis: an overdue
 * message raises a deadline alert on {@code /ws/alerts} and is listed as overdue; acknowledgement and
 * silence are pushed; resolving the case resolves the alert and reopening brings it back; a duplicate
 * joins its case, a message after the resolution opens a repeat linked to it. Each test uses a topic of
 * its own, so cases of earlier runs never match.
 */
@QuarkusTest
class CaseStoriesTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String MUNICIPALITY = "spb-kolomna";

    @TestHTTPResource("/")
    URL base;

    @Test
    void overdueMessageRaisesAnAlertThatAckSilenceResolveAndReopenDrive() throws Exception {
        String topic = "Отсутствие горячей воды " + TestMessages.uniqueId();
        Instant threeWorkingDaysAgo = CaseFixtures.workingTimeAgo(Duration.ofHours(24));
        try (ScreenClient screen = ScreenClient.connect(base.getPort(), "/ws/alerts")) {
            screen.awaitType("snapshot", WAIT);
            long messageId = post(topic, "В доме на Садовой нет горячей воды третий день", threeWorkingDaysAgo);
            long caseId = CaseFixtures.caseOf(messageId);

            JsonNode raised = screen.await(change(caseId, alert -> alert.path("state").asText().equals("firing")), WAIT);
            JsonNode alert = alertOf(raised, caseId);
            String alertId = alert.path("id").asText();
            assertThat(alert.path("kind").asText()).isEqualTo("deadline");
            assertThat(alert.path("severity").asText()).isEqualTo("critical");
            assertThat(alert.path("labels").path("municipality").asText()).isEqualTo(MUNICIPALITY);
            assertThat(alert.path("title").asText()).startsWith("Просрочен срок");
            assertThat(alert.path("details").path("deadlineClass").asText()).isEqualTo("urgent");
            assertThat(alertId).isEqualTo(AlertLabels.fingerprint("deadline", Map.of("case", Long.toString(caseId),
                    "executor", alert.path("labels").path("executor").asText(), "municipality", MUNICIPALITY)));

            given().when().get("/api/v1/cases?overdue=true&municipality=" + MUNICIPALITY + "&size=200")
                    .then().statusCode(200).body("items.id", hasItem((int) caseId));
            given().when().get("/api/v1/cases?overdue=false&municipality=" + MUNICIPALITY + "&size=200")
                    .then().statusCode(200).body("items.id", not(hasItem((int) caseId)));
            JsonPath summary = given().when().get("/api/v1/deadlines/summary").then().statusCode(200).extract().jsonPath();
            String executor = alert.path("labels").path("executor").asText();
            assertThat(summary.getInt("executors.find { it.executor == '" + executor + "' }.overdue")).isGreaterThanOrEqualTo(1);

            given().header("Authorization", Tokens.bearer("operator"))
                    .when().post("/api/v1/alerts/" + alertId + "/ack").then().statusCode(200);
            screen.await(change(caseId, pushed -> pushed.path("acknowledgedBy").asText().equals("operator")), WAIT);
            given().contentType(ContentType.JSON)
                    .body("{\"reason\":\"бригада на месте\",\"duration\":\"PT1H\"}")
                    .when().post("/api/v1/alerts/" + alertId + "/silence").then().statusCode(200);
            screen.await(change(caseId, pushed -> pushed.path("silenceReason").asText().equals("бригада на месте")), WAIT);

            given().contentType(ContentType.JSON).body("{\"text\":\"Подача горячей воды восстановлена 01.12 после замены задвижки\"}")
                    .when().post("/api/v1/cases/" + caseId + "/resolve").then().statusCode(200).body("status", equalTo("resolved"));
            screen.await(change(caseId, pushed -> pushed.path("state").asText().equals("resolved")), WAIT);
            given().when().get("/api/v1/alerts/" + alertId).then().statusCode(200).body("state", equalTo("resolved"));

            given().contentType(ContentType.JSON).body("{\"comment\":\"воды по-прежнему нет\"}")
                    .when().post("/api/v1/cases/" + caseId + "/reopen").then().statusCode(200)
                    .body("status", equalTo("reopened")).body("reopenedCount", equalTo(1));
            JsonNode back = screen.await(change(caseId, pushed -> pushed.path("state").asText().equals("firing")), WAIT);
            assertThat(alertOf(back, caseId).path("acknowledgedBy").isNull()).isTrue();
            assertThat(alertOf(back, caseId).path("details").path("stage").asText()).isEqualTo("resolution");

            JsonPath details = given().when().get("/api/v1/cases/" + caseId).then().statusCode(200).extract().jsonPath();
            assertThat(details.getList("events.action", String.class))
                    .containsExactly("opened", "assigned", "resolve", "reopen");
            assertThat(details.getList("events.actor", String.class)).containsExactly("intake", "routing", Tokens.TEST_USER, Tokens.TEST_USER);
            assertThat(details.getList("messages.text", String.class)).hasSize(1);
        }
    }

    @Test
    void duplicateJoinsItsCaseAndAMessageAfterTheResolutionOpensALinkedRepeat() {
        String topic = "Мусор на внутридворовой территории " + TestMessages.uniqueId();
        long first = CaseFixtures.caseOf(post(topic, "Во дворе дома 5 не вывозят мусор, контейнеры переполнены", Instant.now()));
        long duplicate = CaseFixtures.caseOf(post(topic, "Контейнеры во дворе дома 5 переполнены, мусор не вывозят неделю", Instant.now()));
        assertThat(duplicate).isEqualTo(first);
        given().when().get("/api/v1/cases/" + first).then().statusCode(200)
                .body("case.messageCount", equalTo(2)).body("messages.size()", equalTo(2))
                .body("events.action", hasItem("message_joined"));

        long unrelated = CaseFixtures.caseOf(post(topic, "Сломана скамейка у детской площадки", Instant.now()));
        assertThat(unrelated).isNotEqualTo(first);

        given().contentType(ContentType.JSON).body("{\"text\":\"Мусор вывезен 01.12, контейнеры промыты\"}")
                .when().post("/api/v1/cases/" + first + "/resolve").then().statusCode(200);
        long repeat = CaseFixtures.caseOf(post(topic, "Опять во дворе дома 5 не вывозят мусор, контейнеры переполнены", Instant.now()));
        assertThat(repeat).isNotEqualTo(first);
        given().when().get("/api/v1/cases/" + repeat).then().statusCode(200)
                .body("case.repeatOf", equalTo((int) first)).body("case.status", equalTo("assigned"));
        given().when().get("/api/v1/cases/" + first).then().statusCode(200)
                .body("case.cameBack", equalTo(true)).body("case.answerFlags", hasItem("came_back"))
                .body("events.action", hasItem("came_back"));
        given().when().get("/api/v1/cases?repeat=true&municipality=" + MUNICIPALITY + "&size=200")
                .then().statusCode(200).body("items.id", hasItem((int) repeat)).body("items.id", not(hasItem((int) first)));
        JsonPath rate = given().when().get("/api/v1/cases/repeat-rate?by=topic").then().statusCode(200).extract().jsonPath();
        assertThat(rate.getInt("items.find { it.key == '" + topic + "' }.cases")).isEqualTo(3);
        assertThat(rate.getInt("items.find { it.key == '" + topic + "' }.repeats")).isEqualTo(1);
    }

    @Test
    void illegalMovesAreConflictsAndAnswersAreCheckedForQuality() {
        String topic = "Неисправное освещение в подъезде " + TestMessages.uniqueId();
        long caseId = CaseFixtures.caseOf(post(topic, "В третьем подъезде не горит свет на всех этажах", Instant.now()));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/cases/" + caseId + "/confirm")
                .then().statusCode(409).contentType("application/problem+json")
                .body(equalTo(ProblemBodies.conflict("Обращение № " + caseId
                        + " в статусе assigned; действие confirm возможно только в статусах: resolved")));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/cases/" + caseId + "/answer").then().statusCode(400)
                .body(equalTo(ProblemBodies.invalid("text", "обязательное поле, не пустое")));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/cases/999999999/accept").then().statusCode(404)
                .body(equalTo(ProblemBodies.notFound("Нет обращения № 999999999")));

        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/cases/" + caseId + "/accept").then().statusCode(200).body("status", equalTo("in_progress"));
        // A reply of this run's own wording: short and empty, but not yet given before.
        String reply = "Рассмотрено, код " + TestMessages.uniqueId().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"text\":\"" + reply + "\"}")
                .when().post("/api/v1/cases/" + caseId + "/answer").then().statusCode(200)
                .body("status", equalTo("answered")).body("answerFlags", equalTo(List.of("too_short", "no_action")));
        List<String> lastFlags = List.of();
        for (int index = 0; index < 3; index++) {
            long again = CaseFixtures.caseOf(post(topic + " дом " + index, "Темно на лестнице в доме " + index, Instant.now()));
            lastFlags = given().contentType(ContentType.JSON).body("{\"text\":\"" + reply + "\"}")
                    .when().post("/api/v1/cases/" + again + "/answer").then().statusCode(200)
                    .extract().jsonPath().getList("answerFlags", String.class);
        }
        // The fourth time the same words are boilerplate.
        assertThat(lastFlags).containsExactly("too_short", "no_action", "boilerplate");
        given().contentType(ContentType.JSON).body("{\"text\":\"Ещё раз\"}")
                .when().post("/api/v1/cases/" + caseId + "/answer").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"reason\":\"не наш дом\"}")
                .when().post("/api/v1/cases/" + caseId + "/reject").then().statusCode(409);

        long other = CaseFixtures.caseOf(post(topic + " 2", "Не работает освещение во дворе", Instant.now()));
        given().contentType(ContentType.JSON).body("{\"reason\":\"дом обслуживает другая организация\"}")
                .when().post("/api/v1/cases/" + other + "/reject").then().statusCode(200)
                .body("status", equalTo("rejected")).body("rejectedReason", equalTo("дом обслуживает другая организация"));
        CaseFixtures.knownExecutor("ООО Светосервис");
        given().contentType(ContentType.JSON).body("{\"executor\":\"ООО Светосервис\"}")
                .when().post("/api/v1/cases/" + other + "/reassign").then().statusCode(200)
                .body("status", equalTo("assigned")).body("executor", equalTo("ООО Светосервис"));
        given().when().get("/api/v1/cases?status=rejected&executor=ООО Светосервис").then().statusCode(200)
                .body("total", equalTo(0));
        given().when().get("/api/v1/cases?status=sleeping").then().statusCode(400).body(equalTo(ProblemBodies.invalid("status",
                "одно из значений: new, assigned, in_progress, answered, resolved, confirmed, reopened, rejected, merged")));
        given().when().get("/api/v1/cases?page=2147483647&size=50").then().statusCode(400)
                .contentType("application/problem+json")
                .body(equalTo(ProblemBodies.invalid("page", "целое число от 0 до 42949672")));
        given().when().get("/api/v1/scorecards?by=executor").then().statusCode(200).body("rows.key", hasItem("ООО Светосервис"));
        given().when().get("/api/v1/scorecards?by=district").then().statusCode(400)
                .body(equalTo(ProblemBodies.invalid("by", "одно из значений: executor, municipality")));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("pulse_cases_transitions_total{to=\"rejected\"}",
                "pulse_cases_answers_flagged_total{reason=\"no_action\"}",
                "pulse_cases_answers_flagged_total{reason=\"boilerplate\"}", "pulse_cases_open{deadline_class=\"urgent\"}",
                "pulse_cases_overdue{deadline_class=\"standard\"}", "pulse_cases_repeat_ratio",
                "pulse_alerts_active{kind=\"deadline\",severity=\"critical\"}");
    }

    private static long post(String topic, String text, Instant createdAt) {
        return CaseFixtures.post(MUNICIPALITY, topic, text, createdAt);
    }

    private static Predicate<JsonNode> change(long caseId, Predicate<JsonNode> wanted) {
        return frame -> "change".equals(frame.path("type").asText()) && alertOf(frame, caseId) != null
                && wanted.test(alertOf(frame, caseId));
    }

    private static JsonNode alertOf(JsonNode frame, long caseId) {
        for (JsonNode alert : frame.path("alerts")) {
            if (alert.path("labels").path("case").asText().equals(Long.toString(caseId))) {
                return alert;
            }
        }
        return null;
    }
}
