package ru.tsur.pulse.tension;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.support.RegionLookup;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.ScreenClient;
import ru.tsur.pulse.support.TestMessages;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * End to end on real PostgreSQL and Redis, with the test profile's minute buckets: a burst of posted
 * messages in one municipality × category raises a tension alert on {@code /ws/alerts} (explained, sample
 * messages masked) and a higher tension score in a heat-map delta; the tension APIs list and chart it and
 * refuse bad parameters with problem+json.
 */
@QuarkusTest
class TensionAlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int BURST = 12;
    private static final String PHONE = "+7 921 555-12-34";

    @Inject
    Region region;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aBurstRaisesAnExplainedTensionAlertAndAHigherScoreOnTheHeatMap() throws Exception {
        String improvement = RegionLookup.categoryId(region, "Благоустройство");
        try (ScreenClient alerts = ScreenClient.connect(base.getPort(), "/ws/alerts");
             ScreenClient heatmap = ScreenClient.connect(base.getPort(), "/ws/heatmap?window=1h")) {
            alerts.awaitType("snapshot", WAIT);
            JsonNode snapshot = heatmap.awaitType("snapshot", WAIT);
            // A municipality without tension now (an earlier run's burst may still be in the windows).
            Municipality quiet = region.municipalities().stream().filter(municipality -> municipality.name().startsWith("город"))
                    .filter(municipality -> municipalityScore(snapshot, municipality.id()) == 0).findFirst().orElseThrow();
            String municipalityId = quiet.id();
            String alertId = TensionAlertPublisher.alertId(new SeriesKey(municipalityId, improvement, null));
            int scoreBefore = cellScore(snapshot, municipalityId, improvement);

            for (int index = 0; index < BURST; index++) {
                String text = index == 0 ? "Не убран снег во дворе, звоните " + PHONE : "Не убран снег во дворе, дом " + index;
                given().contentType(ContentType.JSON)
                        .body("{\"source\":\"portal\",\"externalId\":\"" + TestMessages.uniqueId() + "\",\"text\":\"" + text
                                + "\",\"municipality\":\"" + quiet.name() + "\",\"category\":\"Благоустройство\"}")
                        .when().post("/api/v1/messages").then().statusCode(202);
            }

            // Raised as soon as the excess is significant, then updated as the burst's count grows.
            JsonNode change = alerts.await(frame -> "change".equals(frame.path("type").asText())
                    && alertIn(frame, alertId) != null
                    && alertIn(frame, alertId).path("details").path("observed").asLong() >= BURST, WAIT);
            JsonNode alert = alertIn(change, alertId);
            assertThat(alert.path("kind").asText()).isEqualTo("tension");
            assertThat(alert.path("state").asText()).isEqualTo("firing");
            assertThat(alert.path("labels").path("municipality").asText()).isEqualTo(municipalityId);
            assertThat(alert.path("labels").path("category").asText()).isEqualTo(improvement);
            assertThat(alert.path("group").asText()).isEqualTo("tension:category=" + improvement);
            assertThat(alert.path("title").asText()).isEqualTo("Всплеск обращений: " + quiet.name() + ", Благоустройство");
            JsonNode details = alert.path("details");
            assertThat(details.path("observed").asLong()).isGreaterThanOrEqualTo(BURST);
            assertThat(details.path("expected").asDouble()).isLessThan(1.0);
            assertThat(details.path("score").asInt()).isBetween(50, 100);
            assertThat(details.path("samples")).hasSize(3);
            for (JsonNode sample : details.path("samples")) {
                assertThat(sample.asText()).contains("снег").doesNotContain("555-12-34");
            }

            JsonNode delta = heatmap.await(frame -> "delta".equals(frame.path("type").asText())
                    && cellScore(frame, municipalityId, improvement) >= 50, WAIT);
            assertThat(cellScore(delta, municipalityId, improvement)).isGreaterThan(scoreBefore);
            assertThat(municipalityScore(delta, municipalityId)).isGreaterThanOrEqualTo(cellScore(delta, municipalityId, improvement));
            assertApis(quiet, improvement, alertId);
        }
    }

    private void assertApis(Municipality quiet, String improvement, String alertId) {
        String municipalityId = quiet.id();

        JsonPath points = given().when().get("/api/v1/tension-points?window=1h&limit=100")
                .then().statusCode(200).body("window", equalTo("1h")).extract().jsonPath();
        List<Map<String, Object>> kolpinoPoints = points.getList("points.findAll { it.municipality == '" + municipalityId
                + "' && it.category == '" + improvement + "' }");
        assertThat(kolpinoPoints).hasSize(1);
        Map<String, Object> point = kolpinoPoints.get(0);
        assertThat(point).containsEntry("municipalityName", quiet.name()).containsEntry("categoryName", "Благоустройство")
                .containsEntry("alertId", alertId).containsEntry("trend", "up");
        assertThat((Integer) point.get("score")).isBetween(50, 100);
        assertThat(((Number) point.get("observed")).longValue()).isGreaterThanOrEqualTo(BURST);
        assertThat(point.get("since")).isNotNull();

        String from = Instant.now().minus(Duration.ofMinutes(10)).toString().replace("Z", "+00:00");
        JsonPath dynamics = given().queryParam("municipality", municipalityId).queryParam("category", improvement)
                .queryParam("from", from).queryParam("step", "1m")
                .when().get("/api/v1/dynamics").then().statusCode(200).body("step", equalTo("PT1M"))
                .extract().jsonPath();
        List<Integer> observed = dynamics.getList("points.observed", Integer.class);
        assertThat(observed.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(BURST);
        assertThat(dynamics.getList("points.upper", Float.class)).allSatisfy(upper -> assertThat(upper).isGreaterThanOrEqualTo(0f));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("pulse_tension_series ", "pulse_tension_score_max ",
                "pulse_tension_alerts_raised_total{scope=\"municipality\"}", "pulse_tension_detector_seconds_count");
    }

    @Test
    void badParametersAreRefusedWithAProblemNamingEachOne() {
        given().when().get("/api/v1/tension-points?window=2h&limit=0").then().statusCode(400)
                .contentType("application/problem+json").body(equalTo(ProblemBodies.invalid(
                        "window", "одно из значений: 1h, 24h, 7d", "limit", "целое число от 1 до 100")));
        String step = "целое число интервалов по PT1M, например 1h или PT1H";
        given().when().get("/api/v1/dynamics?municipality=nowhere&step=7s&from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body(equalTo(ProblemBodies.invalid(
                        "municipality", "неизвестный идентификатор; идентификаторы — в GET /api/v1/region",
                        "from", "время ISO-8601 со смещением между 2000 и 9999 годом, например 2021-01-14T09:00:00+03:00",
                        "step", step)));
        given().when().get("/api/v1/dynamics?step=200000000000000d").then().statusCode(400)
                .contentType("application/problem+json").body(equalTo(ProblemBodies.invalid("step", step)));
        given().when().get("/api/v1/dynamics?topic=" + "т".repeat(201)).then().statusCode(400)
                .body(equalTo(ProblemBodies.invalid("topic", "не длиннее 200 символов (получено 201)")));
        given().queryParam("from", "2021-01-14T09:00:00+03:00").queryParam("to", "2021-01-14T08:00:00+03:00")
                .when().get("/api/v1/dynamics").then().statusCode(400).body(equalTo(ProblemBodies.invalid("from", "раньше, чем to")));
    }

    private static JsonNode alertIn(JsonNode frame, String id) {
        for (JsonNode alert : frame.path("alerts")) {
            if (alert.path("id").asText().equals(id)) {
                return alert;
            }
        }
        return null;
    }

    private static int cellScore(JsonNode frame, String municipality, String category) {
        for (JsonNode cell : frame.path("cells")) {
            if (cell.path("m").asText().equals(municipality) && cell.path("c").asText().equals(category)) {
                return cell.path("t").asInt(0);
            }
        }
        return 0;
    }

    private static int municipalityScore(JsonNode frame, String municipality) {
        for (JsonNode score : frame.path("scores")) {
            if (score.path("m").asText().equals(municipality)) {
                return score.path("t").asInt();
            }
        }
        return 0;
    }
}
