package ru.tsur.pulse.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.TestMessages;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * With PostgreSQL out of reach (a port nothing listens on), nothing is acknowledged: the API answers
 * 503 with Retry-After and a problem body.
 */
@QuarkusTest
@TestProfile(StorageDownTest.PostgresUnreachable.class)
class StorageDownTest {

    public static class PostgresUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:9/pulse_test",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.datasource.health.enabled", "false");
        }
    }

    @Test
    void messageIsRefusedWith503AndRetryAfter() {
        given().contentType(ContentType.JSON)
                .body(TestMessages.at(TestMessages.uniqueId(), 59.93, 30.31, null, "Яма на дороге"))
                .when().post("/api/v1/messages")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("detail", containsString("PostgreSQL"));
    }
}
