package ru.tsur.pulse.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.alerts.Alert;
import ru.tsur.pulse.alerts.AlertRaise;
import ru.tsur.pulse.alerts.AlertService;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.ScreenClient;
import ru.tsur.pulse.support.TestMessages;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipal ЦУР's wall sees its own municipality only: the screens of {@code official-kolpino} (token claim
 * {@code municipality: spb-kolpino}) get Kolpino's heat-map cells and scores, messages and alerts, and never
 * another municipality's — while the frames keep their sequence numbers, so the protocol holds.
 */
@QuarkusTest
class MunicipalScreensTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String OWN = "spb-kolpino";
    private static final String OTHER = "spb-kolomna";

    @TestHTTPResource("/")
    URL base;

    @Inject
    AlertService alerts;

    @Test
    void aMunicipalOfficialsScreensShowItsMunicipalityAndNoOther() throws Exception {
        try (ScreenClient heat = ScreenClient.connect(base.getPort(), "/ws/heatmap?window=1h", "official-kolpino");
             ScreenClient feed = ScreenClient.connect(base.getPort(), "/ws/feed", "official-kolpino");
             ScreenClient alertScreen = ScreenClient.connect(base.getPort(), "/ws/alerts", "official-kolpino")) {
            assertOnlyOwn(heat.awaitType("snapshot", WAIT));
            assertOnlyOwn(feed.awaitType("snapshot", WAIT));
            assertOnlyOwn(alertScreen.awaitType("snapshot", WAIT));

            long other = CaseFixtures.post(OTHER, "Неубранный снег " + TestMessages.uniqueId(), "Не убран снег во дворе", Instant.now());
            long own = CaseFixtures.post(OWN, "Неубранный снег " + TestMessages.uniqueId(), "Не убран снег у школы", Instant.now());
            Alert otherAlert = alerts.raise(tension(OTHER)).await().atMost(WAIT);
            Alert ownAlert = alerts.raise(tension(OWN)).await().atMost(WAIT);

            List<JsonNode> feedFrames = until(feed, frame -> frame.path("messages").findValuesAsText("id").contains(Long.toString(own)));
            assertThat(feedFrames).allSatisfy(MunicipalScreensTest::assertOnlyOwn);
            assertThat(feedFrames.toString()).doesNotContain("\"id\":" + other + ",");
            List<JsonNode> heatFrames = until(heat, frame -> frame.path("cells").findValuesAsText("m").contains(OWN));
            assertThat(heatFrames).allSatisfy(MunicipalScreensTest::assertOnlyOwn);
            List<JsonNode> alertFrames = until(alertScreen, frame -> frame.path("alerts").findValuesAsText("id").contains(ownAlert.id()));
            assertThat(alertFrames).allSatisfy(MunicipalScreensTest::assertOnlyOwn);
            assertThat(alertFrames.toString()).doesNotContain(otherAlert.id());
        }
    }

    @Test
    void aMunicipalOfficialsRatesAndRankingsCountItsMunicipalityOnly() {
        CaseFixtures.post(OTHER, "Неубранный снег " + TestMessages.uniqueId(), "Не убран снег во дворе", Instant.now());
        CaseFixtures.post(OWN, "Неубранный снег " + TestMessages.uniqueId(), "Не убран снег у школы", Instant.now());
        String official = ru.tsur.pulse.support.Tokens.bearer("official-kolpino");
        assertThat(io.restassured.RestAssured.given().header("Authorization", official)
                .when().get("/api/v1/cases/repeat-rate?by=municipality").then().statusCode(200)
                .extract().jsonPath().getList("items.key", String.class)).allMatch(OWN::equals);
        io.restassured.RestAssured.given().header("Authorization", official)
                .when().get("/api/v1/cases/repeat-rate?by=executor").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(io.restassured.RestAssured.given().header("Authorization", official)
                .when().get("/api/v1/scorecards?by=municipality").then().statusCode(200)
                .extract().jsonPath().getList("rows.key", String.class)).allMatch(OWN::equals);
    }

    /** Every municipality a frame names — cells, scores, messages, alert labels — is the official's own. */
    private static void assertOnlyOwn(JsonNode frame) {
        List<String> named = new ArrayList<>();
        frame.path("cells").forEach(cell -> named.add(cell.path("m").asText()));
        frame.path("scores").forEach(score -> named.add(score.path("m").asText()));
        frame.path("messages").forEach(message -> named.add(message.path("municipality").asText()));
        frame.path("alerts").forEach(alert -> named.add(alert.path("labels").path("municipality").asText()));
        assertThat(named).as(frame.toString()).allMatch(OWN::equals);
    }

    /** The frames up to and including the first that matches (each is returned to be checked). */
    private static List<JsonNode> until(ScreenClient screen, Predicate<JsonNode> wanted) throws InterruptedException {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = screen.frames().poll(200, TimeUnit.MILLISECONDS);
            if (frame == null) {
                continue;
            }
            seen.add(frame);
            if (wanted.test(frame)) {
                return seen;
            }
        }
        throw new AssertionError("No matching frame within " + WAIT + "; saw " + seen);
    }

    private static AlertRaise tension(String municipality) {
        return new AlertRaise("tension", Map.of("municipality", municipality, "probe", TestMessages.uniqueId()),
                "warning", "Всплеск обращений", "В 3 раза выше обычного", Map.of(), null, null);
    }
}
