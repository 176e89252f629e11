package ru.tsur.pulse.alerts;

import ru.tsur.pulse.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.ScreenClient;
import ru.tsur.pulse.support.TestMessages;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The alerts core end to end on real PostgreSQL: a raised alert reaches {@code /ws/alerts} and REST,
 * raising it again changes nothing, acknowledging and silencing are pushed and kept in the alert's history
 * (never in the frames), another replica's change arrives through LISTEN/NOTIFY, silences and reasons are
 * bounded, and bad requests get the whole problem+json body in Russian.
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

            // Who acknowledges is the caller: the operator's login, not a field of the body.
            given().header("Authorization", Tokens.bearer("operator"))
                    .when().post("/api/v1/alerts/" + raise.id() + "/ack")
                    .then().statusCode(200).body("acknowledgedBy", equalTo("operator"));
            JsonNode acknowledged = screen.await(frame -> alertIn(frame, raise.id()) != null
                    && alertIn(frame, raise.id()).path("acknowledgedBy").asText().equals("operator"), WAIT);
            assertThat(alertIn(acknowledged, raise.id()).path("acknowledgedAt").isTextual()).isTrue();

            given().contentType(ContentType.JSON)
                    .body("{\"reason\":\"плановые работы\",\"duration\":\"PT2H\"}")
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
    void unknownAlertsAndBadBodiesAreWholeProblemsInRussian() {
        String unknown = "/api/v1/alerts/000000000000000000000000";
        assertAnswer(given().when().get(unknown), 404, ProblemBodies.notFound("Нет оповещения 000000000000000000000000"));
        assertAnswer(given().when().get(unknown + "/history"), 404,
                ProblemBodies.notFound("Нет оповещения 000000000000000000000000"));
        assertAnswer(given().when().get("/api/v1/alerts/not-a-fingerprint"), 404,
                ProblemBodies.notFound("Нет такого оповещения: номер оповещения — 24 шестнадцатеричные цифры"));
        assertAnswer(given().when().delete("/api/v1/alerts/0123/silence"), 404,
                ProblemBodies.notFound("Нет такого оповещения: номер оповещения — 24 шестнадцатеричные цифры"));
        assertAnswer(given().when().post(unknown + "/ack"), 404,
                ProblemBodies.notFound("Нет оповещения 000000000000000000000000"));

        assertAnswer(json("{not json").post(unknown + "/silence"), 400,
                ProblemBodies.unreadable("Тело запроса — не корректный JSON (строка 1, столбец 2)"));
        assertAnswer(json("").post(unknown + "/silence"), 400, ProblemBodies.invalid("body", "обязательное поле, не пустое"));
        assertAnswer(json("[]").post(unknown + "/silence"), 400, ProblemBodies.invalid("body", "ожидается JSON-объект"));
        // "by" is gone: who acts comes from the login, and a body that still names someone is refused.
        assertAnswer(json("{\"by\":\"Дежурный Петров\",\"reason\":\"y\",\"duration\":\"PT1H\"}").post(unknown + "/silence"),
                400, ProblemBodies.invalid("by", "неизвестное поле"));
        assertAnswer(json("{\"reason\":42,\"duration\":\"PT1H\"}").post(unknown + "/silence"), 400,
                ProblemBodies.invalid("reason", "ожидается строка"));
        assertAnswer(json("{\"reason\":\"a\",\"reason\":\"b\",\"duration\":\"PT1H\"}").post(unknown + "/silence"), 400,
                ProblemBodies.invalid("reason", "поле указано дважды"));
        assertAnswer(json("{\"resaon\":\"плановые работы\",\"duration\":\"PT1H\"}").post(unknown + "/silence"),
                400, ProblemBodies.invalid("resaon", "неизвестное поле"));
        assertAnswer(json("{}").post(unknown + "/silence"), 400, ProblemBodies.invalid(
                "reason", "обязательное поле, не пустое"));
        String exactlyOne = "укажите ровно одно из полей: until (время ISO-8601) или duration (например PT2H)";
        assertAnswer(json("{\"reason\":\"y\"}").post(unknown + "/silence"), 400,
                ProblemBodies.invalid("duration", exactlyOne, "until", exactlyOne));
        assertAnswer(json("{\"reason\":\"y\",\"until\":\"2030-01-01T00:00:00Z\",\"duration\":\"PT1H\"}")
                .post(unknown + "/silence"), 400, ProblemBodies.invalid("duration", exactlyOne, "until", exactlyOne));
        assertAnswer(json("{\"reason\":\"y\",\"until\":\"2001-01-01T00:00:00Z\"}").post(unknown + "/silence"),
                400, ProblemBodies.invalid("until", "должно быть в будущем"));
        assertAnswer(json("{\"reason\":\"y\",\"until\":\"tomorrow\"}").post(unknown + "/silence"), 400,
                ProblemBodies.invalid("until", "ожидается время ISO-8601 со смещением, например 2026-12-01T18:00:00+03:00"));
        assertAnswer(json("{\"reason\":\"y\",\"duration\":\"PT0S\"}").post(unknown + "/silence"), 400,
                ProblemBodies.invalid("duration", "должна быть больше нуля"));
        assertAnswer(json("{\"reason\":\"y\",\"duration\":\"2 hours\"}").post(unknown + "/silence"), 400,
                ProblemBodies.invalid("duration", "ожидается длительность ISO-8601, например PT2H"));

        assertAnswer(given().when().get("/api/v1/alerts?state=sleeping&kind=" + "k".repeat(201)), 400, ProblemBodies.invalid(
                "state", "одно из значений: firing, resolved", "kind", "не длиннее 200 символов (получено 201)"));
        // Past 300 characters the request filter refuses any query parameter before a resource sees it.
        assertAnswer(given().when().get("/api/v1/alerts?executor=" + "и".repeat(301)), 400,
                ProblemBodies.invalid("executor", "не длиннее 300 символов (получено 301)"));
    }

    @Test
    void actionBodiesAreJsonOnlyAndLiftingASilenceNeedsNoBody() throws Exception {
        Alert alert = alerts.raise(tensionAlert()).await().atMost(WAIT);
        String path = "/api/v1/alerts/" + alert.id();
        assertAnswer(given().contentType("text/plain; charset=UTF-8").body("{\"reason\":\"y\",\"duration\":\"PT1H\"}")
                .when().post(path + "/silence"), 415,
                ProblemBodies.unsupportedMediaType("Тело запроса принимается только как application/json в UTF-8"));
        assertAnswer(given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body("reason=x").when().post(path + "/silence"),
                415, ProblemBodies.unsupportedMediaType("Тело запроса принимается только как application/json в UTF-8"));
        // An acknowledgement takes no body: as curl -X POST sends it.
        HttpResponse<String> untyped = raw("POST", path + "/ack", null);
        assertThat(untyped.statusCode()).isEqualTo(200);
        assertThat(untyped.body()).contains("\"acknowledgedBy\":\"pulse-test\"");

        json("{\"reason\":\"y\",\"duration\":\"PT1H\"}").post(path + "/silence").then().statusCode(200);
        HttpResponse<String> lifted = raw("DELETE", path + "/silence", null);
        assertThat(lifted.statusCode()).isEqualTo(200);
        assertThat(lifted.body()).contains("\"silencedUntil\":null");
        assertThat(given().when().get(path + "/history").jsonPath().getList("items.action", String.class))
                .containsExactly("unsilenced", "silenced", "acknowledged");
    }

    @Test
    void aSilenceEndsAtMostSevenDaysAheadAndItsReasonAtMost500Characters() {
        Alert alert = alerts.raise(tensionAlert()).await().atMost(WAIT);
        String silence = "/api/v1/alerts/" + alert.id() + "/silence";
        String longest = "не дольше 7 сут. от момента запроса";
        assertAnswer(json("{\"reason\":\"y\",\"duration\":\"P7DT1S\"}").post(silence), 400,
                ProblemBodies.invalid("duration", longest));
        assertAnswer(json("{\"reason\":\"y\",\"duration\":\"PT2000000000000000H\"}").post(silence), 400,
                ProblemBodies.invalid("duration", longest));
        assertAnswer(json("{\"reason\":\"y\",\"until\":\"" + Instant.now().plus(Duration.ofDays(8)) + "\"}")
                .post(silence), 400, ProblemBodies.invalid("until", longest));
        assertAnswer(json("{\"reason\":\"y\",\"until\":\"9999-12-31T23:59:59Z\"}").post(silence), 400,
                ProblemBodies.invalid("until", longest));
        assertAnswer(json("{\"reason\":\"y\",\"until\":\"+20000-01-01T00:00:00Z\"}").post(silence), 400,
                ProblemBodies.invalid("until", longest));
        assertAnswer(json("{\"reason\":\"" + "р".repeat(501) + "\",\"duration\":\"PT1H\"}").post(silence), 400,
                ProblemBodies.invalid("reason", "не длиннее 500 символов (получено 501)"));
        // The attack that once sent 1 MB to every wall screen with each snapshot.
        assertAnswer(json("{\"reason\":\"" + "x".repeat(1 << 20) + "\",\"duration\":\"PT1H\"}").post(silence),
                400, ProblemBodies.invalid("reason", "не длиннее 500 символов (получено 1048576)"));
        assertThat(given().when().get("/api/v1/alerts/" + alert.id()).jsonPath().getString("silencedUntil")).isNull();

        Instant sevenDays = Instant.parse(json("{\"reason\":\"" + "р".repeat(500) + "\",\"duration\":\"P7D\"}")
                .post(silence).then().statusCode(200).extract().jsonPath().getString("silencedUntil"));
        assertThat(sevenDays).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60), Instant.now().plus(Duration.ofDays(7)));
        Instant until = Instant.now().plus(Duration.ofDays(6)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        json("{\"reason\":\"y\",\"until\":\"" + until.atOffset(java.time.ZoneOffset.ofHours(3)) + "\"}")
                .post(silence).then().statusCode(200).body("silencedUntil", equalTo(until.toString()));
    }

    @Test
    void acknowledgementsAndSilencesAreKeptNewestFirstAndNeverPushedToScreens() throws Exception {
        Alert alert = alerts.raise(tensionAlert()).await().atMost(WAIT);
        String path = "/api/v1/alerts/" + alert.id();
        try (ScreenClient screen = ScreenClient.connect(base.getPort(), "/ws/alerts")) {
            screen.awaitType("snapshot", WAIT);
            given().header("Authorization", Tokens.bearer("operator")).when().post(path + "/ack").then().statusCode(200);
            String until = given().header("Authorization", Tokens.bearer("operator")).contentType(ContentType.JSON)
                    .body("{\"reason\":\"бригада на месте\",\"duration\":\"PT2H\"}").when()
                    .post(path + "/silence").then().statusCode(200).extract().jsonPath().getString("silencedUntil");
            given().header("Authorization", Tokens.bearer("operator")).when().delete(path + "/silence").then().statusCode(200);
            // Lifting a silence that is no longer there writes no second row.
            given().header("Authorization", Tokens.bearer("operator")).when().delete(path + "/silence").then().statusCode(200);
            given().header("Authorization", Tokens.bearer("admin")).when().post(path + "/ack").then().statusCode(200)
                    .body("acknowledgedBy", equalTo("admin"));

            JsonNode lastChange = screen.await(frame -> alertIn(frame, alert.id()) != null
                    && "admin".equals(alertIn(frame, alert.id()).path("acknowledgedBy").asText()), WAIT);
            assertThat(alertIn(lastChange, alert.id()).has("history")).isFalse();

            JsonPath history = given().when().get(path + "/history").then().statusCode(200)
                    .contentType("application/json").body("alertId", equalTo(alert.id())).extract().jsonPath();
            assertThat(history.getList("items.action", String.class))
                    .containsExactly("acknowledged", "unsilenced", "silenced", "acknowledged");
            assertThat(history.getList("items.by", String.class))
                    .containsExactly("admin", "operator", "operator", "operator");
            assertThat(history.getList("items.reason", String.class)).containsExactly(null, null, "бригада на месте", null);
            assertThat(history.getList("items.until", String.class)).containsExactly(null, null, until, null);
            assertThat(history.getList("items.episodeStart", String.class)).containsOnly(alert.startsAt().toString());
            List<Instant> times = history.getList("items.at", String.class).stream().map(Instant::parse).toList();
            assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
    }

    @Test
    void historyShowsTheNewestFiftyEntries() {
        Alert alert = alerts.raise(tensionAlert()).await().atMost(WAIT);
        String path = "/api/v1/alerts/" + alert.id();
        for (int index = 1; index <= config.historyLimit() + 2; index++) {
            json("{\"reason\":\"причина " + index + "\",\"duration\":\"PT1H\"}").post(path + "/silence").then().statusCode(200);
        }
        List<String> reasons = given().when().get(path + "/history").jsonPath().getList("items.reason", String.class);
        assertThat(reasons).hasSize(50).startsWith("причина 52", "причина 51").endsWith("причина 3");
    }

    private AlertRaise tensionAlert() {
        return new AlertRaise("tension", Map.of("municipality", "spb-" + TestMessages.uniqueId()),
                "warning", "Всплеск обращений", "В 3 раза выше обычного", Map.of(), null, null);
    }

    private static RequestSpecification json(String body) {
        return given().contentType(ContentType.JSON).body(body).when();
    }

    private static void assertAnswer(Response response, int status, String body) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.asString()).isEqualTo(body);
    }

    /** A request exactly as written: no Content-Type unless there is a body, and none even then. */
    private HttpResponse<String> raw(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort() + path)).header("Authorization", Tokens.bearer(Tokens.TEST_USER))
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
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
