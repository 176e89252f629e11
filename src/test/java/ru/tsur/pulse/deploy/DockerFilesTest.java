package ru.tsur.pulse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the Docker files without a Docker engine (there is none on the development
 * machines): the compose services reach each other by the names and ports configured, Prometheus gets its
 * config and rules, Grafana its provisioning and dashboards, Kafka runs in KRaft mode, and the Dockerfiles
 * copy the Quarkus build output, run as non-root and build the native image in a Mandrel stage.
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
