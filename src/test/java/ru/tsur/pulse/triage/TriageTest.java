package ru.tsur.pulse.triage;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Triage stories through the API on real PostgreSQL: an operator's correction re-routes the message and its
 * case and is kept as a labelled example and in the audit trail; a confirmation keeps the route; a message
 * decided once cannot be decided again; a category the region does not have is refused by name. Each test
 * flags its own fresh message (the model's doubt is not what is under test here).
 */
@QuarkusTest
class TriageTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String MUNICIPALITY = "spb-kolomna";
    private static final String EXECUTOR = "Служба триажа ";

    @Test
    void anOperatorsCorrectionReroutesTheCaseAndIsKeptAsALabelledExampleAndInTheAudit() {
        String executor = EXECUTOR + TestMessages.uniqueId();
        CaseFixtures.knownExecutor(executor);
        long messageId = flagged("Во дворе дома 7 по Садовой разбита дорога, ямы во всю ширину проезда");
        long caseId = CaseFixtures.caseOf(messageId);

        JsonPath queue = given().when().get("/api/v1/triage?limit=200").then().statusCode(200).extract().jsonPath();
        Map<String, Object> item = queue.getMap("items.find { it.messageId == " + messageId + " }");
        assertThat(item).containsEntry("municipality", MUNICIPALITY).containsEntry("caseId", (int) caseId);
        assertThat(queue.getList("items.find { it.messageId == " + messageId + " }.categoryCandidates")).hasSize(3);
        assertThat(queue.getLong("waiting")).isGreaterThanOrEqualTo(1);
        String before = (String) item.get("category");
        String corrected = before.equals("street-infrastructure") ? "improvement" : "street-infrastructure";

        given().contentType(ContentType.JSON)
                .body("{\"category\":\"" + corrected + "\",\"topic\":\"Ямы во дворе\",\"executor\":\"" + executor + "\"}")
                .when().post("/api/v1/triage/" + messageId).then().statusCode(200)
                .body("category", equalTo(corrected)).body("topic", equalTo("Ямы во дворе"))
                .body("executor", equalTo(executor)).body("rule", equalTo("operator")).body("corrected", equalTo(true))
                .body("caseId", equalTo((int) caseId)).body("caseExecutor", equalTo(executor))
                .body("caseStatus", equalTo("assigned"));

        given().when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("case.category", equalTo(corrected)).body("case.topic", equalTo("Ямы во дворе"))
                .body("case.executor", equalTo(executor)).body("events.action", hasItem("triage"));
        Row label = row("SELECT region, masked_text, municipality_id, category_before, category_id, topic, executor, "
                + "confirmed, corrected_by FROM correction WHERE message_id = $1", messageId);
        assertThat(List.of(label.getString("region"), label.getString("municipality_id"), label.getString("category_before"),
                label.getString("category_id"), label.getString("topic"), label.getString("executor"),
                label.getBoolean("confirmed").toString(), label.getString("corrected_by")))
                .containsExactly("spb", MUNICIPALITY, before, corrected, "Ямы во дворе", executor, "false", Tokens.TEST_USER);
        assertThat(label.getString("masked_text")).contains("разбита дорога");
        Row message = row("SELECT triage, category_id, executor, route_rule, classify_method FROM message WHERE id = $1", messageId);
        assertThat(List.of(message.getBoolean("triage").toString(), message.getString("category_id"),
                message.getString("executor"), message.getString("route_rule"), message.getString("classify_method")))
                .containsExactly("false", corrected, executor, "operator", "operator");
        given().when().get("/api/v1/audit?action=message.triage&target=message:" + messageId).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].subject", equalTo(Tokens.TEST_USER));
        given().when().get("/api/v1/triage?limit=200").then().statusCode(200)
                .body("items.messageId", not(hasItem((int) messageId)));
    }

    @Test
    void aConfirmationKeepsTheRouteAndASecondDecisionOnTheSameMessageIsAConflict() {
        long messageId = flagged("На Садовой улице не горит фонарь у дома 12 уже неделю");
        long caseId = CaseFixtures.caseOf(messageId);
        Row before = row("SELECT category_id, topic, executor, route_rule FROM message WHERE id = $1", messageId);
        String topicJson = before.getString("topic") == null ? "null" : "\"" + before.getString("topic") + "\"";

        given().contentType(ContentType.JSON).body("{\"category\":\"" + before.getString("category_id") + "\",\"topic\":" + topicJson + "}")
                .when().post("/api/v1/triage/" + messageId).then().statusCode(200)
                .body("corrected", equalTo(false)).body("executor", equalTo(before.getString("executor")))
                .body("rule", equalTo(before.getString("route_rule"))).body("caseId", equalTo((int) caseId));
        assertThat(row("SELECT confirmed FROM correction WHERE message_id = $1", messageId).getBoolean("confirmed")).isTrue();

        given().contentType(ContentType.JSON).body("{\"category\":\"" + before.getString("category_id") + "\"}")
                .when().post("/api/v1/triage/" + messageId).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("Сообщение № " + messageId + " уже разобрано (или не требовало разбора)"));
    }

    @Test
    void aCategoryTheRegionDoesNotHaveIsRefusedByNameAndChangesNothing() {
        long messageId = flagged("Непонятное сообщение без подробностей");
        given().contentType(ContentType.JSON).body("{\"category\":\"no-such-category\"}")
                .when().post("/api/v1/triage/" + messageId).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", equalTo("в таксономии региона нет категории «no-such-category»"));
        assertThat(row("SELECT triage FROM message WHERE id = $1", messageId).getBoolean("triage")).isTrue();
        given().contentType(ContentType.JSON).body("{\"category\":\"improvement\"}")
                .when().post("/api/v1/triage/999999999").then().statusCode(404);
    }

    private static long flagged(String text) {
        return CaseFixtures.flaggedForTriage(MUNICIPALITY, text, false);
    }

    private static Row row(String sql, long id) {
        return pool().preparedQuery(sql).execute(Tuple.of(id)).await().atMost(WAIT).iterator().next();
    }

    private static Pool pool() {
        return Arc.container().instance(Pool.class).get();
    }
}
