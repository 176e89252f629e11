package ru.tsur.pulse.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Unreachable;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka binding during a PostgreSQL outage (PostgreSQL on a port nothing listens on): a posted message is
 * answered 202 (the broker has it), the pipeline consumes it and fails to store it, again and again, and yet it
 * never lands in the dead-letter topic and its offset is never committed — a later consumer gets it again. An
 * outage is not a poison message.
 */
@QuarkusTest
@TestProfile(KafkaBindingOutageTest.KafkaWithoutPostgres.class)
class KafkaBindingOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern PERSIST_FAILURES =
            Pattern.compile("(?m)^pulse_postgres_failures_total\\{[^}]*operation=\"persist\"[^}]*} ([0-9.E]+)");

    /** The Kafka binding of {@link KafkaBindingTest}, with PostgreSQL out of reach. */
    public static final class KafkaWithoutPostgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(new KafkaBindingTest.KafkaBinding().getConfigOverrides());
            overrides.putAll(new Unreachable.Postgres().getConfigOverrides());
            return overrides;
        }
    }

    @ConfigProperty(name = "PULSE_KAFKA_BOOTSTRAP_SERVERS")
    String bootstrapServers;

    @ConfigProperty(name = "PULSE_KAFKA_TOPIC")
    String topic;

    @Test
    void aMessageThatCannotBeStoredForAnOutageIsNeitherDeadLetteredNorCommitted() throws Exception {
        String body = """
                {"source":"portal","externalId":"%s","text":"Не работает уличное освещение во дворе","municipality":"spb-kolomna"}"""
                .formatted(TestMessages.uniqueId());
        double failuresBefore = persistFailures();

        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages").then().statusCode(202);

        await().atMost(WAIT).until(() -> persistFailures() >= failuresBefore + 3); // consumed, and retried
        assertThat(endOffset(topic, 3)).as("in the topic").isEqualTo(1);
        assertThat(endOffset(topic + "-dead-letter", 1)).as("not dead-lettered").isZero();
        assertThat(committedOffset()).as("not committed: a later consumer gets it again").isZero();
    }

    private static double persistFailures() {
        Matcher matcher = PERSIST_FAILURES.matcher(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private long endOffset(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(name, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(WAIT.toSeconds(), TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    private long committedOffset() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("pulse-pipeline")
                    .partitionsToOffsetAndMetadata().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return committed.entrySet().stream().filter(entry -> entry.getKey().topic().equals(topic))
                    .filter(entry -> entry.getValue() != null).mapToLong(entry -> entry.getValue().offset()).sum();
        }
    }
}
