package ru.tsur.pulse.screens;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.support.ScreenClient;
import ru.tsur.pulse.support.TestKafka;
import ru.tsur.pulse.support.TestMessages;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Under the {@code kafka} profile what reaches screens travels through the screens topics: a change this replica
 * makes goes out on them and comes back from them, and a change another replica wrote there reaches this
 * replica's screens (written here by a plain producer, exactly as another replica's producer writes it). The
 * tension detector is off, so the only scores on the heat map are the ones the test sends.
 */
@QuarkusTest
@TestProfile(ScreensOnKafkaTest.KafkaScreens.class)
class ScreensOnKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** What the issue asks of a change on another replica: on every screen within a second or two. */
    private static final Duration WITHIN = Duration.ofSeconds(2);

    public static final class KafkaScreens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(TestKafka.kafkaProfile("messages-screens", 3));
            overrides.put("pulse.tension.enabled", "false");
            return overrides;
        }
    }

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "PULSE_KAFKA_BOOTSTRAP_SERVERS")
    String bootstrapServers;

    @ConfigProperty(name = "PULSE_KAFKA_SCREENS_PREFIX")
    String screens;

    @Inject
    Region region;

    @Test
    void aFeedBatchAnotherReplicaStoredReachesThisReplicasFeedScreens() throws Exception {
        try (ScreenClient feed = ScreenClient.connect(base.getPort(), "/ws/feed")) {
            feed.awaitType("snapshot", WAIT);
            long id = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
            Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            send(screens + "-feed", """
                    {"messages":[{"id":%d,"createdAt":"%s","receivedAt":"%s","municipality":"spb-kolpino",\
                    "category":"improvement","topic":null,"text":"С другой реплики: не горит фонарь"}]}"""
                    .formatted(id, created.minusSeconds(5), created));

            JsonNode frame = feed.await(next -> "messages".equals(next.path("type").asText()), WITHIN);
            assertThat(frame.path("messages").toString()).isEqualTo("""
                    [{"id":%d,"createdAt":"%s","receivedAt":"%s","municipality":"spb-kolpino","category":"improvement",\
                    "topic":null,"text":"С другой реплики: не горит фонарь"}]""".formatted(id, created.minusSeconds(5), created));
        }
    }

    @Test
    void tensionScoresAnotherReplicaPublishedReachThisReplicasHeatMap() throws Exception {
        String category = region.categories().get(0).id();
        try (ScreenClient heatmap = ScreenClient.connect(base.getPort(), "/ws/heatmap?window=1h")) {
            heatmap.awaitType("snapshot", WAIT);
            send(screens + "-tension", """
                    {"scores":{"spb-kolpino":{"%s":87}},"learning":{},"computedAt":"%s"}""".formatted(category, Instant.now()));

            JsonNode delta = heatmap.await(next -> "delta".equals(next.path("type").asText()) && next.has("scores"), WITHIN);
            assertThat(delta.path("scores").toString()).isEqualTo("[{\"m\":\"spb-kolpino\",\"t\":87}]");
        }
    }

    @Test
    void aMessageStoredHereGoesOutOnTheScreensTopicsAndComesBackToTheScreens() throws Exception {
        long countsBefore = endOffset(screens + "-counts");
        long feedBefore = endOffset(screens + "-feed");
        try (ScreenClient heatmap = ScreenClient.connect(base.getPort(), "/ws/heatmap?window=1h");
             ScreenClient feed = ScreenClient.connect(base.getPort(), "/ws/feed")) {
            heatmap.awaitType("snapshot", WAIT);
            feed.awaitType("snapshot", WAIT);
            String text = "Не убран снег во дворе " + TestMessages.uniqueId();
            given().contentType(ContentType.JSON).body("""
                    {"source":"portal","externalId":"%s","text":"%s","municipality":"spb-kolpino"}"""
                    .formatted(TestMessages.uniqueId(), text)).when().post("/api/v1/messages").then().statusCode(202);

            JsonNode shown = feed.await(next -> next.path("messages").toString().contains(text), WAIT);
            assertThat(shown.path("type").asText()).isEqualTo("messages");
            JsonNode counted = heatmap.await(next -> "delta".equals(next.path("type").asText())
                    && next.path("cells").toString().contains("\"m\":\"spb-kolpino\""), WAIT);
            assertThat(counted.path("window").asText()).isEqualTo("1h");
        }
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(endOffset(screens + "-counts")).as("the counting round went out on the counts topic")
                    .isGreaterThan(countsBefore);
            assertThat(endOffset(screens + "-feed")).as("the stored message went out on the feed topic")
                    .isGreaterThan(feedBefore);
        });
    }

    private void send(String topic, String json) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, json)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private long endOffset(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS).offset();
        }
    }
}
