package ru.tsur.pulse.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.counters.CounterStore;
import ru.tsur.pulse.domain.CountedCell;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.support.RegionLookup;
import ru.tsur.pulse.support.ScreenClient;
import ru.tsur.pulse.support.TestMessages;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The spine end to end on the real PostgreSQL and Redis: a message posted with St Petersburg
 * coordinates is stored, counted once in the right Redis cell and pushed as a delta to a screen; its
 * repeat changes nothing.
 */
@QuarkusTest
class IngestPipelineTest {

    // Центр Колпино, у Ижорского завода.
    private static final double KOLPINO_LAT = 59.7500;
    private static final double KOLPINO_LON = 30.5890;

    @Inject
    Region region;
    @Inject
    Pool pool;
    @Inject
    CounterStore counters;

    @TestHTTPResource("/")
    URL base;

    private String kolpino;
    private String landscaping;

    @BeforeEach
    void ids() {
        kolpino = RegionLookup.municipalityId(region, "город Колпино");
        landscaping = RegionLookup.categoryId(region, "Благоустройство");
    }

    @Test
    void messageIsStoredCountedAndPushedOnceAndItsRepeatChangesNothing() throws Exception {
        try (ScreenClient screen = ScreenClient.connect(base.getPort(), "/ws/heatmap?window=24h")) {
            JsonNode snapshot = screen.awaitType("snapshot", Duration.ofSeconds(10));
            assertThat(snapshot.path("window").asText()).isEqualTo("24h");
            long shownBefore = settledCount(screen, snapshot, kolpino, landscaping);
            long totalBefore = total(kolpino, landscaping);

            String externalId = TestMessages.uniqueId();
            String body = TestMessages.at(externalId, KOLPINO_LAT, KOLPINO_LON, "Благоустройство",
                    "<p>Во дворе&nbsp;не убран   снег</p>");
            long id = given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/messages")
                    .then().statusCode(202).body("duplicate", equalTo(false)).body("id", notNullValue())
                    .extract().jsonPath().getLong("id");

            Row row = pool.preparedQuery("SELECT * FROM message WHERE id = $1").execute(Tuple.of(id))
                    .await().indefinitely().iterator().next();
            assertThat(row.getString("source")).isEqualTo("portal");
            assertThat(row.getString("external_id")).isEqualTo(externalId);
            assertThat(row.getString("text_normalized")).isEqualTo("Во дворе не убран снег");
            assertThat(row.getString("municipality_id")).isEqualTo(kolpino);
            assertThat(row.getString("locate_method")).isEqualTo("coordinates");
            assertThat(row.getString("category_id")).isEqualTo(landscaping);
            assertThat(row.getString("classify_method")).isEqualTo("source");

            JsonNode delta = screen.await(frame -> "delta".equals(frame.path("type").asText())
                    && cellCount(frame, kolpino, landscaping) == shownBefore + 1, Duration.ofSeconds(10));
            assertThat(delta.path("seq").asLong()).isGreaterThan(snapshot.path("seq").asLong());
            await().atMost(Duration.ofSeconds(5)).until(() -> total(kolpino, landscaping) == totalBefore + 1);

            long repeatId = given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/messages")
                    .then().statusCode(202).body("duplicate", equalTo(true))
                    .extract().jsonPath().getLong("id");
            assertThat(repeatId).isEqualTo(id);
            Thread.sleep(1500);
            assertThat(total(kolpino, landscaping)).isEqualTo(totalBefore + 1);
            long rows = pool.preparedQuery("SELECT count(*) AS n FROM message WHERE source = 'portal' AND external_id = $1")
                    .execute(Tuple.of(externalId)).await().indefinitely().iterator().next().getLong("n");
            assertThat(rows).isEqualTo(1);
            assertThat(screen.frames()).noneMatch(frame -> "delta".equals(frame.path("type").asText())
                    && cellCount(frame, kolpino, landscaping) > shownBefore + 1);
        }
    }

    @Test
    void batchAsNdjsonStoresEveryItemInOrderAndRepeatsWithinTheBatchShareAnId() {
        String first = TestMessages.uniqueId();
        String second = TestMessages.uniqueId();
        String ndjson = TestMessages.at(first, KOLPINO_LAT, KOLPINO_LON, null, "Не горит фонарь у дома 5") + "\n"
                + TestMessages.at(second, 59.9386, 30.3141, null, "Сосульки на крыше над входом") + "\n"
                + TestMessages.at(first, KOLPINO_LAT, KOLPINO_LON, null, "Не горит фонарь у дома 5") + "\n";
        var answer = given().contentType("application/x-ndjson; charset=UTF-8").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/messages/batch")
                .then().statusCode(202).body("accepted", equalTo(3)).body("duplicates", equalTo(1))
                .extract().jsonPath();
        List<Long> ids = answer.getList("results.id", Long.class);
        assertThat(ids.get(2)).isEqualTo(ids.get(0));
        assertThat(ids.get(1)).isNotEqualTo(ids.get(0));
        // The decisions run in parallel, so either copy of the repeated key may reach PostgreSQL first: exactly one
        // of the two is the duplicate, and both carry the same id.
        List<Boolean> duplicates = answer.getList("results.duplicate", Boolean.class);
        assertThat(duplicates.get(1)).isFalse();
        assertThat(List.of(duplicates.get(0), duplicates.get(2))).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void restSnapshotMatchesRedisWindows() {
        given().when().get("/api/v1/heatmap?window=7d")
                .then().statusCode(200).body("type", equalTo("snapshot")).body("window", equalTo("7d"))
                .body("region", equalTo("spb"));
        given().when().get("/api/v1/heatmap?window=2h")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private long total(String municipality, String category) {
        return counters.totals(List.of(municipality)).await().indefinitely().stream()
                .filter(cell -> cell.categoryId().equals(category)).mapToLong(CountedCell::count).sum();
    }

    /**
     * The cell's count on the screen once deltas already on their way have arrived: messages of earlier
     * tests in the same application may still be reaching the wall when the snapshot is taken (it can
     * stand a tick behind Redis), and their deltas must not be mistaken for this test's message.
     */
    private static long settledCount(ScreenClient screen, JsonNode snapshot, String municipality, String category)
            throws InterruptedException {
        long shown = cellCount(snapshot, municipality, category);
        Thread.sleep(1500);
        JsonNode frame;
        while ((frame = screen.frames().poll()) != null) {
            if ("delta".equals(frame.path("type").asText()) && hasCell(frame, municipality, category)) {
                shown = cellCount(frame, municipality, category);
            }
        }
        return shown;
    }

    private static boolean hasCell(JsonNode frame, String municipality, String category) {
        for (JsonNode cell : frame.path("cells")) {
            if (cell.path("m").asText().equals(municipality) && cell.path("c").asText().equals(category)) {
                return true;
            }
        }
        return false;
    }

    static long cellCount(JsonNode frame, String municipality, String category) {
        for (JsonNode cell : frame.path("cells")) {
            if (cell.path("m").asText().equals(municipality) && cell.path("c").asText().equals(category)) {
                return cell.path("n").asLong();
            }
        }
        return 0;
    }
}
