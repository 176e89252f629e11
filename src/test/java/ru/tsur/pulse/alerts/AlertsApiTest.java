package ru.tsur.pulse.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.ScreenClient;
import ru.tsur.pulse.support.TestMessages;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The alerts core end to end on real PostgreSQL: a raised alert reaches {@code /ws/alerts} and REST,
 * raising it again changes nothing, acknowledging and silencing are pushed, another replica's change
 * arrives through LISTEN/NOTIFY, and bad requests get problem+json.
 */
@QuarkusTest
class AlertsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    AlertService alerts;

    @Inject
    AlertRepository repository;

    @Inject
    AlertsConfig config;

    @TestHTTPResource("/")
    URL base;

    @Test
    void raisedAlertIsPushedListedAcknowledgedSilencedAndResolved() throws Exception {
        String caseLabel = TestMessages.uniqueId();
        AlertRaise raise = new AlertRaise("deadline",
                Map.of("case", caseLabel, "executor", "Жилкомсервис №1", "municipality", "spb-test"),
                "warning", "Срок ответа на исходе", "Обращение ждёт ответа 80% срока", Map.of("elapsed", 0.8),
                "deadline:executor=Жилкомсервис №1,municipality=spb-test", null);
        try (ScreenClient screen = ScreenClient.connect(base.getPort(), "/ws/alerts")) {
            JsonNode snapshot = screen.awaitType("snapshot", WAIT);
            long seq = snapshot.path("seq").asLong();

            Alert raised = alerts.raise(raise).await().atMost(WAIT);
            assertThat(raised.id()).isEqualTo(raise.id());
            assertThat(raised.state()).isEqualTo("firing");
            JsonNode change = screen.await(frame -> carries(frame, raise.id()), WAIT);
            assertThat(change.path("type").asText()).isEqualTo("change");
            assertThat(change.path("seq").asLong()).isGreaterThan(seq);
            JsonNode pushed = alertIn(change, raise.id());
            assertThat(pushed.path("labels").path("case").asText()).isEqualTo(caseLabel);
            assertThat(pushed.path("severity").asText()).isEqualTo("warning");
            assertThat(pushed.path("title").asText()).isEqualTo("Срок ответа на исходе");
            assertThat(pushed.path("details").path("elapsed").asDouble()).isEqualTo(0.8);
            assertThat(pushed.has("parent")).isTrue();
            assertThat(pushed.path("parent").isNull()).isTrue();

            Alert again = alerts.raise(raise).await().atMost(WAIT);
            assertThat(again).isEqualTo(raised);

            given().when().get("/api/v1/alerts?state=firing&executor=Жилкомсервис №1")
                    .then().statusCode(200).body("id", hasItem(raise.id()));
            given().when().get("/api/v1/alerts/" + raise.id())
                    .then().statusCode(200).body("kind", equalTo("deadline"))
                    .body("group", equalTo("deadline:executor=Жилкомсервис №1,municipality=spb-test"))
                    .body("acknowledgedBy", nullValue());

            given().contentType(ContentType.JSON).body("{\"by\":\"дежурный Иванов\"}")
                    .when().post("/api/v1/alerts/" + raise.id() + "/ack")
                    .then().statusCode(200).body("acknowledgedBy", equalTo("дежурный Иванов"));
            JsonNode acknowledged = screen.await(frame -> alertIn(frame, raise.id()) != null
                    && alertIn(frame, raise.id()).path("acknowledgedBy").asText().equals("дежурный Иванов"), WAIT);
            assertThat(alertIn(acknowledged, raise.id()).path("acknowledgedAt").isTextual()).isTrue();

            given().contentType(ContentType.JSON)
                    .body("{\"by\":\"дежурный Иванов\",\"reason\":\"плановые работы\",\"duration\":\"PT2H\"}")
                    .when().post("/api/v1/alerts/" + raise.id() + "/silence")
                    .then().statusCode(200).body("silenceReason", equalTo("плановые работы"));
            JsonNode silenced = screen.await(frame -> alertIn(frame, raise.id()) != null
                    && alertIn(frame, raise.id()).path("silenceReason").asText().equals("плановые работы"), WAIT);
            Instant until = Instant.parse(alertIn(silenced, raise.id()).path("silencedUntil").asText());
            assertThat(until).isBetween(Instant.now().plus(Duration.ofMinutes(119)), Instant.now().plus(Duration.ofMinutes(121)));

            given().when().delete("/api/v1/alerts/" + raise.id() + "/silence")
                    .then().statusCode(200).body("silencedUntil", nullValue());

            alerts.resolve(raise.id()).await().atMost(WAIT);
            JsonNode resolved = screen.await(frame -> alertIn(frame, raise.id()) != null
                    && alertIn(frame, raise.id()).path("state").asText().equals("resolved"), WAIT);
            assertThat(alertIn(resolved, raise.id()).path("endsAt").isTextual()).isTrue();

            // Raised again after its resolution it starts anew: no acknowledgement carried over.
            Alert reraised = alerts.raise(raise).await().atMost(WAIT);
            assertThat(reraised.state()).isEqualTo("firing");
            assertThat(reraised.acknowledgedBy()).isNull();
            assertThat(reraised.startsAt()).isAfter(raised.startsAt());

            screen.send("{\"type\":\"resync\"}");
            JsonNode resynced = screen.awaitType("snapshot", WAIT);
            assertThat(alertIn(resynced, raise.id()).path("state").asText()).isEqualTo("firing");
        }
    }

    @Test
    void anotherReplicasChangeArrivesThroughPostgresNotifications() throws Exception {
        AlertRaise raise = new AlertRaise("tension", Map.of("municipality", "spb-" + TestMessages.uniqueId()),
                "critical", "Всплеск обращений", "В 4 раза выше обычного", Map.of(), null, null);
        try (ScreenClient screen = ScreenClient.connect(base.getPort(), "/ws/alerts")) {
            screen.awaitType("snapshot", WAIT);
            // Written past this replica's service, as another replica would, then only announced.
            repository.upsert(raise).await().atMost(WAIT).orElseThrow();
            repository.notifyChanged(config.notifyChannel(), raise.id()).await().atMost(WAIT);
            JsonNode change = screen.await(frame -> carries(frame, raise.id()), WAIT);
            assertThat(alertIn(change, raise.id()).path("severity").asText()).isEqualTo("critical");
        }
        alerts.resolveAllExcept("tension", java.util.Set.of()).await().atMost(WAIT);
        given().when().get("/api/v1/alerts/" + raise.id()).then().statusCode(200).body("state", equalTo("resolved"));
    }

    @Test
    void unknownAlertsAndBadBodiesAreProblems() {
        given().when().get("/api/v1/alerts/000000000000000000000000")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().contentType(ContentType.JSON).body("{\"by\":\"x\"}")
                .when().post("/api/v1/alerts/000000000000000000000000/ack").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/alerts/000000000000000000000000/ack")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"by\":\"x\",\"reason\":\"y\"}")
                .when().post("/api/v1/alerts/000000000000000000000000/silence")
                .then().statusCode(400).body("detail", equalTo("Give exactly one of 'until' (ISO-8601 time) or 'duration' (e.g. PT2H)"));
        given().contentType(ContentType.JSON).body("{\"by\":\"x\",\"reason\":\"y\",\"until\":\"2001-01-01T00:00:00Z\"}")
                .when().post("/api/v1/alerts/000000000000000000000000/silence")
                .then().statusCode(400).body("detail", equalTo("'until' must lie in the future"));
        given().contentType(ContentType.JSON).body("{\"by\":\"x\",\"reason\":\"y\",\"duration\":\"PT2000000000000000H\"}")
                .when().post("/api/v1/alerts/000000000000000000000000/silence")
                .then().statusCode(400).body("detail", equalTo("A silence must end by 9999-12-31T23:59:59Z"));
        given().contentType(ContentType.JSON).body("{\"by\":\"x\",\"reason\":\"y\",\"until\":\"+20000-01-01T00:00:00Z\"}")
                .when().post("/api/v1/alerts/000000000000000000000000/silence")
                .then().statusCode(400).body("detail", equalTo("A silence must end by 9999-12-31T23:59:59Z"));
        given().when().get("/api/v1/alerts?state=sleeping").then().statusCode(400);
    }

    private static boolean carries(JsonNode frame, String id) {
        return "change".equals(frame.path("type").asText()) && alertIn(frame, id) != null;
    }

    private static JsonNode alertIn(JsonNode frame, String id) {
        for (JsonNode alert : frame.path("alerts")) {
            if (alert.path("id").asText().equals(id)) {
                return alert;
            }
        }
        return null;
    }
}
