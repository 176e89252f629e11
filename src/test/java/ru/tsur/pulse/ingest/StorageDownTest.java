package ru.tsur.pulse.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Unreachable;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * With PostgreSQL out of reach (a port nothing listens on), nothing is acknowledged: the API answers
 * 503 with Retry-After and a problem body.
 */
@QuarkusTest
@TestProfile(Unreachable.Postgres.class)
class StorageDownTest {

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
