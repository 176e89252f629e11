package ru.tsur.pulse.counters;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.CountedCell;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis is a view: emptied while the service runs (as after a Redis restart), it is rebuilt from
 * PostgreSQL with the same counts; the admin endpoint rebuilds on demand.
 */
@QuarkusTest
class CounterRebuildTest {

    @Inject
    Pool pool;
    @Inject
    Redis redis;
    @Inject
    CounterStore store;
    @Inject
    CounterService counters;

    @Test
    void emptiedRedisIsRebuiltWithTheCountsOfPostgres() {
        for (int index = 0; index < 5; index++) {
            given().contentType(ContentType.JSON)
                    .body(TestMessages.at(TestMessages.uniqueId(), 59.95 + index * 0.01, 30.30, null,
                            "Не убран снег во дворе дома " + index))
                    .when().post("/api/v1/messages").then().statusCode(202);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> uncounted() == 0);

        redis.send(Request.cmd(Command.FLUSHDB)).await().indefinitely();
        assertThat(redisTotals()).isEmpty();

        await().atMost(Duration.ofSeconds(15)).until(() -> redisTotals().equals(postgresTotals()));
        assertThat(redisTotals()).isNotEmpty();
    }

    @Test
    void adminRebuildTakesNoBodyAndReportsWhatItCounted() throws Exception {
        given().contentType(ContentType.JSON)
                .body(TestMessages.at(TestMessages.uniqueId(), 59.93, 30.31, null, "Яма на дороге"))
                .when().post("/api/v1/messages").then().statusCode(202);
        // As curl -X POST sends it: no body, no Content-Type.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + RestAssured.port + "/api/v1/admin/counters/rebuild"))
                .header("Authorization", Tokens.bearer(Tokens.TEST_USER))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath report = new JsonPath(response.body());
        assertThat(report.getString("reason")).isEqualTo("requested by " + Tokens.TEST_USER);
        assertThat(report.getLong("messages")).isGreaterThan(0);
        assertThat(report.getInt("cells")).isGreaterThan(0);
        assertThat(Instant.parse(report.getString("at"))).isBefore(Instant.now());
        assertThat(redisTotals()).isEqualTo(postgresTotals());
    }

    private long uncounted() {
        return pool.query("SELECT count(*) AS n FROM message WHERE counted_at IS NULL").execute()
                .await().indefinitely().iterator().next().getLong("n");
    }

    private Map<String, Long> redisTotals() {
        Map<String, Long> totals = new HashMap<>();
        for (CountedCell cell : store.totals(counters.municipalityIds()).await().indefinitely()) {
            totals.put(cell.municipalityId() + "/" + cell.categoryId(), cell.count());
        }
        return totals;
    }

    private Map<String, Long> postgresTotals() {
        Map<String, Long> totals = new HashMap<>();
        List<Row> rows = new java.util.ArrayList<>();
        pool.query("SELECT municipality_id, category_id, count(*) AS n FROM message GROUP BY 1, 2").execute()
                .await().indefinitely().forEach(rows::add);
        rows.forEach(row -> totals.put(row.getString("municipality_id") + "/" + row.getString("category_id"),
                row.getLong("n")));
        return totals;
    }
}
