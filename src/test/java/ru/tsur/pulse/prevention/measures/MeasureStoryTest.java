package ru.tsur.pulse.prevention.measures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/**
 * A measure's effect through the API, on the real PostgreSQL. Messages of this run's own topic are posted
 * with past times: Kolomna (the treated municipality) 12 in the 8 weeks before the measure and 3 in the 25 days
 * after it; Avtovo, Balkansky and Gavan 6 before and 3 after each, Dachnoe 24 before and 12 after (the
 * controls: the same topic, no measure); Grazhdanka 6 before and 12 after but a measure of its own 20 days ago
 * (never a control); one Kolomna message 9 weeks before (outside the window). By hand: controls 42 → 21,
 * expected in Kolomna 12 × 21/42 = 6, observed 3, ratio 0.5; the controls changed alike (Q = 0.011 < 3, τ² = 0);
 * Var(log R) = 1/3 + 1/12 + 1/21 + 1/42, so 95% from 0.127 to 1.966: no clear change. Then the retry of the
 * POST, its audit row, the chart, an official's scope and the refusals.
 */
@QuarkusTest
class MeasureStoryTest {

    private static final String TREATED = "spb-kolomna";
    private static final String CATEGORY = "improvement";
    private static final List<String> CONTROLS = List.of("spb-avtovo", "spb-balkanskiy", "spb-dachnoe", "spb-gavan");
    private static final String OTHER_MEASURE = "spb-grazhdanka";

    @Test
    void aMeasureIsJudgedAgainstComparableMunicipalitiesWithoutOne() {
        String topic = "Уборка дворов " + TestMessages.uniqueId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant taken = now.minus(Duration.ofDays(25));

        // Kolomna: 2,1,2,1,2,1,2,1 in weeks −8…−1; one each in weeks 0, 1, 2; one more 9 weeks before.
        int[] treatedBefore = {2, 1, 2, 1, 2, 1, 2, 1};
        for (int week = -8; week < 0; week++) {
            for (int message = 0; message < treatedBefore[week + 8]; message++) {
                post(TREATED, topic, midWeek(taken, week).plus(Duration.ofHours(message)));
            }
        }
        for (int week = 0; week < 3; week++) {
            post(TREATED, topic, midWeek(taken, week));
        }
        post(TREATED, topic, midWeek(taken, -9));
        // Three small controls: one a week in weeks −6…−1 and 0…2; Dachnoe three a week, weeks −8…3.
        for (String control : List.of("spb-avtovo", "spb-balkanskiy", "spb-gavan")) {
            for (int week = -6; week < 3; week++) {
                post(control, topic, midWeek(taken, week));
            }
        }
        for (int week = -8; week < 4; week++) {
            for (int message = 0; message < 3; message++) {
                post("spb-dachnoe", topic, (week == 3 ? taken.plus(Duration.ofDays(22)) : midWeek(taken, week))
                        .plus(Duration.ofHours(message)));
            }
        }
        // Grazhdanka: 6 before, 12 after, and a measure of its own.
        for (int week = -6; week < 3; week++) {
            for (int message = 0; message < (week < 0 ? 1 : 4); message++) {
                post(OTHER_MEASURE, topic, midWeek(taken, week).plus(Duration.ofHours(message)));
            }
        }
        given().contentType(ContentType.JSON).body(measure("Вывоз мусора по новому графику", OTHER_MEASURE, topic,
                now.minus(Duration.ofDays(20)), TestMessages.uniqueId())).when().post("/api/v1/prevention/measures")
                .then().statusCode(201);

        String key = TestMessages.uniqueId();
        JsonPath created = given().contentType(ContentType.JSON)
                .body(measure("Дворники на полный день", TREATED, topic, taken, key))
                .when().post("/api/v1/prevention/measures").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        JsonPath region = given().when().get("/api/v1/region").then().statusCode(200).extract().jsonPath();
        String municipalityName = region.getString("municipalities.find { it.id == '" + TREATED + "' }.name");
        String categoryName = region.getString("categories.find { it.id == '" + CATEGORY + "' }.name");
        Map<String, Object> item = created.getMap("");
        assertThat(item).containsEntry("title", "Дворники на полный день")
                .containsEntry("description", "Смена графика с 1-го числа").containsEntry("municipality", TREATED)
                .containsEntry("municipalityName", municipalityName).containsEntry("category", CATEGORY)
                .containsEntry("categoryName", categoryName).containsEntry("topic", topic)
                .containsEntry("placeKey", null).containsEntry("placeLabel", null)
                .containsEntry("takenAt", taken.toString()).containsEntry("createdBy", Tokens.TEST_USER);
        assertThat(Instant.parse((String) item.get("createdAt"))).isBetween(now.minusSeconds(5), Instant.now());
        assertThat(item).hasSize(14);

        Map<String, Object> effect = created.getMap("effect");
        assertThat(effect).containsEntry("verdict", "NO_CLEAR_CHANGE")
                .containsEntry("beforeFrom", taken.minus(Duration.ofDays(56)).toString())
                .containsEntry("treatedBefore", 12).containsEntry("treatedAfter", 3)
                .containsEntry("controls", CONTROLS).containsEntry("controlsBefore", 42).containsEntry("controlsAfter", 21)
                .containsEntry("level", 0.95f);
        assertThat(number(effect, "daysAfter")).isCloseTo(25, within(0.01));
        assertThat(number(effect, "expectedAfter")).isCloseTo(6, within(0.001));
        assertThat(number(effect, "ratio")).isCloseTo(0.5, within(0.001));
        assertThat(number(effect, "percentChange")).isCloseTo(-50, within(0.001));
        assertThat(number(effect, "lower")).isCloseTo(0.127, within(0.001));
        assertThat(number(effect, "upper")).isCloseTo(1.966, within(0.001));
        assertThat(number(effect, "betweenUnitVariance")).isEqualTo(0);
        assertThat(effect).hasSize(16);

        // The retry of the same request: the stored measure, 200, and one audit row only.
        given().contentType(ContentType.JSON).body(measure("Дворники на полный день", TREATED, topic, taken, key))
                .when().post("/api/v1/prevention/measures").then().statusCode(200).body("id", equalTo((int) id));
        JsonPath audit = given().when().get("/api/v1/audit?action=measure.create&target=measure:" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items")).hasSize(1);
        assertThat(audit.getString("items[0].subject")).isEqualTo(Tokens.TEST_USER);
        assertThat(audit.getString("items[0].after")).isEqualTo("{\"title\":\"Дворники на полный день\",\"municipality\":\""
                + TREATED + "\",\"category\":\"" + CATEGORY + "\",\"topic\":\"" + topic + "\",\"place\":null,\"takenAt\":\""
                + taken + "\"}");

        // The list: Kolomna's measures of the category, ours among them with the same effect.
        JsonPath list = given().queryParam("municipality", TREATED).queryParam("category", CATEGORY)
                .when().get("/api/v1/prevention/measures").then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("municipality")).isEqualTo(TREATED);
        assertThat(list.getString("category")).isEqualTo(CATEGORY);
        assertThat(list.getList("measures.municipality", String.class)).containsOnly(TREATED);
        assertThat(list.getMap("measures.find { it.id == " + id + " }.effect")).containsEntry("treatedBefore", 12)
                .containsEntry("treatedAfter", 3).containsEntry("controls", CONTROLS).containsEntry("verdict", "NO_CLEAR_CHANGE");

        // The chart: 16 weeks; Kolomna and the controls' sums per week; week 3 has 4 days so far, 4–7 none.
        JsonPath detail = given().when().get("/api/v1/prevention/measures/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getLong("measure.id")).isEqualTo(id);
        List<String> weeks = new ArrayList<>();
        for (Map<String, Object> week : detail.<Map<String, Object>>getList("weeks")) {
            weeks.add(week.get("week") + " " + week.get("start") + " " + week.get("days") + " " + week.get("treated")
                    + " " + week.get("controls"));
        }
        List<String> expected = new ArrayList<>();
        long[] treatedWeeks = {2, 1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0};
        long[] controlWeeks = {3, 3, 6, 6, 6, 6, 6, 6, 6, 6, 6, 3, 0, 0, 0, 0};
        for (int slot = 0; slot < 16; slot++) {
            float days = slot < 11 ? 7 : slot == 11 ? 4 : 0;
            expected.add((slot - 8) + " " + taken.plus(Duration.ofDays(7L * (slot - 8))) + " " + days + " "
                    + treatedWeeks[slot] + " " + controlWeeks[slot]);
        }
        assertThat(weeks).containsExactlyElementsOf(expected);

        // Kolpino's official: Kolomna's measures are not theirs; their own list holds none of them.
        given().header("Authorization", Tokens.bearer("official-kolpino")).when().get("/api/v1/prevention/measures/" + id)
                .then().statusCode(403).body(equalTo("{\"type\":\"urn:tsur-pulse:problem:forbidden\",\"title\":"
                        + "\"Нет прав на это действие\",\"status\":403,\"detail\":\"Меры доступны только по вашим муниципалитетам\"}"));
        given().header("Authorization", Tokens.bearer("official-kolpino")).queryParam("municipality", TREATED)
                .when().get("/api/v1/prevention/measures").then().statusCode(403);
        JsonPath own = given().header("Authorization", Tokens.bearer("official-kolpino"))
                .when().get("/api/v1/prevention/measures").then().statusCode(200).extract().jsonPath();
        assertThat(own.getList("measures.municipality", String.class)).allMatch("spb-kolpino"::equals);
        // An official may read but not enter.
        given().header("Authorization", Tokens.bearer("official-kolpino")).contentType(ContentType.JSON)
                .body(measure("x", "spb-kolpino", topic, taken, TestMessages.uniqueId()))
                .when().post("/api/v1/prevention/measures").then().statusCode(403);
    }

    /**
     * A measure at one building: its place is the chronic-places register's (the address as the register
     * normalizes it), the controls are the other buildings with the topic. The building: 6 messages in weeks
     * −6…−1, 1 in week 0; three other buildings of the street: 6 before, 2 a week in weeks 0…2. Expected
     * 6 × 18/18 = 6, observed 1: ratio 1/6, Var = 1 + 1/6 + 1/18 + 1/18, 95% from 0.018 to 1.528.
     */
    @Test
    void aMeasureAtOneBuildingIsJudgedAgainstOtherBuildings() {
        String tag = TestMessages.uniqueId().replaceAll("[^a-z]", "").substring(0, 6);
        String topic = "Наледь на козырьке " + TestMessages.uniqueId();
        Instant taken = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(21));
        String street = "г. Санкт-Петербург, ул. Мерная " + tag + ", д. ";
        for (int week = -6; week < 0; week++) {
            for (String house : List.of("7", "9", "11", "13")) {
                postAt(street + house, topic, midWeek(taken, week));
            }
        }
        postAt(street + "7", topic, midWeek(taken, 0));
        for (int week = 0; week < 3; week++) {
            for (String house : List.of("9", "11", "13")) {
                postAt(street + house, topic, midWeek(taken, week));
                postAt(street + house, topic, midWeek(taken, week).plus(Duration.ofHours(2)));
            }
        }
        String body = """
                {"title":"Очищены козырьки","municipality":"%s","category":"%s","topic":"%s","address":"%s",                "takenAt":"%s","idempotencyKey":"%s"}""".formatted(TREATED, CATEGORY, topic, street + "7", taken,
                TestMessages.uniqueId());
        JsonPath created = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/prevention/measures")
                .then().statusCode(201).extract().jsonPath();
        String building = "building:санкт петербург, улица мерная " + tag + ", дом ";
        assertThat(created.getString("placeKey")).isEqualTo(building + "7");
        assertThat(created.getString("placeLabel")).isEqualTo(street + "7");
        Map<String, Object> effect = created.getMap("effect");
        assertThat(effect).containsEntry("verdict", "NO_CLEAR_CHANGE").containsEntry("treatedBefore", 6)
                .containsEntry("treatedAfter", 1).containsEntry("controlsBefore", 18).containsEntry("controlsAfter", 18)
                .containsEntry("controls", List.of(building + "11", building + "13", building + "9"));
        assertThat(number(effect, "expectedAfter")).isCloseTo(6, within(0.001));
        assertThat(number(effect, "ratio")).isCloseTo(0.167, within(0.001));
        assertThat(number(effect, "percentChange")).isCloseTo(-83.333, within(0.001));
        assertThat(number(effect, "lower")).isCloseTo(0.018, within(0.001));
        assertThat(number(effect, "upper")).isCloseTo(1.528, within(0.001));
    }

    @Test
    void badMeasuresAreRefusedNamingEachField() {
        given().contentType(ContentType.JSON).body("{\"title\":\" \",\"municipality\":\"\",\"latitude\":91,\"idempotencyKey\":\"k\"}")
                .when().post("/api/v1/prevention/measures").then().statusCode(400).contentType("application/problem+json")
                .body(equalTo(ProblemBodies.invalid("category", "обязательное поле, не пустое",
                        "latitude", "число от -90 до 90", "municipality", "обязательное поле, не пустое",
                        "takenAt", "обязательное поле, не пустое", "title", "обязательное поле, не пустое")));
        Instant future = Instant.now().plus(Duration.ofDays(2));
        given().contentType(ContentType.JSON).body("""
                        {"title":"Ремонт","municipality":"nowhere","category":"nothing","latitude":59.9,\
                        "address":"---","takenAt":"%s","idempotencyKey":"%s"}""".formatted(future, TestMessages.uniqueId()))
                .when().post("/api/v1/prevention/measures").then().statusCode(400)
                .body(equalTo(ProblemBodies.invalid("municipality", "неизвестный идентификатор; идентификаторы — в GET /api/v1/region",
                        "category", "неизвестный идентификатор; идентификаторы — в GET /api/v1/region",
                        "longitude", "широта и долгота задаются вместе",
                        "address", "адрес не распознан: нужны улица и дом, или точка",
                        "takenAt", "не позже текущего момента")));
        given().when().get("/api/v1/prevention/measures?limit=0&municipality=nowhere").then().statusCode(400)
                .body(equalTo(ProblemBodies.invalid("limit", "целое число от 1 до 200",
                        "municipality", "неизвестный идентификатор; идентификаторы — в GET /api/v1/region")));
        given().when().get("/api/v1/prevention/measures/999999999").then().statusCode(404)
                .body(equalTo(ProblemBodies.notFound("Нет меры 999999999")));
        given().header("Authorization", Tokens.bearer("wall")).when().get("/api/v1/prevention/measures").then().statusCode(403);
    }

    /** Three and a half days into the week {@code week} counted from the measure. */
    private static Instant midWeek(Instant taken, int week) {
        return taken.plus(Duration.ofDays(7L * week)).plus(Duration.ofHours(84));
    }

    private static String measure(String title, String municipality, String topic, Instant takenAt, String key) {
        return """
                {"title":"%s","description":"Смена графика с 1-го числа","municipality":"%s","category":"%s",\
                "topic":"%s","takenAt":"%s","idempotencyKey":"%s"}""".formatted(title, municipality, CATEGORY, topic,
                takenAt, key);
    }

    private static void post(String municipality, String topic, Instant createdAt) {
        String body = """
                {"source":"portal","externalId":"%s","createdAt":"%s","text":"%s","municipality":"%s","category":"%s",\
                "topic":"%s"}""".formatted(TestMessages.uniqueId(), createdAt,
                "Во дворе снова не убран мусор у контейнерной площадки", municipality, CATEGORY, topic);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages").then().statusCode(202);
    }

    private static void postAt(String address, String topic, Instant createdAt) {
        String body = """
                {"source":"portal","externalId":"%s","createdAt":"%s","text":"%s","municipality":"%s","category":"%s",\
                "topic":"%s","address":"%s"}""".formatted(TestMessages.uniqueId(), createdAt,
                "Над входом в парадную висит наледь, опасно ходить", TREATED, CATEGORY, topic, address);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages").then().statusCode(202);
    }

    private static double number(Map<String, Object> item, String field) {
        return ((Number) item.get(field)).doubleValue();
    }
}
