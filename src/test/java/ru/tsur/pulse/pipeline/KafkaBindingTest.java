package ru.tsur.pulse.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.locationtech.jts.geom.Point;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.locate.RegionPack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.TestKafka;
import ru.tsur.pulse.support.TestMessages;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The spike of issue 18's first step (docs/kafka-binding-spike.md): the same build, started with the
 * {@code kafka} configuration profile, binds the ingest channels to a topic of the in-JVM test broker. A message
 * posted to the API is answered 202 once the broker has it (no id yet: PostgreSQL has not seen it), the topic's
 * end offset grows by one, the pipeline consumes it and stores it in PostgreSQL, and the pipeline's consumer
 * group commits the offset only after that. Posting the same message again adds a record to the topic and no
 * row (the idempotency key). Records the pipeline cannot read, written to the topic by another producer (bad
 * JSON: refused by the connector; no value: refused by the pipeline), go to the dead-letter topic with their
 * reason, and the valid message behind them in the same partition is stored. Every
 * other test keeps the default in-process binding.
 */
@QuarkusTest
@TestProfile(KafkaBindingTest.KafkaBinding.class)
class KafkaBindingTest {

    private static final int PARTITIONS = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * The kafka profile's properties (as parent of the test profile), pointed at the in-JVM broker. The profile
     * runs in another class loader than the test's methods, so their {@link TestKafka} would be another broker:
     * the test reads the broker's address and the topic back from the configuration instead.
     */
    public static final class KafkaBinding implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(TestKafka.kafkaProfile("messages-binding", PARTITIONS));
            overrides.put("kafka-spike.binding", "kafka");
            return overrides;
        }
    }

    @Inject
    Pool pool;

    @Inject
    RegionPack pack;

    @Inject
    Region region;

    @Inject
    Instance<BuildTimeBindingMarker> buildTimeMarker;

    @ConfigProperty(name = "PULSE_KAFKA_BOOTSTRAP_SERVERS")
    String bootstrapServers;

    @ConfigProperty(name = "PULSE_KAFKA_TOPIC")
    String topic;

    @Test
    void aPostedMessageTravelsThroughTheTopicIntoPostgreSqlAndItsOffsetIsCommittedAfterwards() throws Exception {
        String externalId = TestMessages.uniqueId();
        String text = "Во дворе не вывезен мусор, контейнеры переполнены " + externalId;
        String body = """
                {"source":"portal","externalId":"%s","text":"%s","municipality":"spb-kolomna","category":"improvement"}"""
                .formatted(externalId, text);
        long before = endOffset();

        JsonPath answer = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages")
                .then().statusCode(202).extract().jsonPath();
        assertThat(answer.getMap("")).as("202 on the broker's acknowledgement: no id yet")
                .containsOnlyKeys("id", "duplicate").containsEntry("id", null).containsEntry("duplicate", null);
        assertThat(endOffset()).as("the message is in the topic when the API answers").isEqualTo(before + 1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(rows(externalId)).as("stored once, from the topic")
                .containsExactly(text));
        await().atMost(WAIT).untilAsserted(() -> assertThat(committedOffset()).as("offsets committed after the commit")
                .isEqualTo(before + 1));
        long stored = pool.preparedQuery("SELECT id FROM message WHERE source = 'portal' AND external_id = $1")
                .execute(Tuple.of(externalId)).await().atMost(WAIT).iterator().next().getLong("id");
        assertThat(given().queryParam("source", "portal").queryParam("externalId", externalId)
                .when().get("/api/v1/messages/by-key").then().statusCode(200).extract().jsonPath().getLong("id"))
                .as("the source learns the id by the message's key").isEqualTo(stored);

        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages").then().statusCode(202);
        assertThat(endOffset()).as("the repeat is in the topic too").isEqualTo(before + 2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(committedOffset()).isEqualTo(before + 2));
        assertThat(rows(externalId)).as("the repeat stored nothing (the idempotency key)").containsExactly(text);

        given().when().get("/q/health/ready").then().statusCode(200);
        assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .as("the consumer lag under the name the dashboards query")
                .containsPattern("(?m)^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"kafka-consumer-messages-in\"");
    }

    @Test
    void eachMessageIsKeyedByTheMunicipalityPlainAtTheDoorElseByTheRegion() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        Point inKolpino = pack.boundaries().get("spb-kolpino").getInteriorPoint();
        String byHint = TestMessages.uniqueId();
        String byPoint = TestMessages.uniqueId();
        String unknown = TestMessages.uniqueId();
        for (String body : List.of(
                """
                {"source":"portal","externalId":"%s","text":"Не горит фонарь у дома","municipality":"spb-kolomna"}"""
                        .formatted(byHint),
                """
                {"source":"portal","externalId":"%s","text":"Не горит фонарь у дома","lat":%s,"lon":%s}"""
                        .formatted(byPoint, inKolpino.getY(), inKolpino.getX()),
                """
                {"source":"portal","externalId":"%s","text":"Не горит фонарь у дома"}""".formatted(unknown))) {
            given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages").then().statusCode(202);
        }

        assertThat(keysSince(before)).isEqualTo(Map.of(byHint, "spb-kolomna", byPoint, "spb-kolpino", unknown, region.id()));
    }

    /** External id → record key of every record written to the topic after the offsets given. */
    private Map<String, String> keysSince(Map<TopicPartition, Long> offsets) throws Exception {
        Map<String, String> keys = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "key-reader-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.assign(offsets.keySet());
            offsets.forEach(consumer::seek);
            Map<TopicPartition, Long> end = endOffsets();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (offsets.keySet().stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.put(JsonPath.from(record.value()).getString("externalId"), record.key());
                }
            }
        }
        return keys;
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            IntStream.range(0, PARTITIONS).forEach(partition -> latest.put(new TopicPartition(topic, partition), OffsetSpec.latest()));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        }
    }

    @Test
    void aRecordThePipelineCannotReadGoesToTheDeadLetterTopicWithItsReasonAndThePartitionMovesOn() throws Exception {
        long deadBefore = endOffset(topic + "-dead-letter", 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // Partition 0 explicitly, so the valid message after it must pass the poison in the same partition.
            producer.send(new ProducerRecord<>(topic, 0, "poison", "{not json")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(endOffset(topic + "-dead-letter", 1)).isEqualTo(deadBefore + 1));
        Map<String, String> headers = deadLetterHeaders(deadBefore);
        assertThat(headers).as("the reason travels with the dead letter")
                .containsKeys("dead-letter-reason", "dead-letter-topic", "dead-letter-partition", "dead-letter-offset")
                .containsEntry("dead-letter-topic", topic).containsEntry("dead-letter-partition", "0");

        // A record without a value (a tombstone, which reads as no payload at all) is rejected by the pipeline.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, 0, "tombstone", null)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(endOffset(topic + "-dead-letter", 1)).isEqualTo(deadBefore + 2));
        assertThat(deadLetterHeaders(deadBefore + 1)).containsEntry("dead-letter-reason", "the record could not be read as a message");

        String externalId = TestMessages.uniqueId();
        String text = "После ядовитой записи: яма на тротуаре " + externalId;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, 0, "spb-kolomna", """
                    {"source":"portal","externalId":"%s","createdAt":"%s","text":"%s","lat":null,"lon":null,"address":null,\
                    "municipalityHint":"spb-kolomna","category":null,"topic":null,"author":null}"""
                    .formatted(externalId, Instant.now().truncatedTo(ChronoUnit.SECONDS), text)))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows(externalId)).as("the partition moved on").containsExactly(text));
    }

    /** The headers of the dead letter at this offset, as text. */
    private Map<String, String> deadLetterHeaders(long offset) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            TopicPartition partition = new TopicPartition(topic + "-dead-letter", 0);
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    return headers;
                }
            }
            throw new AssertionError("no dead letter at offset " + offset);
        }
    }

    @Test
    void aBuildTimePropertyOfTheTestProfileReachesThisProfilesBuild() {
        assertThat(buildTimeMarker.isResolvable()).as("@IfBuildProperty saw the test profile's value").isTrue();
    }

    private List<String> rows(String externalId) {
        List<String> texts = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT text FROM message WHERE source = $1 AND external_id = $2")
                .execute(Tuple.of("portal", externalId)).await().atMost(WAIT)) {
            texts.add(row.getString("text"));
        }
        return texts;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The sum of the topic's partitions' end offsets: how many records were ever written to it. */
    private long endOffset() throws Exception {
        return endOffset(topic, PARTITIONS);
    }

    private long endOffset(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            IntStream.range(0, partitions).forEach(partition -> latest.put(new TopicPartition(name, partition), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(WAIT.toSeconds(), TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    /** The sum of the offsets the pipeline's consumer group committed on the topic. */
    private long committedOffset() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("pulse-pipeline")
                    .partitionsToOffsetAndMetadata().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return committed.entrySet().stream().filter(entry -> entry.getKey().topic().equals(topic))
                    .filter(entry -> entry.getValue() != null).mapToLong(entry -> entry.getValue().offset()).sum();
        }
    }
}
