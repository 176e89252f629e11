package ru.tsur.pulse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the Docker files without a Docker engine (there is none on the development
 * machines): the compose services reach each other by the names and ports configured, Prometheus gets its
 * config and rules, Grafana its provisioning and dashboards, Kafka runs in KRaft mode at the version of the
 * build's Kafka clients, the two-replica stack on Kafka has identical replicas that its load balancer both
 * names and the topics of k8s/overlays/kafka, and the Dockerfiles copy the Quarkus build output, run as
 * non-root and build the native image in a Mandrel stage.
 */
class DockerFilesTest {

    @Test
    void composeWiresTheServiceStoresAndMonitoring() throws IOException {
        JsonNode services = new YAMLMapper().readTree(Path.of("docker/docker-compose.yml").toFile()).path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("postgres", "redis", "kafka", "keycloak", "pulse", "prometheus", "grafana");

        JsonNode pulse = services.path("pulse");
        assertThat(pulse.path("environment").path("PULSE_DB_HOST").asText()).isEqualTo("postgres");
        assertThat(pulse.path("environment").path("PULSE_REDIS_HOST").asText()).isEqualTo("redis");
        assertThat(pulse.path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile.jvm");
        assertThat(pulse.path("ports").path(0).asText()).isEqualTo("8080:8080");
        assertThat(pulse.path("read_only").asBoolean()).isTrue();

        JsonNode prometheusConfig = new YAMLMapper().readTree(Path.of("prometheus/prometheus.yml").toFile());
        assertThat(prometheusConfig.path("scrape_configs").findValuesAsText("metrics_path"))
                .containsExactly("/q/metrics", "/api/v1/metrics/municipalities");
        prometheusConfig.path("scrape_configs").forEach(job ->
                assertThat(job.path("static_configs").path(0).path("targets").path(0).asText()).isEqualTo("pulse:8080"));
        assertThat(prometheusConfig.path("scrape_configs").path(0).path("job_name").asText()).isEqualTo("tsur-pulse");
        assertThat(services.path("prometheus").path("volumes").path(0).asText()).isEqualTo("../prometheus:/etc/prometheus:ro");
        assertThat(services.path("prometheus").path("command").toString()).contains("--config.file=/etc/prometheus/prometheus.yml");

        List<String> grafanaVolumes = new ArrayList<>();
        services.path("grafana").path("volumes").forEach(volume -> grafanaVolumes.add(volume.asText()));
        assertThat(grafanaVolumes).containsExactly("../grafana/provisioning:/etc/grafana/provisioning:ro",
                "../grafana/dashboards:/var/lib/grafana/dashboards:ro");

        JsonNode kafka = services.path("kafka").path("environment");
        assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(kafka.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(kafka.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText()).isEqualTo("1@kafka:9093");
        assertThat(kafka.has("KAFKA_ZOOKEEPER_CONNECT")).isFalse();
        assertThat(services.path("kafka").path("image").asText()).isEqualTo("apache/kafka:" + kafkaClientsVersion());
    }

    @Test
    void replicasComposeRunsTwoReplicasOnKafkaBehindTheBalancer() throws IOException {
        JsonNode base = new YAMLMapper().readTree(Path.of("docker/docker-compose.yml").toFile()).path("services");
        JsonNode services = new YAMLMapper().readTree(Path.of("docker/docker-compose.replicas.yml").toFile()).path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("postgres", "redis", "keycloak", "kafka", "kafka-topics",
                "pulse-1", "pulse-2", "balancer");
        for (String store : List.of("postgres", "redis", "keycloak")) {
            assertThat(services.path(store).path("extends").path("file").asText()).isEqualTo("docker-compose.yml");
            assertThat(services.path(store).path("extends").path("service").asText()).isEqualTo(store);
            assertThat(base.path(store).path("profiles").isMissingNode()).as(store + " starts without a profile").isTrue();
        }

        // The broker: the base file's KRaft settings, the build's client version, no topic appears by itself.
        JsonNode kafka = services.path("kafka");
        assertThat(kafka.path("image").asText()).isEqualTo("apache/kafka:" + kafkaClientsVersion());
        assertThat(services.path("kafka-topics").path("image").asText()).isEqualTo(kafka.path("image").asText());
        base.path("kafka").path("environment").fields().forEachRemaining(setting -> {
            if (!setting.getKey().equals("KAFKA_NUM_PARTITIONS")) {
                assertThat(kafka.path("environment").path(setting.getKey())).as(setting.getKey()).isEqualTo(setting.getValue());
            }
        });
        assertThat(kafka.path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        String bootstrap = kafka.path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText().replace("PLAINTEXT://", "");

        // The topics: those of the kafka overlay, with the same partition counts.
        Map<String, Integer> topics = new TreeMap<>();
        for (String entry : services.path("kafka-topics").path("environment").path("PULSE_TOPICS").asText().trim().split("\\s+")) {
            String[] fields = entry.split(":", -1);
            assertThat(fields).as(entry).hasSize(3);
            topics.put(fields[0], Integer.parseInt(fields[1]));
        }
        assertThat(topics).isEqualTo(KubernetesManifestsTest.kafkaTopicPartitions());
        assertThat(services.path("kafka-topics").path("command").path(0).asText())
                .contains("--bootstrap-server " + bootstrap).contains("$$PULSE_TOPICS");

        // The replicas: one definition twice, the kafka profile, the shared stores, not published.
        JsonNode first = services.path("pulse-1");
        JsonNode environment = first.path("environment");
        for (String replica : List.of("pulse-1", "pulse-2")) {
            JsonNode service = services.path(replica);
            assertThat(service.path("environment")).as(replica).isEqualTo(environment);
            assertThat(service.path("build")).as(replica).isEqualTo(base.path("pulse").path("build"));
            assertThat(service.path("image").asText()).isEqualTo("tsur-pulse:jvm");
            assertThat(service.path("read_only").asBoolean()).isTrue();
            assertThat(service.has("ports")).as(replica + " reached through the balancer only").isFalse();
            assertThat(service.path("expose").path(0).asInt()).isEqualTo(KubernetesManifestsTest.defaultHttpPort());
            assertThat(service.path("depends_on").path("kafka-topics").path("condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
        assertThat(environment.path("QUARKUS_PROFILE").asText()).as("prod kept, kafka last").isEqualTo("prod,kafka");
        assertThat(environment.path("PULSE_KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(bootstrap);
        assertThat(topics).containsKey(environment.path("PULSE_KAFKA_TOPIC").asText())
                .containsKey(environment.path("PULSE_KAFKA_TOPIC").asText() + "-dead-letter");
        String prefix = environment.path("PULSE_KAFKA_SCREENS_PREFIX").asText();
        assertThat(topics.keySet().stream().filter(topic -> topic.startsWith(prefix + "-")))
                .containsExactlyInAnyOrder(prefix + "-counts", prefix + "-tension", prefix + "-feed");
        assertThat(names).contains(environment.path("PULSE_DB_HOST").asText(), environment.path("PULSE_REDIS_HOST").asText());

        // The balancer: its file mounted, listening on the published port, every backend naming both replicas
        // on the port they listen on, WebSocket upgrades under /ws/ sent to a backend of their own.
        JsonNode balancer = services.path("balancer");
        assertThat(balancer.path("volumes").path(0).asText())
                .isEqualTo("./haproxy-replicas.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        String config = Files.readString(Path.of("docker/haproxy-replicas.cfg"));
        Matcher bind = Pattern.compile("(?m)^\\s+bind :(\\d+)$").matcher(config);
        assertThat(bind.find()).isTrue();
        assertThat(balancer.path("ports").path(0).asText()).endsWith(":" + bind.group(1));
        Map<String, List<String>> backends = new TreeMap<>();
        String current = null;
        for (String line : config.lines().toList()) {
            if (line.startsWith("backend ")) {
                current = line.substring("backend ".length()).trim();
                backends.put(current, new ArrayList<>());
            } else if (!line.startsWith(" ")) {
                current = null;
            } else if (current != null && line.trim().startsWith("server ")) {
                backends.get(current).add(line.trim().split("\\s+")[2]);
            }
        }
        String port = ":" + KubernetesManifestsTest.defaultHttpPort();
        assertThat(backends).isEqualTo(Map.of("pulse-http", List.of("pulse-1" + port, "pulse-2" + port),
                "pulse-sockets", List.of("pulse-1" + port, "pulse-2" + port)));
        assertThat(config).contains("acl websocket path_beg /ws/").contains("use_backend pulse-sockets if websocket")
                .contains("option httpchk GET /q/health/ready").containsPattern("timeout tunnel \\d+h");
    }

    /** The version of kafka-clients the build uses (pom.xml's kafka.version, equal to the Quarkus BOM's). */
    private static String kafkaClientsVersion() throws IOException {
        Matcher version = Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    @Test
    void dockerfilesCopyTheBuildOutputAndRunAsNonRoot() throws IOException {
        String jvm = Files.readString(Path.of("docker/Dockerfile.jvm"));
        for (String layer : List.of("target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/")) {
            assertThat(jvm).contains("COPY --chown=185 " + layer);
        }
        assertThat(KubernetesManifestsTest.jvmImageUser()).isEqualTo(185);
        assertThat(jvm).contains("EXPOSE 8080");

        String nativeFile = Files.readString(Path.of("docker/Dockerfile.native"));
        List<String> stages = nativeFile.lines().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).contains("mandrel-builder-image").endsWith("AS build");
        assertThat(nativeFile).contains("package -Dnative").contains("COPY --from=build").contains("USER 1001");
    }
}
