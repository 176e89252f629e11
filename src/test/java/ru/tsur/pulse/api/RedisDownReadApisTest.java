package ru.tsur.pulse.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.Unreachable;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis out of reach (a port nothing listens on; the same profile as the ingest's Redis test), the
 * reads of the Redis view — the heat map and the municipality figures — answer 503 with Retry-After and a problem body naming Redis, not a 500.
 */
@QuarkusTest
@TestProfile(Unreachable.Redis.class)
class RedisDownReadApisTest {

    @Test
    void readsOfTheRedisViewAnswer503WithRetryAfter() {
        for (String read : List.of("/api/v1/heatmap", "/api/v1/heatmap?window=7d", "/api/v1/metrics/municipalities")) {
            Response response = given().when().get(read);
            assertThat(response.statusCode()).as(read).isEqualTo(503);
            assertThat(response.contentType()).as(read).isEqualTo("application/problem+json");
            assertThat(response.header("Retry-After")).as(read).isEqualTo("5");
            assertThat(response.asString()).as(read)
                    .isEqualTo(ProblemBodies.unavailable("Redis недоступен; повторите запрос через 5 с"));
        }
    }
}
