package ru.tsur.pulse.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-JVM test broker ({@link TestKafka}) does what the Kafka binding will rely on: an idempotent producer
 * with {@code acks=all} writes 100 records keyed by municipality to a 3-partition topic, every key lands in the
 * partition the default partitioner's murmur2 hash gives it (so one municipality's messages stay in one
 * partition, in order), and a consumer reading from the start gets every record back exactly once, in send order
 * per key. Plain JUnit: no Quarkus, no PostgreSQL.
 */
class TestKafkaTest {

    private static final int PARTITIONS = 3;
    private static final int RECORDS = 100;
    private static final int KEYS = 20;

    @Test
    void keyedRecordsRoundTripThroughThreePartitionsWithStablePartitionsPerKey() throws Exception {
        String topic = TestKafka.topic("test-kafka-round-trip-" + UUID.randomUUID(), PARTITIONS);

        // What the default partitioner must do with each key: murmur2 of its bytes, modulo the partition count.
        Map<String, Integer> expectedPartition = new TreeMap<>();
        for (int k = 0; k < KEYS; k++) {
            String key = "municipality-" + k;
            expectedPartition.put(key, Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS);
        }
        assertThat(new TreeSet<>(expectedPartition.values())).as("the keys spread over every partition")
                .containsExactly(0, 1, 2);

        Map<String, List<String>> sentByKey = new TreeMap<>();
        Map<String, Set<Integer>> producedPartitionsByKey = new TreeMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            List<Map.Entry<String, Future<RecordMetadata>>> sends = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                String key = "municipality-" + (i % KEYS);
                String value = "message-" + i;
                sentByKey.computeIfAbsent(key, ignored -> new ArrayList<>()).add(value);
                sends.add(Map.entry(key, producer.send(new ProducerRecord<>(topic, key, value))));
            }
            producer.flush();
            for (Map.Entry<String, Future<RecordMetadata>> send : sends) {
                RecordMetadata metadata = send.getValue().get(30, TimeUnit.SECONDS);
                producedPartitionsByKey.computeIfAbsent(send.getKey(), ignored -> new TreeSet<>()).add(metadata.partition());
            }
        }
        Map<String, Set<Integer>> expectedPartitionSets = new TreeMap<>();
        expectedPartition.forEach((key, partition) -> expectedPartitionSets.put(key, Set.of(partition)));
        assertThat(producedPartitionsByKey).as("the broker's acknowledgements: one partition per key, murmur2's")
                .isEqualTo(expectedPartitionSets);

        List<ConsumerRecord<String, String>> received = consumeAll(topic, RECORDS);

        Map<String, List<String>> receivedByKey = new TreeMap<>();
        Map<String, Set<Integer>> consumedPartitionsByKey = new TreeMap<>();
        for (ConsumerRecord<String, String> record : received) {
            receivedByKey.computeIfAbsent(record.key(), ignored -> new ArrayList<>()).add(record.value());
            consumedPartitionsByKey.computeIfAbsent(record.key(), ignored -> new TreeSet<>()).add(record.partition());
        }
        assertThat(received).as("every record exactly once").hasSize(RECORDS);
        assertThat(receivedByKey).as("every key's records, in the order they were sent").isEqualTo(sentByKey);
        assertThat(consumedPartitionsByKey).as("the partition each key was read from").isEqualTo(expectedPartitionSets);
    }

    private static Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    /** Reads the topic from its start with a fresh group until {@code count} records came or 30 s passed. */
    private static List<ConsumerRecord<String, String>> consumeAll(String topic, int count) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-kafka-round-trip-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        Map<Integer, Long> lastOffsetByPartition = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // Polls a little past `count` as well, so that a duplicate would be seen rather than cut off.
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Long previous = lastOffsetByPartition.put(record.partition(), record.offset());
                    assertThat(previous == null || record.offset() > previous)
                            .as("offsets rise within partition %d", record.partition()).isTrue();
                    received.add(record);
                }
                if (received.size() >= count && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return received;
    }
}
