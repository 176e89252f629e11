package ru.tsur.pulse.prevention.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.RegionLookup;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/**
 * The week-ahead API on the live detector (test profile: minute buckets, two hours of history, no learning
 * period): messages posted to a municipality × category that had none in the detector's memory show up as
 * that series' last 7 days exactly, and raise its forecast; the answer's shape is checked whole — the week
 * from tomorrow in the region's zone, seven consecutive days per series adding up to the week, intervals
 * around the median, rise = expected − last week, the order asked for, the municipality's total the sum of
 * its series, names from the region, the totals' scope — and the refusals: bad parameters (400 naming each),
 * an executor, and a municipal official asking for another municipality (403); the official's own answer
 * holds its municipality only, with category totals over it.
 */
@QuarkusTest
class WeekAheadApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int POSTED = 5;
    private static final String FORECAST = "/api/v1/prevention/forecast";

    @Inject
    Region region;

    @Test
    void postedMessagesAreTheSeriesLastWeekAndTheAnswerAddsUp() throws Exception {
        String improvement = RegionLookup.categoryId(region, "Благоустройство");
        Map<String, String> municipalityNames = region.municipalities().stream()
                .collect(Collectors.toMap(Municipality::id, Municipality::name, (left, right) -> left));
        Map<String, String> categoryNames = region.categories().stream()
                .collect(Collectors.toMap(Category::id, Category::name, (left, right) -> left));
        JsonPath before = awaitWarm(Map.of("category", improvement, "limit", "200"));
        // A municipality whose improvement series got nothing in the detector's memory (an earlier run's may have).
        Municipality quiet = region.municipalities().stream().filter(municipality -> municipality.name().startsWith("город"))
                .filter(municipality -> seriesOf(before, municipality.id()) == null
                        || ((Number) seriesOf(before, municipality.id()).get("lastWeek")).longValue() == 0)
                .findFirst().orElseThrow();
        Map<String, Object> seriesBefore = seriesOf(before, quiet.id());

        for (int index = 0; index < POSTED; index++) {
            given().contentType(ContentType.JSON)
                    .body("{\"source\":\"portal\",\"externalId\":\"" + TestMessages.uniqueId() + "\",\"text\":\"Не вывезли мусор с площадки, дом "
                            + index + "\",\"municipality\":\"" + quiet.id() + "\",\"category\":\"" + improvement + "\"}")
                    .when().post("/api/v1/messages").then().statusCode(202);
        }
        JsonPath answer = await(Map.of("municipality", quiet.id(), "limit", "200"),
                json -> seriesOf(json, improvement, quiet.id()) != null
                        && ((Number) seriesOf(json, improvement, quiet.id()).get("lastWeek")).longValue() == POSTED);

        LocalDate tomorrow = LocalDate.now(ZoneId.of(region.timeZone())).plusDays(1);
        assertThat(answer.getString("firstDay")).isEqualTo(tomorrow.toString());
        assertThat(answer.getString("lastDay")).isEqualTo(tomorrow.plusDays(6).toString());
        assertThat(answer.getString("timeZone")).isEqualTo(region.timeZone());
        assertThat(answer.getDouble("coverage")).isEqualTo(0.8);
        assertThat(answer.getBoolean("learning")).isFalse();
        assertThat(answer.getString("learningDaysLeft")).isNull();
        assertThat(answer.getString("municipality")).isEqualTo(quiet.id());
        assertThat(answer.getString("category")).isNull();
        assertThat(answer.getString("order")).isEqualTo("expected");
        assertThat(answer.getInt("limit")).isEqualTo(200);
        assertThat(answer.getString("categoriesOver")).isEqualTo("municipalities");
        assertThat(Instant.parse(answer.getString("computedAt"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(answer.getMap("$")).hasSize(16);

        List<Map<String, Object>> series = answer.getList("series");
        assertThat(answer.getInt("total")).isEqualTo(series.size());
        for (Map<String, Object> one : series) {
            assertThat(one).hasSize(11).containsEntry("municipality", quiet.id())
                    .containsEntry("municipalityName", municipalityNames.get(quiet.id()))
                    .containsEntry("categoryName", categoryNames.get((String) one.get("category")));
            double expected = number(one, "expected");
            assertThat(number(one, "low")).isLessThanOrEqualTo(number(one, "median"));
            assertThat(number(one, "median")).isLessThanOrEqualTo(number(one, "high"));
            assertThat(number(one, "rise")).isCloseTo(expected - number(one, "lastWeek"), within(0.0015));
            List<Map<String, Object>> days = days(one);
            assertThat(days).hasSize(7);
            double sum = 0;
            for (int offset = 0; offset < 7; offset++) {
                Map<String, Object> day = days.get(offset);
                assertThat(day).hasSize(5).containsEntry("day", tomorrow.plusDays(offset).toString());
                assertThat(number(day, "low")).isLessThanOrEqualTo(number(day, "median"));
                assertThat(number(day, "median")).isLessThanOrEqualTo(number(day, "high"));
                sum += number(day, "expected");
            }
            assertThat(sum).isCloseTo(expected, within(0.01));
        }
        // Most expected first.
        List<Double> expected = series.stream().map(one -> number(one, "expected")).toList();
        assertThat(expected).isSortedAccordingTo((left, right) -> Double.compare(right, left));

        Map<String, Object> posted = seriesOf(answer, improvement, quiet.id());
        assertThat(posted).containsEntry("category", improvement).containsEntry("lastWeek", POSTED);
        if (seriesBefore != null) {
            // Five messages where none were in memory: the trend lifts the forecast.
            assertThat(number(posted, "expected")).isGreaterThan(number(seriesBefore, "expected"));
        }
        assertThat(number(posted, "expected")).isPositive();

        // The municipality's total is its series summed (all listed: limit 200); the categories over it likewise.
        List<Map<String, Object>> municipalities = answer.getList("municipalities");
        assertThat(municipalities).hasSize(1);
        Map<String, Object> area = municipalities.get(0);
        assertThat(area).hasSize(7).containsEntry("municipality", quiet.id())
                .containsEntry("municipalityName", municipalityNames.get(quiet.id()));
        assertThat(number(area, "expected")).isCloseTo(expected.stream().mapToDouble(Double::doubleValue).sum(), within(0.01));
        assertThat(number(area, "lastWeek")).isEqualTo(series.stream().mapToDouble(one -> number(one, "lastWeek")).sum());
        assertThat(number(area, "low")).isLessThanOrEqualTo(number(area, "median"));
        assertThat(number(area, "median")).isLessThanOrEqualTo(number(area, "high"));
        List<Map<String, Object>> categories = answer.getList("categories");
        assertThat(categories).extracting(one -> one.get("category"))
                .containsExactlyInAnyOrderElementsOf(series.stream().map(one -> one.get("category")).toList());
        Map<String, Object> improvementTotal = categories.stream().filter(one -> improvement.equals(one.get("category"))).findFirst().orElseThrow();
        assertThat(improvementTotal).hasSize(7).containsEntry("categoryName", "Благоустройство").containsEntry("lastWeek", POSTED);
        assertThat(number(improvementTotal, "expected")).isCloseTo(number(posted, "expected"), within(0.0015));
        assertThat(improvementTotal.get("low")).isEqualTo(posted.get("low"));
        assertThat(improvementTotal.get("high")).isEqualTo(posted.get("high"));

        // The whole region: category totals from the region's own series; ordered by rise; the limit keeps the first.
        JsonPath byRise = given().queryParam("order", "rise").queryParam("limit", 3).when().get(FORECAST)
                .then().statusCode(200).extract().jsonPath();
        assertThat(byRise.getString("order")).isEqualTo("rise");
        assertThat(byRise.getString("categoriesOver")).isEqualTo("region");
        assertThat(byRise.getList("series")).hasSizeLessThanOrEqualTo(3);
        assertThat(byRise.getInt("total")).isGreaterThanOrEqualTo(byRise.getList("series").size());
        List<Double> rises = byRise.getList("series", Map.class).stream().map(one -> number(cast(one), "rise")).toList();
        assertThat(rises).isSortedAccordingTo((left, right) -> Double.compare(right, left));
        Map<String, Object> regionImprovement = byRise.getList("categories", Map.class).stream().map(WeekAheadApiTest::cast)
                .filter(one -> improvement.equals(one.get("category"))).findFirst().orElseThrow();
        assertThat(((Number) regionImprovement.get("lastWeek")).longValue()).isGreaterThanOrEqualTo(POSTED);
        List<Double> areaTotals = byRise.getList("municipalities", Map.class).stream().map(one -> number(cast(one), "expected")).toList();
        assertThat(areaTotals).isSortedAccordingTo((left, right) -> Double.compare(right, left));

        // A category filter keeps that category's series only.
        JsonPath oneCategory = given().queryParam("category", improvement).when().get(FORECAST)
                .then().statusCode(200).extract().jsonPath();
        assertThat(oneCategory.getList("series.category", String.class)).isNotEmpty().containsOnly(improvement);
        assertThat(oneCategory.getList("categories.category", String.class)).containsExactly(improvement);
    }

    @Test
    void anOfficialSeesItsOwnMunicipalityOnly() throws Exception {
        awaitWarm(Map.of());
        String kolpino = RegionLookup.municipalityId(region, "город Колпино");
        JsonPath own = given().header("Authorization", Tokens.bearer("official-kolpino")).queryParam("limit", 200)
                .when().get(FORECAST).then().statusCode(200).extract().jsonPath();
        assertThat(own.getString("categoriesOver")).isEqualTo("municipalities");
        assertThat(Set.copyOf(own.getList("series.municipality", String.class))).isSubsetOf(Set.of(kolpino));
        assertThat(Set.copyOf(own.getList("municipalities.municipality", String.class))).isSubsetOf(Set.of(kolpino));
        given().header("Authorization", Tokens.bearer("official-kolpino"))
                .when().get(FORECAST + "?municipality=spb-kolomna")
                .then().statusCode(403).contentType("application/problem+json")
                .body(equalTo("{\"type\":\"urn:tsur-pulse:problem:forbidden\",\"title\":\"Нет прав на это действие\","
                        + "\"status\":403,\"detail\":\"Прогноз доступен только по вашим муниципалитетам\"}"));
    }

    @Test
    void badParametersAndRolesWithoutAccessAreRefused() {
        given().when().get(FORECAST + "?limit=0&municipality=nowhere&category=nothing&order=largest").then().statusCode(400)
                .contentType("application/problem+json").body(equalTo(ProblemBodies.invalid(
                        "order", "одно из значений: expected, rise",
                        "limit", "целое число от 1 до 200",
                        "municipality", "неизвестный идентификатор; идентификаторы — в GET /api/v1/region",
                        "category", "неизвестный идентификатор; идентификаторы — в GET /api/v1/region")));
        given().when().get(FORECAST + "?limit=201").then().statusCode(400)
                .contentType("application/problem+json").body(equalTo(ProblemBodies.invalid("limit", "целое число от 1 до 200")));
        given().header("Authorization", Tokens.bearer("executor-zhks1")).when().get(FORECAST)
                .then().statusCode(403).contentType("application/problem+json")
                .body(equalTo("{\"type\":\"urn:tsur-pulse:problem:forbidden\",\"title\":\"Нет прав на это действие\","
                        + "\"status\":403,\"detail\":\"Ваша роль не позволяет это действие\"}"));
    }

    /** The first 200 answer (503 while the baselines warm up). */
    private static JsonPath awaitWarm(Map<String, String> query) throws InterruptedException {
        return await(query, json -> true);
    }

    private static JsonPath await(Map<String, String> query, java.util.function.Predicate<JsonPath> done) throws InterruptedException {
        Instant until = Instant.now().plus(WAIT);
        JsonPath last = null;
        while (Instant.now().isBefore(until)) {
            var response = given().queryParams(query).when().get(FORECAST).then().extract();
            if (response.statusCode() == 200) {
                last = response.jsonPath();
                if (done.test(last)) {
                    return last;
                }
            } else {
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no forecast as awaited within " + WAIT + "; last: " + (last == null ? null : last.prettify()));
    }

    /** The series of a municipality in an answer of one category; null when absent. */
    private static Map<String, Object> seriesOf(JsonPath answer, String municipality) {
        return answer.getList("series", Map.class).stream().map(WeekAheadApiTest::cast)
                .filter(one -> municipality.equals(one.get("municipality"))).findFirst().orElse(null);
    }

    private static Map<String, Object> seriesOf(JsonPath answer, String category, String municipality) {
        return answer.getList("series", Map.class).stream().map(WeekAheadApiTest::cast)
                .filter(one -> municipality.equals(one.get("municipality")) && category.equals(one.get("category")))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> days(Map<String, Object> series) {
        return (List<Map<String, Object>>) series.get("days");
    }

    private static double number(Map<String, Object> item, String field) {
        return ((Number) item.get(field)).doubleValue();
    }
}
