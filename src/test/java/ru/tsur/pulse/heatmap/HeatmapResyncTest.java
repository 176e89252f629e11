package ru.tsur.pulse.heatmap;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.support.RegionLookup;
import ru.tsur.pulse.support.ScreenClient;
import ru.tsur.pulse.support.TestMessages;

import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screen that misses a delta sees the gap in the sequence numbers, asks for a resync and gets a
 * snapshot that includes what it missed; a screen may also switch windows.
 */
@QuarkusTest
class HeatmapResyncTest {

    @Inject
    Region region;

    @TestHTTPResource("/")
    URL base;

    @Test
    void screenThatMissesADeltaResyncsToTheFullPicture() throws Exception {
        String nevsky = RegionLookup.municipalityId(region, "муниципальный округ Невский округ");
        try (ScreenClient screen = ScreenClient.connect(base.getPort(), "/ws/heatmap?window=1h")) {
            JsonNode snapshot = screen.awaitType("snapshot", Duration.ofSeconds(10));
            long seq = snapshot.path("seq").asLong();

            CountsSeen seen = new CountsSeen(snapshot, nevsky);
            post(nevsky);
            JsonNode missed = screen.await(seen::raised, Duration.ofSeconds(10));
            post(nevsky);
            JsonNode next = screen.await(seen::raised, Duration.ofSeconds(10));
            assertThat(next.path("seq").asLong()).isGreaterThan(missed.path("seq").asLong());
            assertThat(missed.path("seq").asLong()).isGreaterThan(seq);

            // Pretend «missed» never arrived: the screen holds seq and sees next.seq > seq + 1, so it asks.
            screen.send("{\"type\":\"resync\"}");
            JsonNode resynced = screen.awaitType("snapshot", Duration.ofSeconds(10));
            assertThat(resynced.path("seq").asLong()).isGreaterThanOrEqualTo(next.path("seq").asLong());
            long before = IngestCells.sum(snapshot, nevsky);
            assertThat(IngestCells.sum(resynced, nevsky)).isEqualTo(before + 2);
        }
    }

    @Test
    void screenCanSwitchWindowsAndUnknownWindowsAreRefused() throws Exception {
        try (ScreenClient screen = ScreenClient.connect(base.getPort(), "/ws/heatmap")) {
            assertThat(screen.awaitType("snapshot", Duration.ofSeconds(10)).path("window").asText()).isEqualTo("1h");
            screen.send("{\"type\":\"subscribe\",\"window\":\"7d\"}");
            assertThat(screen.awaitType("snapshot", Duration.ofSeconds(10)).path("window").asText()).isEqualTo("7d");
            screen.send("{\"type\":\"subscribe\",\"window\":\"1y\"}");
            assertThat(screen.awaitType("error", Duration.ofSeconds(10)).path("message").asText()).contains("Unknown window");
        }
        try (ScreenClient screen = ScreenClient.connect(base.getPort(), "/ws/heatmap?window=1y")) {
            assertThat(screen.awaitType("error", Duration.ofSeconds(10)).path("message").asText())
                    .isEqualTo("Unknown window; use 1h, 24h or 7d");
        }
    }

    /**
     * The counts of one municipality's cells as the frames seen so far say; a delta "raises" them when one
     * of its cells grew (a delta that only changes tension scores carries the same counts).
     */
    private static final class CountsSeen {
        private final String municipality;
        private final Map<String, Long> counts = new HashMap<>();

        CountsSeen(JsonNode snapshot, String municipality) {
            this.municipality = municipality;
            for (JsonNode cell : snapshot.path("cells")) {
                if (cell.path("m").asText().equals(municipality)) {
                    counts.put(cell.path("c").asText(), cell.path("n").asLong());
                }
            }
        }

        boolean raised(JsonNode frame) {
            if (!"delta".equals(frame.path("type").asText())) {
                return false;
            }
            boolean raised = false;
            for (JsonNode cell : frame.path("cells")) {
                if (cell.path("m").asText().equals(municipality)) {
                    long count = cell.path("n").asLong();
                    raised |= count > counts.getOrDefault(cell.path("c").asText(), 0L);
                    counts.put(cell.path("c").asText(), count);
                }
            }
            return raised;
        }
    }

    private void post(String municipality) {
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"hotline\",\"externalId\":\"" + TestMessages.uniqueId()
                        + "\",\"text\":\"Не вывезен мусор\",\"municipality\":\"" + municipality + "\"}")
                .when().post("/api/v1/messages").then().statusCode(202);
    }

    /** Sums a municipality's cells in a snapshot. */
    static final class IngestCells {
        static long sum(JsonNode snapshot, String municipality) {
            long sum = 0;
            for (JsonNode cell : snapshot.path("cells")) {
                if (cell.path("m").asText().equals(municipality)) {
                    sum += cell.path("n").asLong();
                }
            }
            return sum;
        }
    }
}
