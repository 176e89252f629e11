package ru.tsur.pulse.prevention.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.alerts.AlertLabels;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.ScreenClient;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An outage as the control room lives it, on the real PostgreSQL: residents of seven buildings of one block in
 * Kolomna write within minutes that there is no hot water (one of them wrote about it ten days ago too). The
 * incident watcher groups them into one incident — one heating substation — and raises a {@code kind=incident}
 * alert on {@code /ws/alerts}; the incident API lists it with its messages and cases; the chronic-places register
 * ranks the building that complained before first. An operator confirms it on the console's incident page, then
 * resolves every case with one
 * answer: the cases are resolved, the incident too, and its alert resolves on the wall. The topic is this run's
 * own, so nothing earlier runs left in the kept test database takes part.
 */
@QuarkusTest
class IncidentStoryTest {

    private static final String MUNICIPALITY = "spb-kolomna";
    private static final String CATEGORY = "improvement";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A point in Kolomna; the buildings stand 60 m apart along a line from it. */
    private static final double LATITUDE = 59.9231;
    private static final double LONGITUDE = 30.2884;
    private static final int BUILDINGS = 7;

    @TestHTTPResource("/")
    URL base;

    @Test
    void sevenBuildingsWithoutHotWaterAreOneIncidentOnTheWallResolvedTogether() throws Exception {
        String tag = TestMessages.uniqueId().replaceAll("[^a-z]", "").substring(0, 6);
        String topic = "Нет горячей воды " + TestMessages.uniqueId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (ScreenClient alerts = ScreenClient.connect(base.getPort(), "/ws/alerts")) {
            alerts.awaitType("snapshot", WAIT);
            // Ten days ago the first building already had no hot water: it is the chronic place.
            post(address(tag, 1), LATITUDE, LONGITUDE, topic, now.minus(Duration.ofDays(10)));
            List<Long> messages = new ArrayList<>();
            for (int building = 1; building <= BUILDINGS; building++) {
                messages.add(post(address(tag, building), LATITUDE + (building - 1) * 0.00054, LONGITUDE, topic, null));
            }

            JsonNode change = alerts.await(frame -> "change".equals(frame.path("type").asText()) && incidentAlert(frame, topic) != null
                    && incidentAlert(frame, topic).path("details").path("places").asInt() == BUILDINGS, WAIT);
            JsonNode alert = incidentAlert(change, topic);
            long incident = alert.path("details").path("incident").asLong();
            Map<String, String> labels = new TreeMap<>(Map.of("incident", Long.toString(incident),
                    "municipality", MUNICIPALITY, "category", CATEGORY));
            String alertId = AlertLabels.fingerprint("incident", labels);
            String municipalityName = given().when().get("/api/v1/region").then().statusCode(200).extract().jsonPath()
                    .getString("municipalities.find { it.id == '" + MUNICIPALITY + "' }.name");
            assertThat(alert.path("id").asText()).isEqualTo(alertId);
            assertThat(alert.path("kind").asText()).isEqualTo("incident");
            assertThat(alert.path("state").asText()).isEqualTo("firing");
            assertThat(alert.path("severity").asText()).isEqualTo("warning");
            assertThat(alert.path("group").asText()).isEqualTo("incident:municipality=" + MUNICIPALITY);
            assertThat(alert.path("title").asText()).isEqualTo("Инцидент: " + topic + " — 7 адресов, " + municipalityName);
            JsonNode details = alert.path("details");
            assertThat(details.path("status").asText()).isEqualTo("detected");
            assertThat(details.path("cause").asText()).isEqualTo("теплоснабжение: авария на сети/ИТП");
            assertThat(details.path("messages").asInt()).isEqualTo(BUILDINGS);
            assertThat(details.path("pValue").asDouble()).isLessThan(0.001);
            // The buildings span 6 × 60 m: the centre is the middle one, the radius the finder's 400 m least.
            assertThat(details.path("radiusMetres").asLong()).isEqualTo(400);
            assertThat(alert.path("summary").asText()).isEqualTo(String.format(Locale.forLanguageTag("ru"),
                    "7 обращений с 7 адресов в радиусе 400 м с %s (ожидалось %.1f); вероятная причина: теплоснабжение: авария на сети/ИТП",
                    java.time.format.DateTimeFormatter.ofPattern("HH:mm dd.MM").format(
                            Instant.parse(details.path("start").asText()).atZone(java.time.ZoneId.of("Europe/Moscow"))),
                    details.path("expected").asDouble()));

            JsonPath list = given().queryParam("municipality", MUNICIPALITY).when().get("/api/v1/prevention/incidents")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(list.getString("status")).isEqualTo("open");
            Map<String, Object> item = list.getMap("incidents.find { it.id == " + incident + " }");
            assertThat(item).containsEntry("status", "detected").containsEntry("topic", topic)
                    .containsEntry("category", CATEGORY).containsEntry("categoryName", "Благоустройство")
                    .containsEntry("municipality", MUNICIPALITY).containsEntry("municipalityName", municipalityName)
                    .containsEntry("cause", "теплоснабжение: авария на сети/ИТП").containsEntry("radiusMetres", 400)
                    .containsEntry("places", BUILDINGS).containsEntry("messages", BUILDINGS).containsEntry("alertId", alertId)
                    .containsEntry("statusBy", null).containsEntry("statusAt", null).containsEntry("statusNote", null);
            assertThat(item).hasSize(22);

            // The building that complained ten days ago heads the register of the topic.
            JsonPath places = given().queryParam("topic", topic).when().get("/api/v1/prevention/places")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(places.getInt("total")).isEqualTo(BUILDINGS);
            assertThat(places.getString("places[0].label")).isEqualTo(address(tag, 1));
            assertThat(places.getInt("places[0].messages30")).isEqualTo(2);
            assertThat(places.getInt("places[0].returns")).isEqualTo(1);

            // Every message finds its case before the operator acts (the intake is asynchronous).
            messages.forEach(CaseFixtures::caseOf);
            JsonPath detail = given().when().get("/api/v1/prevention/incidents/" + incident).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(detail.getList("messages.id", Long.class)).containsExactlyElementsOf(messages);
            assertThat(detail.getList("messages.text", String.class)).allSatisfy(text -> assertThat(text).startsWith("Нет горячей воды"));
            assertThat(detail.getList("cases")).isEmpty();

            // The operator confirms it on the console's incident page (the same door as the API).
            String console = given().header("Authorization", Tokens.bearer("operator"))
                    .when().get("/console/parts/incidents/" + incident).then().statusCode(200).extract().asString();
            assertThat(console).contains("Инцидент № " + incident + ": " + topic + " — 7 адресов, " + municipalityName)
                    .contains("Сообщения (7)").contains(address(tag, 7)).contains("Пока не связаны");
            String afterConfirm = given().header("Authorization", Tokens.bearer("operator"))
                    .when().post("/console/parts/incidents/" + incident + "/confirm").then().statusCode(200).extract().asString();
            assertThat(afterConfirm).contains("Инцидент № " + incident + " подтверждён").contains("подтверждён: operator, ");
            given().when().get("/api/v1/prevention/incidents/" + incident).then().statusCode(200)
                    .body("incident.status", equalTo("confirmed")).body("incident.statusBy", equalTo("operator"));
            JsonNode confirmed = alerts.await(frame -> "change".equals(frame.path("type").asText())
                    && incidentAlert(frame, topic) != null
                    && "confirmed".equals(incidentAlert(frame, topic).path("details").path("status").asText()), WAIT);
            assertThat(incidentAlert(confirmed, topic).path("state").asText()).isEqualTo("firing");
            given().when().post("/api/v1/prevention/incidents/" + incident + "/confirm").then().statusCode(409)
                    .contentType("application/problem+json");

            String answer = "Авария на тепловой сети устранена, горячая вода подана во все дома квартала " + tag;
            JsonPath resolution = given().contentType(ContentType.JSON).body("{\"text\":\"" + answer + "\"}")
                    .when().post("/api/v1/prevention/incidents/" + incident + "/resolve").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(resolution.getString("incident.status")).isEqualTo("resolved");
            assertThat(resolution.getString("incident.statusNote")).isEqualTo(answer);
            List<Long> linked = given().when().get("/api/v1/prevention/incidents/" + incident).then().statusCode(200)
                    .extract().jsonPath().getList("cases.id", Long.class);
            assertThat(linked).containsExactlyInAnyOrderElementsOf(messages.stream().map(CaseFixtures::caseOf).distinct().toList());
            assertThat(resolution.getList("cases.caseId", Long.class)).containsExactlyElementsOf(linked);
            assertThat(resolution.getList("cases.outcome", String.class)).containsOnly("resolved");
            for (long caseId : linked) {
                given().when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                        .body("case.status", equalTo("resolved")).body("case.answerText", equalTo(answer));
            }
            JsonNode resolved = alerts.await(frame -> "change".equals(frame.path("type").asText())
                    && incidentAlert(frame, topic) != null
                    && "resolved".equals(incidentAlert(frame, topic).path("state").asText()), WAIT);
            assertThat(incidentAlert(resolved, topic).path("id").asText()).isEqualTo(alertId);

            // Closed now: no more moves; an official of another district does not see it; an executor has no access.
            given().contentType(ContentType.JSON).body("{\"reason\":\"совпадение\"}")
                    .when().post("/api/v1/prevention/incidents/" + incident + "/dismiss").then().statusCode(409);
            given().header("Authorization", Tokens.bearer("official-kolpino"))
                    .when().get("/api/v1/prevention/incidents/" + incident).then().statusCode(404)
                    .body("detail", equalTo("Нет инцидента № " + incident));
            given().header("Authorization", Tokens.bearer("executor-zhks1"))
                    .when().get("/api/v1/prevention/incidents").then().statusCode(403);
        }
    }

    @Test
    void badRequestsAreRefusedWithProblems() {
        given().when().get("/api/v1/prevention/incidents?status=burning&limit=0").then().statusCode(400)
                .contentType("application/problem+json").body(equalTo(ProblemBodies.invalid(
                        "status", "одно из значений: open, detected, confirmed, dismissed, resolved, all",
                        "limit", "целое число от 1 до 500")));
        given().when().get("/api/v1/prevention/incidents/abc").then().statusCode(404)
                .body("detail", equalTo("Нет инцидента № abc"));
        given().when().get("/api/v1/prevention/incidents/999999999").then().statusCode(404)
                .body("detail", equalTo("Нет инцидента № 999999999"));
        given().contentType(ContentType.JSON).body("{\"text\":\"\"}")
                .when().post("/api/v1/prevention/incidents/1/resolve").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"caseIds\":[0]}")
                .when().post("/api/v1/prevention/incidents/1/link").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static String address(String tag, int building) {
        return "г. Санкт-Петербург, ул. Аварийная " + tag + ", д. " + building;
    }

    private static long post(String address, double latitude, double longitude, String topic, Instant createdAt) {
        String body = """
                {"source":"portal","externalId":"%s","createdAt":%s,"text":"%s","municipality":"%s","category":"%s",\
                "topic":"%s","address":"%s","lat":%s,"lon":%s}"""
                .formatted(TestMessages.uniqueId(), createdAt == null ? "null" : "\"" + createdAt + "\"",
                        "Нет горячей воды с утра во всём доме, " + address, MUNICIPALITY, CATEGORY, topic, address,
                        latitude, longitude);
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages")
                .then().statusCode(202).extract().jsonPath().getLong("id");
    }

    private static JsonNode incidentAlert(JsonNode frame, String topic) {
        for (JsonNode alert : frame.path("alerts")) {
            if ("incident".equals(alert.path("kind").asText()) && topic.equals(alert.path("details").path("topic").asText())) {
                return alert;
            }
        }
        return null;
    }
}
