package ru.tsur.pulse.prevention;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/**
 * The chronic-places API as an official uses it, on the real PostgreSQL: one building's problem reported
 * six times over two months under two spellings of its address (two reports on one day are one occurrence),
 * its case resolved and the problem reported again at once; the same topic once at another building and
 * once at a point without an address. The register for that topic ranks the building first, with every
 * figure as worked out by hand below. The topic is this run's own, so the figures do not depend on what
 * earlier runs or other tests left in the database. Plus the refusals: bad parameters (400 naming each),
 * a role without access and a municipal official asking for another municipality (403).
 */
@QuarkusTest
class ChronicPlacesStoryTest {

    private static final String MUNICIPALITY = "spb-kolomna";
    private static final String CATEGORY = "improvement";

    @Test
    void aBuildingWhoseProblemKeepsComingBackIsListedFirstWithItsReturns() {
        String tag = TestMessages.uniqueId().replaceAll("[^a-z]", "").substring(0, 6);
        String topic = "Протечки на лестнице " + TestMessages.uniqueId();
        String written = "г. Санкт-Петербург, ул. Профилактическая " + tag + ", д. 7";
        String rewritten = "Санкт-Петербург, Профилактическая " + tag + " улица, дом 7";
        String other = "г. Санкт-Петербург, ул. Профилактическая " + tag + ", д. 9";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        // Episodes at the building: 60 days ago (twice, 3 h apart: one episode), 25, 20 and 5 days ago.
        long first = post(written, null, null, topic, now.minus(Duration.ofDays(60)));
        post(rewritten, null, null, topic, now.minus(Duration.ofDays(60)).plus(Duration.ofHours(3)));
        post(written, null, null, topic, now.minus(Duration.ofDays(25)));
        post(rewritten, null, null, topic, now.minus(Duration.ofDays(20)));
        post(written, null, null, topic, now.minus(Duration.ofDays(5)));
        // The same topic elsewhere: another building 10 days ago, a point with no address 50 days ago.
        post(other, null, null, topic, now.minus(Duration.ofDays(10)));
        double latitude = 59.9231;
        double longitude = 30.2884;
        post(null, latitude, longitude, topic, now.minus(Duration.ofDays(50)));
        // The first case is resolved; the problem is reported again right after: a return after a resolution.
        long firstCase = CaseFixtures.caseOf(first);
        given().contentType(ContentType.JSON).body("{\"text\":\"Кровля над лестницей отремонтирована 01.12\"}")
                .when().post("/api/v1/cases/" + firstCase + "/resolve").then().statusCode(200);
        Instant resolvedAt = Instant.parse(given().when().get("/api/v1/cases/" + firstCase).then().statusCode(200)
                .extract().jsonPath().getString("case.resolvedAt"));
        String executor = given().when().get("/api/v1/cases/" + firstCase).then().statusCode(200)
                .extract().jsonPath().getString("case.executor");
        post(rewritten, null, null, topic, null);

        JsonPath region = given().when().get("/api/v1/region").then().statusCode(200).extract().jsonPath();
        String municipalityName = region.getString("municipalities.find { it.id == '" + MUNICIPALITY + "' }.name");
        String categoryName = region.getString("categories.find { it.id == '" + CATEGORY + "' }.name");

        JsonPath register = given().queryParam("category", CATEGORY).queryParam("topic", topic).when().get("/api/v1/prevention/places")
                .then().statusCode(200).extract().jsonPath();
        assertThat(register.getString("category")).isEqualTo(CATEGORY);
        assertThat(register.getString("topic")).isEqualTo(topic);
        assertThat(register.getInt("limit")).isEqualTo(20);
        assertThat(register.getInt("total")).isEqualTo(3);
        String cellKey = PlaceGrid.cellOf(latitude, longitude).key();
        assertThat(register.getList("places.placeKey", String.class)).containsExactly(
                "building:санкт петербург, улица профилактическая " + tag + ", дом 7",
                "building:санкт петербург, улица профилактическая " + tag + ", дом 9", cellKey);

        // By hand: returns 4 (building) + 0 + 0 over exposures 60 + 10 + 50 days; the topic's rate, pulled
        // towards the rate of everything read (the same here) with β = 30 days: (4 + 30 · 4/120) / (120 + 30)
        // = 1/30 a day, 3 per 90 days. Scores 90 · (r + 30/30) / (T + 30): 5, 2.25, 1.125.
        Map<String, Object> building = register.getMap("places[0]");
        assertThat(building).containsEntry("kind", "building").containsEntry("label", rewritten)
                .containsEntry("latitude", null).containsEntry("longitude", null)
                .containsEntry("municipality", MUNICIPALITY).containsEntry("municipalityName", municipalityName)
                .containsEntry("category", CATEGORY).containsEntry("categoryName", categoryName)
                .containsEntry("topic", topic)
                .containsEntry("messages30", 4).containsEntry("messages90", 6)
                .containsEntry("episodes", 5).containsEntry("returns", 4).containsEntry("returnsAfterResolution", 1)
                .containsEntry("executors", executor == null ? List.of() : List.of(Map.of("executor", executor, "messages", 6)))
                .containsEntry("firstMessageAt", now.minus(Duration.ofDays(60)).toString());
        assertThat(Instant.parse((String) building.get("lastMessageAt"))).isAfter(resolvedAt);
        // Minutes from the resolution to the new report, in days; the trend: 4 messages in the last 30 days
        // against 2 in the 30 before (the data begin 60 days ago), (4 − 2) / (4 + 2).
        assertThat(number(building, "medianDaysToReturn")).isCloseTo(0, within(0.01));
        assertThat(number(building, "trend")).isCloseTo(1 / 3.0, within(0.002));
        assertThat(number(building, "exposureDays")).isCloseTo(60, within(0.01));
        assertThat(number(building, "returnsPer90Days")).isCloseTo(6, within(0.01));
        assertThat(number(building, "topicReturnsPer90Days")).isCloseTo(3, within(0.01));
        assertThat(number(building, "score")).isCloseTo(5, within(0.01));
        assertThat(building).hasSize(24);

        Map<String, Object> otherBuilding = register.getMap("places[1]");
        assertThat(otherBuilding).containsEntry("label", other).containsEntry("messages30", 1)
                .containsEntry("messages90", 1).containsEntry("episodes", 1).containsEntry("returns", 0)
                .containsEntry("returnsAfterResolution", 0).containsEntry("medianDaysToReturn", null);
        assertThat(number(otherBuilding, "trend")).isCloseTo(1, within(0.001));
        assertThat(number(otherBuilding, "score")).isCloseTo(2.25, within(0.01));

        // JsonPath reads numbers as floats: a point to about a metre.
        Map<String, Object> cell = register.getMap("places[2]");
        PlaceGrid.Cell expectedCell = PlaceGrid.cellOf(latitude, longitude);
        assertThat(cell).containsEntry("kind", "cell").containsEntry("messages30", 0).containsEntry("messages90", 1)
                .containsEntry("returns", 0).containsEntry("label", Place.of(null, latitude, longitude).label());
        assertThat(number(cell, "latitude")).isCloseTo(expectedCell.latitude(), within(1e-5));
        assertThat(number(cell, "longitude")).isCloseTo(expectedCell.longitude(), within(1e-5));
        assertThat(number(cell, "trend")).isCloseTo(-1, within(0.001));
        assertThat(number(cell, "score")).isCloseTo(1.125, within(0.01));

        // The limit keeps the first rows; the total still counts them all.
        given().queryParam("limit", 1).queryParam("category", CATEGORY).queryParam("topic", topic)
                .when().get("/api/v1/prevention/places")
                .then().statusCode(200).body("total", equalTo(3)).body("places.size()", equalTo(1))
                .body("places[0].label", equalTo(rewritten));
        // The municipality filter: the building is in Kolomna.
        given().queryParam("municipality", MUNICIPALITY).queryParam("topic", topic).when().get("/api/v1/prevention/places")
                .then().statusCode(200).body("municipality", equalTo(MUNICIPALITY))
                .body("places[0].label", equalTo(rewritten)).body("places[0].messages90", equalTo(6));

        // Kolpino's official sees Kolpino only: none of this, and Kolomna's register is not theirs.
        given().header("Authorization", Tokens.bearer("official-kolpino"))
                .queryParam("topic", topic).when().get("/api/v1/prevention/places")
                .then().statusCode(200).body("total", equalTo(0)).body("places.size()", equalTo(0));
        given().header("Authorization", Tokens.bearer("official-kolpino"))
                .when().get("/api/v1/prevention/places?municipality=" + MUNICIPALITY)
                .then().statusCode(403).contentType("application/problem+json")
                .body(equalTo("{\"type\":\"urn:tsur-pulse:problem:forbidden\",\"title\":\"Нет прав на это действие\","
                        + "\"status\":403,\"detail\":\"Реестр доступен только по вашим муниципалитетам\"}"));
    }

    @Test
    void badParametersAndRolesWithoutAccessAreRefused() {
        given().when().get("/api/v1/prevention/places?limit=0&municipality=nowhere&category=nothing").then().statusCode(400)
                .contentType("application/problem+json").body(equalTo(ProblemBodies.invalid(
                        "limit", "целое число от 1 до 200",
                        "municipality", "неизвестный идентификатор; идентификаторы — в GET /api/v1/region",
                        "category", "неизвестный идентификатор; идентификаторы — в GET /api/v1/region")));
        given().when().get("/api/v1/prevention/places?limit=201").then().statusCode(400)
                .contentType("application/problem+json").body(equalTo(ProblemBodies.invalid("limit", "целое число от 1 до 200")));
        given().when().get("/api/v1/prevention/places?topic=" + "т".repeat(201)).then().statusCode(400)
                .body(equalTo(ProblemBodies.invalid("topic", "не длиннее 200 символов (получено 201)")));
        given().header("Authorization", Tokens.bearer("executor-zhks1")).when().get("/api/v1/prevention/places")
                .then().statusCode(403).contentType("application/problem+json")
                .body(equalTo("{\"type\":\"urn:tsur-pulse:problem:forbidden\",\"title\":\"Нет прав на это действие\","
                        + "\"status\":403,\"detail\":\"Ваша роль не позволяет это действие\"}"));
    }

    private static long post(String address, Double latitude, Double longitude, String topic, Instant createdAt) {
        String body = """
                {"source":"portal","externalId":"%s","createdAt":%s,"text":"%s","municipality":"%s","category":"%s",\
                "topic":"%s"%s%s}"""
                .formatted(TestMessages.uniqueId(), createdAt == null ? "null" : "\"" + createdAt + "\"",
                        "Снова течёт крыша над лестницей, вода на ступенях", MUNICIPALITY, CATEGORY, topic,
                        address == null ? "" : ",\"address\":\"" + address + "\"",
                        latitude == null ? "" : ",\"lat\":" + latitude + ",\"lon\":" + longitude);
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages")
                .then().statusCode(202).extract().jsonPath().getLong("id");
    }

    private static double number(Map<String, Object> item, String field) {
        return ((Number) item.get(field)).doubleValue();
    }
}
