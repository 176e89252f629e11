package ru.tsur.pulse.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.ScreenClient;
import ru.tsur.pulse.support.TestMessages;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live feed: {@code GET /api/v1/messages/recent} and {@code /ws/feed} carry the masked display text and
 * never the author; a screen gets a snapshot, then new messages with consecutive sequence numbers, and a
 * resync on request.
 */
@QuarkusTest
class FeedSocketTest {

    @TestHTTPResource("/")
    URL base;

    private static long post(String externalId, String text, String author) {
        String body = """
                {"source":"hotline","externalId":"%s","text":"%s","municipality":"Колпино","author":"%s"}"""
                .formatted(externalId, text, author);
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages")
                .then().statusCode(202).extract().jsonPath().getLong("id");
    }

    @Test
    void recentMessagesShowTheMaskedTextAndNeverTheAuthor() {
        long id = post(TestMessages.uniqueId(), "Не вывезен мусор, звоните +7 921 000-00-00", "Петров Пётр Петрович");

        JsonPath recent = given().when().get("/api/v1/messages/recent?limit=5").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        List<Map<String, Object>> messages = recent.getList("messages");
        Map<String, Object> newest = messages.get(0);
        assertThat(((Number) newest.get("id")).longValue()).isEqualTo(id);
        assertThat(newest).containsOnlyKeys("id", "createdAt", "receivedAt", "municipality", "category", "topic", "text");
        assertThat(newest.get("text")).isEqualTo("Не вывезен мусор, звоните [телефон]");
        assertThat(newest.get("municipality")).isEqualTo("spb-kolpino");
        assertThat(messages.toString()).doesNotContain("Петров");
        assertThat(messages).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aBadLimitIsAProblem() {
        for (String limit : List.of("0", "201", "many")) {
            given().when().get("/api/v1/messages/recent?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aScreenGetsTheNewestThenEachNewMessageInSequenceAndCanResync() throws Exception {
        long before = post(TestMessages.uniqueId(), "Яма на дороге у дома 5", "Сидоров");
        try (ScreenClient screen = ScreenClient.connect(base.getPort(), "/ws/feed")) {
            JsonNode snapshot = screen.awaitType("snapshot", Duration.ofSeconds(10));
            assertThat(snapshot.path("messages").get(0).path("id").asLong()).isGreaterThanOrEqualTo(before);
            long seq = snapshot.path("seq").asLong();

            long id = post(TestMessages.uniqueId(), "Не горит фонарь во дворе", "Сидоров");
            JsonNode next = screen.await(frame -> "messages".equals(frame.path("type").asText())
                    && containsId(frame, id), Duration.ofSeconds(10));
            assertThat(next.path("seq").asLong()).isGreaterThan(seq);
            JsonNode item = findId(next, id);
            assertThat(item.path("text").asText()).isEqualTo("Не горит фонарь во дворе");
            assertThat(item.has("author")).isFalse();

            screen.send("{\"type\":\"resync\"}");
            JsonNode resynced = screen.awaitType("snapshot", Duration.ofSeconds(10));
            assertThat(resynced.path("seq").asLong()).isGreaterThanOrEqualTo(next.path("seq").asLong());
            assertThat(containsId(resynced, id)).isTrue();

            screen.send("{\"type\":\"nonsense\"}");
            assertThat(screen.awaitType("error", Duration.ofSeconds(10)).path("message").asText()).contains("resync");
        }
    }

    private static boolean containsId(JsonNode frame, long id) {
        return findId(frame, id) != null;
    }

    private static JsonNode findId(JsonNode frame, long id) {
        for (JsonNode message : frame.path("messages")) {
            if (message.path("id").asLong() == id) {
                return message;
            }
        }
        return null;
    }
}
