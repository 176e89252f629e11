package ru.tsur.pulse.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An Apache Kafka broker inside the test JVM, for the tests of the Kafka binding (issue 18) that must not need
 * the external broker of {@code scripts/kafka.sh}, so that {@code .ci/run} needs nothing new. It is Kafka's own
 * {@link KafkaClusterTestKit} (artifact {@code kafka-test-common-runtime}, the version of the BOM's
 * {@code kafka-clients}): one KRaft node that is both broker and controller, listening on a free port of the
 * loopback, its log folders in a temporary folder deleted when the JVM exits. It starts once per JVM, on first
 * use (a static holder; starting takes a few seconds), and serves every test class after that: tests share it,
 * so their topic names must not collide (a topic asked for twice must be asked for with the same partitions).
 * Internal topics have one replica; topics are never created by a client's request, only through
 * {@link #topic(String, int)}, so a misspelt topic fails instead of appearing. The broker's own logging is cut
 * to warnings (it writes hundreds of INFO lines per start); a {@code @QuarkusTest} using it should say the same
 * with {@code quarkus.log.category."kafka".level} and {@code ."org.apache.kafka".level} = WARN, since Quarkus
 * sets logging up afresh when it starts.
 */
public final class TestKafka {

    private static final long TIMEOUT_SECONDS = 60;

    /** Held so the levels stay set: java.util.logging keeps loggers only weakly. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("state.change.logger"));

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    /** The broker's bootstrap servers ({@code host:port}), for a client's {@code bootstrap.servers}; starts it if needed. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
            KafkaClusterTestKit started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // The JVM is exiting; the temporary folder goes with the next clean-up at worst.
                }
            }, "test-kafka-shutdown"));
        }
        return cluster.bootstrapServers();
    }

    /**
     * Makes sure the topic exists with this many partitions (one replica) and returns its name; a topic that
     * already exists with another partition count is an error in the calling test, not something to adjust.
     * A describe right after the create may not know the topic yet on a fresh broker (seen here:
     * UnknownTopicOrPartitionException): it is asked again, up to ten times.
     */
    public static String topic(String name, int partitions) {
        for (int attempt = 1; ; attempt++) {
            try {
                return createOrCheck(name, partitions);
            } catch (UnknownTopicYet notYet) {
                if (attempt == 10) {
                    throw new IllegalStateException("topic " + name + " unknown after its creation", notYet);
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    /**
     * The configuration that binds a {@code @QuarkusTest} to this broker under the {@code kafka} profile (as the
     * test profile's parent), with topics of its own: the ingest topic ({@code partitions}), its dead-letter topic
     * and the three screens topics (one partition each), all named after {@code name} and a random suffix. A
     * test profile runs in another class loader than the test's methods, so the test reads the broker's address
     * ({@code PULSE_KAFKA_BOOTSTRAP_SERVERS}) and topics ({@code PULSE_KAFKA_TOPIC},
     * {@code PULSE_KAFKA_SCREENS_PREFIX}) back from the configuration rather than from here.
     */
    public static Map<String, String> kafkaProfile(String name, int partitions) {
        String suffix = UUID.randomUUID().toString();
        String messages = name + "-" + suffix;
        String screens = name + "-screens-" + suffix;
        topic(messages, partitions);
        topic(messages + "-dead-letter", 1);
        for (String flow : SCREENS_FLOWS) {
            topic(screens + "-" + flow, 1);
        }
        return Map.of(
                "quarkus.config.profile.parent", "kafka",
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
                "PULSE_KAFKA_TOPIC", messages,
                "PULSE_KAFKA_SCREENS_PREFIX", screens,
                "quarkus.log.category.\"kafka\".level", "WARN",
                "quarkus.log.category.\"org.apache.kafka\".level", "WARN");
    }

    /** The suffixes of the screens topics (application.properties: {@code <prefix>-counts} and so on). */
    public static final List<String> SCREENS_FLOWS = List.of("counts", "tension", "feed");

    private static String createOrCheck(String name, int partitions) throws UnknownTopicYet {
        try (Admin admin = admin()) {
            try {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            TopicDescription description;
            try {
                description = admin.describeTopics(Set.of(name)).allTopicNames()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(name);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    throw new UnknownTopicYet(e.getCause());
                }
                throw e;
            }
            if (description.partitions().size() != partitions) {
                throw new IllegalStateException("topic " + name + " exists with " + description.partitions().size()
                        + " partitions, not " + partitions);
            }
            return name;
        } catch (UnknownTopicYet | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + name + " on the test broker", e);
        }
    }

    /** The broker does not know a topic just created yet. */
    private static final class UnknownTopicYet extends Exception {
        UnknownTopicYet(Throwable cause) {
            super(cause);
        }
    }

    /** An admin client of the broker; the caller closes it. */
    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private static KafkaClusterTestKit start() {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
        try {
            // A folder of our own: left to the test kit, it would also be deleted by a shutdown hook of the kit's
            // that races ours (the broker, still closing, then fails writing its checkpoints).
            Path folder = Files.createTempDirectory("pulse-test-kafka-");
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setBaseDirectory(folder)
                    // The features a released 4.1.1 broker (scripts/kafka.sh) runs with, not the kit's unreleased ones.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setDeleteOnClose(true)
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("the in-JVM Kafka broker did not start", e);
        }
    }
}
