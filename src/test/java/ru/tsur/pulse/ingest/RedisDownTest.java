package ru.tsur.pulse.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Unreachable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis is only a view: with Redis out of reach ingest still answers 202 and the message is stored,
 * left marked as not yet counted for when Redis returns.
 */
@QuarkusTest
@TestProfile(Unreachable.Redis.class)
class RedisDownTest {

    @Inject
    Pool pool;

    @Test
    void ingestKeepsWorkingAndLeavesTheMessageToCountLater() throws InterruptedException {
        long id = given().contentType(ContentType.JSON)
                .body(TestMessages.at(TestMessages.uniqueId(), 59.93, 30.31, null, "Не работает освещение"))
                .when().post("/api/v1/messages")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        Thread.sleep(2000);
        Row row = pool.preparedQuery("SELECT counted_at FROM message WHERE id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
        assertThat(row.getValue("counted_at")).isNull();
    }
}
