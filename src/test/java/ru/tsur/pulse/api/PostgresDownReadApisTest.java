package ru.tsur.pulse.api;

import ru.tsur.pulse.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.Unreachable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With PostgreSQL out of reach (a port nothing listens on; the same profile as the ingest's outage test, so
 * both share one start of the service), every read API that needs it answers 503 with
 * Retry-After and a problem body — the whole body, the same for each — instead of a 500 in plain text. The
 * tension APIs read the detector in memory, which cannot warm up without PostgreSQL: they answer 503 too.
 */
@QuarkusTest
@TestProfile(Unreachable.Postgres.class)
class PostgresDownReadApisTest {

    private static final String ALERT = "/api/v1/alerts/0123456789abcdef01234567";

    @Test
    void everyReadApiThatNeedsPostgresAnswers503WithRetryAfter() {
        List<String> reads = List.of("/api/v1/cases", "/api/v1/cases?status=assigned&overdue=true&page=1&size=10",
                "/api/v1/cases/42", "/api/v1/cases/repeat-rate?by=topic", "/api/v1/alerts", "/api/v1/alerts?state=firing",
                ALERT, ALERT + "/history", "/api/v1/deadlines/summary", "/api/v1/scorecards",
                "/api/v1/scorecards?by=municipality", "/api/v1/messages/recent?limit=5",
                "/api/v1/prevention/places", "/api/v1/prevention/places?category=improvement&limit=5");
        for (String read : reads) {
            Response response = given().when().get(read);
            assertThat(response.statusCode()).as(read).isEqualTo(503);
            assertThat(response.contentType()).as(read).isEqualTo("application/problem+json");
            assertThat(response.header("Retry-After")).as(read).isEqualTo("5");
            assertThat(response.asString()).as(read)
                    .isEqualTo(ProblemBodies.unavailable("PostgreSQL недоступен; повторите запрос через 5 с"));
        }
    }

    @Test
    void tensionApisAnswer503UntilTheDetectorHasReadItsHistory() {
        for (String read : List.of("/api/v1/tension-points", "/api/v1/dynamics?step=1h")) {
            given().when().get(read).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5");
            assertThat(given().when().get(read).asString()).as(read).isEqualTo(
                    ProblemBodies.unavailable("Детектор напряжённости ещё читает историю; повторите запрос чуть позже"));
        }
    }

    @Test
    void aBodylessCounterRebuildAnswers503Too() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + RestAssured.port + "/api/v1/admin/counters/rebuild")).header("Authorization", Tokens.bearer(Tokens.TEST_USER))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).isEqualTo(ProblemBodies.unavailable("PostgreSQL недоступен; повторите запрос через 5 с"));
    }

    @Test
    void badParametersAreStill400BeforePostgresIsAsked() {
        given().when().get("/api/v1/cases?size=0").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/cases/abc").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/alerts/not-a-fingerprint").then().statusCode(404).contentType("application/problem+json");
    }
}
