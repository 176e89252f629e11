package ru.tsur.pulse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.tsur.pulse.support.Kustomize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders k8s/base and the overlays (support.Kustomize: the resources and strategic-merge patches they
 * use) and checks what a schema validator cannot: probes name paths the running service answers, ports and
 * selectors agree across Deployment, Service, PDB, NetworkPolicy, the autoscaler (HPA, or KEDA's
 * ScaledObject in overlays/kafka) and ServiceMonitor, the pod is non-root with a read-only root filesystem,
 * graceful shutdown fits the grace period, and every ConfigMap and Secret key is a configuration key of the
 * service. For overlays/kafka also: every topic the service's configuration names is a KafkaTopic with the
 * partition count the design fixes, and the autoscaler never outnumbers the partitions of the ingest topic.
 */
@QuarkusTest
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final String APP = "tsur-pulse";

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/kafka"})
    void renderedManifestsHoldTogether(String directory) throws IOException {
        List<ObjectNode> resources = Kustomize.render(K8S.resolve(directory));
        Set<String> identities = new HashSet<>();
        for (ObjectNode resource : resources) {
            assertThat(resource.path("apiVersion").asText()).as(resource.toString()).isNotEmpty();
            String identity = resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
            assertThat(identities.add(identity)).as("unique " + identity).isTrue();
            if (!directory.equals("base")) {
                assertThat(resource.path("metadata").path("namespace").asText()).as(identity).isNotEmpty();
            }
        }
        ObjectNode deployment = Kustomize.find(resources, "Deployment", APP);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        JsonNode container = single(pod.path("containers"));

        // Selectors: everything that selects the pods selects these labels.
        assertSelects(deployment.path("spec").path("selector").path("matchLabels"), podLabels, "Deployment selector");
        ObjectNode service = Kustomize.find(resources, "Service", APP);
        assertSelects(service.path("spec").path("selector"), podLabels, "Service");
        assertSelects(Kustomize.find(resources, "PodDisruptionBudget", APP).path("spec").path("selector")
                .path("matchLabels"), podLabels, "PDB");
        ObjectNode policy = Kustomize.find(resources, "NetworkPolicy", APP);
        assertSelects(policy.path("spec").path("podSelector").path("matchLabels"), podLabels, "NetworkPolicy");
        for (JsonNode spread : pod.path("topologySpreadConstraints")) {
            assertSelects(spread.path("labelSelector").path("matchLabels"), podLabels, "topology spread");
        }

        // Ports: the container listens where the service does by default; Service and probes use its name.
        JsonNode port = single(container.path("ports"));
        assertThat(port.path("containerPort").asInt()).isEqualTo(defaultHttpPort());
        String portName = port.path("name").asText();
        JsonNode servicePort = single(service.path("spec").path("ports"));
        assertThat(servicePort.path("targetPort").asText()).isEqualTo(portName);
        Map<String, String> probes = new TreeMap<>();
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode httpGet = container.path(probe).path("httpGet");
            assertThat(httpGet.path("port").asText()).as(probe).isEqualTo(portName);
            probes.put(probe, httpGet.path("path").asText());
        }
        assertThat(probes).containsExactlyInAnyOrderEntriesOf(Map.of("startupProbe", "/q/health/started",
                "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live"));
        probes.values().forEach(path -> given().when().get(path).then().statusCode(200));
        assertThat(single(policy.path("spec").path("ingress")).path("ports").path(0).path("port").asText())
                .isEqualTo(portName);

        // Security: non-root (the image's user), no privilege escalation, read-only root with /tmp writable.
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(jvmImageUser());
        assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        JsonNode security = container.path("securityContext");
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.path("capabilities").path("drop").toString()).isEqualTo("[\"ALL\"]");
        JsonNode tmp = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(mount -> mount.path("mountPath").asText().equals("/tmp")).findFirst().orElseThrow();
        JsonNode tmpVolume = StreamSupport.stream(pod.path("volumes").spliterator(), false)
                .filter(volume -> volume.path("name").equals(tmp.path("name"))).findFirst().orElseThrow();
        assertThat(tmpVolume.has("emptyDir")).isTrue();

        // Resources: CPU and memory requested, memory limited, request within the limit.
        JsonNode resourcesOfContainer = container.path("resources");
        assertThat(resourcesOfContainer.path("requests").has("cpu")).isTrue();
        assertThat(bytes(resourcesOfContainer.path("requests").path("memory").asText()))
                .isPositive().isLessThanOrEqualTo(bytes(resourcesOfContainer.path("limits").path("memory").asText()));

        // Graceful shutdown: preStop pause plus Quarkus' shutdown timeout fit in the grace period.
        ObjectNode configMap = Kustomize.find(resources, "ConfigMap", APP);
        Duration shutdown = Duration.parse("PT" + configMap.path("data").path("QUARKUS_SHUTDOWN_TIMEOUT").asText()
                .toUpperCase(Locale.ROOT));
        long preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong();
        assertThat(preStop).isPositive();
        assertThat(pod.path("terminationGracePeriodSeconds").asLong()).isGreaterThan(preStop + shutdown.toSeconds());

        // Configuration: envFrom names existing objects whose keys the service reads.
        ObjectNode secret = Kustomize.find(resources, "Secret", APP);
        assertThat(container.path("envFrom").findValuesAsText("name")).containsExactly(APP, APP);
        assertThat(container.path("envFrom").path(0).has("configMapRef")).isTrue();
        assertThat(container.path("envFrom").path(1).has("secretRef")).isTrue();
        Set<String> keys = new HashSet<>();
        configMap.path("data").fieldNames().forEachRemaining(keys::add);
        secret.path("stringData").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).allSatisfy(key -> assertThat(isServiceConfigKey(key)).as(key + " is read by the service").isTrue());
        assertThat(secret.path("stringData").path("PULSE_DB_PASSWORD").asText()).isEqualTo("CHANGE-ME");
        assertThat(egressPorts(policy)).contains(configMap.path("data").path("PULSE_DB_PORT").asInt(),
                configMap.path("data").path("PULSE_REDIS_PORT").asInt());
        for (String broker : configMap.path("data").path("PULSE_KAFKA_BOOTSTRAP_SERVERS").asText("").split(",")) {
            if (!broker.isBlank()) {
                assertThat(egressPorts(policy)).as("egress to " + broker).contains(Integer.parseInt(broker.substring(broker.lastIndexOf(':') + 1)));
            }
        }
        if (configMap.path("data").has("QUARKUS_PROFILE")) {
            assertThat(configMap.path("data").path("QUARKUS_PROFILE").asText().split(","))
                    .allSatisfy(profile -> assertThat(isServiceProfile(profile)).as("profile " + profile + " is configured").isTrue());
        }

        // Scaling: exactly one autoscaler (an HPA, or KEDA's ScaledObject which makes its own) drives this
        // Deployment; a drain can always proceed.
        List<ObjectNode> hpas = ofKind(resources, "HorizontalPodAutoscaler");
        List<ObjectNode> scaledObjects = ofKind(resources, "ScaledObject");
        assertThat(hpas.size() + scaledObjects.size()).as("autoscalers of the Deployment").isEqualTo(1);
        JsonNode autoscaler = (hpas.isEmpty() ? scaledObjects : hpas).get(0).path("spec");
        int minReplicas = hpas.isEmpty() ? autoscaler.path("minReplicaCount").asInt() : autoscaler.path("minReplicas").asInt();
        int maxReplicas = hpas.isEmpty() ? autoscaler.path("maxReplicaCount").asInt() : autoscaler.path("maxReplicas").asInt();
        assertThat(autoscaler.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
        assertThat(autoscaler.path("scaleTargetRef").path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(autoscaler.path("scaleTargetRef").path("name").asText()).isEqualTo(deployment.path("metadata").path("name").asText());
        int replicas = deployment.path("spec").path("replicas").asInt();
        assertThat(minReplicas).isPositive();
        assertThat(replicas).isBetween(minReplicas, maxReplicas);
        JsonNode pdb = Kustomize.find(resources, "PodDisruptionBudget", APP).path("spec");
        assertThat(pdb.has("minAvailable") ^ pdb.has("maxUnavailable")).as("exactly one of minAvailable/maxUnavailable").isTrue();
        if (pdb.has("minAvailable")) {
            assertThat(pdb.path("minAvailable").asInt()).isLessThan(minReplicas);
        }

        // Monitoring: every replica's /q/metrics as job tsur-pulse; the business figures once via the Service.
        JsonNode monitor = Kustomize.find(resources, "ServiceMonitor", APP).path("spec");
        assertSelects(monitor.path("selector").path("matchLabels"), service.path("metadata").path("labels"), "ServiceMonitor");
        assertThat(service.path("metadata").path("labels").path(monitor.path("jobLabel").asText()).asText()).isEqualTo(APP);
        JsonNode endpoint = single(monitor.path("endpoints"));
        assertThat(endpoint.path("port").asText()).isEqualTo(servicePort.path("name").asText());
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        ObjectNode business = Kustomize.find(resources, "ScrapeConfig", APP + "-business");
        String namespace = business.path("metadata").path("namespace").asText(APP);
        assertThat(single(single(business.path("spec").path("staticConfigs")).path("targets")).asText())
                .isEqualTo(APP + "." + namespace + ".svc:" + servicePort.path("port").asInt());
        given().when().get(business.path("spec").path("metricsPath").asText()).then().statusCode(200);
    }

    @Test
    void devRunsItsOwnSingleInstancePostgresAndRedis() throws IOException {
        List<ObjectNode> resources = Kustomize.render(K8S.resolve("overlays/dev"));
        JsonNode data = Kustomize.find(resources, "ConfigMap", APP).path("data");
        ObjectNode secret = Kustomize.find(resources, "Secret", APP);
        for (String[] store : new String[][] {{"postgres", "PULSE_DB_HOST", "PULSE_DB_PORT"},
                {"redis", "PULSE_REDIS_HOST", "PULSE_REDIS_PORT"}}) {
            ObjectNode statefulSet = Kustomize.find(resources, "StatefulSet", store[0]);
            ObjectNode service = Kustomize.find(resources, "Service", data.path(store[1]).asText());
            assertThat(statefulSet.path("spec").path("replicas").asInt()).isEqualTo(1);
            assertThat(statefulSet.path("spec").path("serviceName").asText()).isEqualTo(service.path("metadata").path("name").asText());
            assertSelects(service.path("spec").path("selector"),
                    statefulSet.path("spec").path("template").path("metadata").path("labels"), store[0]);
            assertThat(single(service.path("spec").path("ports")).path("port").asInt()).isEqualTo(data.path(store[2]).asInt());
            for (String key : statefulSet.findValuesAsText("key")) {
                assertThat(secret.path("stringData").has(key)).as(store[0] + " reads secret key " + key).isTrue();
            }
        }
        assertThat(Kustomize.find(resources, "Deployment", APP).path("spec").path("replicas").asInt()).isEqualTo(1);
        JsonNode pdb = Kustomize.find(resources, "PodDisruptionBudget", APP).path("spec");
        assertThat(pdb.has("minAvailable")).isFalse();
        assertThat(pdb.path("maxUnavailable").asInt()).isEqualTo(1);
    }

    @Test
    void prodUsesExternalStoresTheReleasedImageAndSpreadsOverNodesAndZones() throws IOException {
        List<ObjectNode> resources = Kustomize.render(K8S.resolve("overlays/prod"));
        assertThat(resources).noneMatch(resource -> resource.path("kind").asText().equals("StatefulSet"));
        JsonNode data = Kustomize.find(resources, "ConfigMap", APP).path("data");
        assertThat(data.path("PULSE_DB_HOST").asText()).endsWith(".svc.cluster.local");
        assertThat(data.path("PULSE_REDIS_HOST").asText()).endsWith(".svc.cluster.local");
        assertThat(data.path("PULSE_REGION").asText()).isEqualTo("spb");
        ObjectNode deployment = Kustomize.find(resources, "Deployment", APP);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        assertThat(single(pod.path("containers")).path("image").asText())
                .isEqualTo("registry.example.internal/tsur/tsur-pulse:0.1.0-jvm");
        assertThat(pod.path("topologySpreadConstraints").findValuesAsText("topologyKey"))
                .containsExactly("kubernetes.io/hostname", "topology.kubernetes.io/zone");
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(Kustomize.find(resources, "HorizontalPodAutoscaler", APP).path("spec").path("minReplicas").asInt())
                .isEqualTo(3);
        assertThat(single(pod.path("containers")).path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
    }

    @Test
    void kafkaOverlayHasEveryTopicTheServiceNamesAndScalesOnTheLagOfItsGroup() throws IOException {
        List<ObjectNode> resources = Kustomize.render(K8S.resolve("overlays/kafka"));
        JsonNode data = Kustomize.find(resources, "ConfigMap", APP).path("data");
        assertThat(data.path("QUARKUS_PROFILE").asText().split(",")).as("prod kept, kafka last").containsExactly("prod", "kafka");
        assertThat(ofKind(resources, "HorizontalPodAutoscaler")).as("the ScaledObject's HPA is the only one").isEmpty();

        // Topics: the design's names and partition counts; every topic the kafka profile binds is among them.
        Map<String, Integer> partitions = kafkaTopicPartitions(resources);
        String prefix = data.path("PULSE_KAFKA_SCREENS_PREFIX").asText(screensPrefixDefault());
        assertThat(partitions).containsExactlyInAnyOrderEntriesOf(Map.of("messages", 6, "messages-dead-letter", 1,
                prefix + "-counts", 1, prefix + "-tension", 1, prefix + "-feed", 1));
        assertThat(topicsNamedByServiceConfig(data)).as("the topics the kafka profile binds").isEqualTo(partitions.keySet());
        String ingestTopic = resolve(kafkaProfileProperty("mp.messaging.incoming.messages-in.topic"), data);
        Set<String> clusters = new HashSet<>();
        for (ObjectNode topic : ofKind(resources, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText();
            JsonNode spec = topic.path("spec");
            assertThat(topic.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
            clusters.add(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            assertThat(spec.path("replicas").asInt()).as(name).isGreaterThanOrEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(name)
                    .isEqualTo(spec.path("replicas").asInt() - 1);
            long retention = spec.path("config").path("retention.ms").asLong();
            if (name.startsWith(prefix + "-")) {
                assertThat(retention).as(name).isEqualTo(Duration.ofHours(1).toMillis());
            } else if (name.equals(ingestTopic + "-dead-letter")) {
                assertThat(retention).as(name).isGreaterThanOrEqualTo(Duration.ofDays(14).toMillis());
            } else {
                assertThat(retention).as(name).isGreaterThanOrEqualTo(Duration.ofDays(1).toMillis());
            }
        }
        assertThat(clusters).hasSize(1).doesNotContain("");
        String cluster = clusters.iterator().next();

        // Network: the pods reach the brokers of that cluster, in the namespace the bootstrap address names.
        JsonNode kafkaEgress = StreamSupport.stream(Kustomize.find(resources, "NetworkPolicy", APP).path("spec")
                        .path("egress").spliterator(), false)
                .filter(rule -> rule.path("ports").findValuesAsText("port").contains("9092")).findFirst().orElseThrow();
        JsonNode peer = single(kafkaEgress.path("to"));
        for (String broker : data.path("PULSE_KAFKA_BOOTSTRAP_SERVERS").asText().split(",")) {
            String[] host = broker.substring(0, broker.lastIndexOf(':')).split("\\.");
            assertThat(host[0]).isEqualTo(cluster + "-kafka-bootstrap");
            assertThat(broker).endsWith(":9092");
            assertThat(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText())
                    .isEqualTo(host[1]);
        }
        assertThat(peer.path("podSelector").path("matchLabels").path("strimzi.io/cluster").asText()).isEqualTo(cluster);

        // Autoscaling on the lag of the pipeline's group: never more replicas than partitions of its topic.
        JsonNode scaled = Kustomize.find(resources, "ScaledObject", APP).path("spec");
        JsonNode lag = StreamSupport.stream(scaled.path("triggers").spliterator(), false)
                .filter(trigger -> trigger.path("type").asText().equals("kafka")).findFirst().orElseThrow().path("metadata");
        assertThat(lag.path("topic").asText()).isEqualTo(ingestTopic);
        assertThat(lag.path("consumerGroup").asText())
                .isEqualTo(kafkaProfileProperty("mp.messaging.incoming.messages-in.group.id")).isEqualTo("pulse-pipeline");
        assertThat(lag.path("offsetResetPolicy").asText())
                .isEqualTo(kafkaProfileProperty("mp.messaging.incoming.messages-in.auto.offset.reset"));
        assertThat(data.has(lag.path("bootstrapServersFromEnv").asText())).as("bootstrap key in the ConfigMap").isTrue();
        assertThat(lag.path("allowIdleConsumers").asText()).isEqualTo("false");
        assertThat(Integer.parseInt(lag.path("lagThreshold").asText())).isPositive();
        assertThat(scaled.path("minReplicaCount").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(scaled.path("maxReplicaCount").asInt()).isLessThanOrEqualTo(partitions.get(ingestTopic))
                .isGreaterThan(scaled.path("minReplicaCount").asInt());

        // The HPA alternative (not applied with the ScaledObject) agrees and names the metric the service exports.
        Path alternative = K8S.resolve("overlays/kafka/alternatives/hpa-consumer-lag.yaml");
        assertThat(Files.readString(K8S.resolve("overlays/kafka/kustomization.yaml"))).doesNotContain("alternatives/");
        JsonNode hpa = new YAMLMapper().readTree(alternative.toFile()).path("spec");
        assertThat(hpa.path("scaleTargetRef")).isEqualTo(scaled.path("scaleTargetRef"));
        assertThat(hpa.path("minReplicas").asInt()).isEqualTo(scaled.path("minReplicaCount").asInt());
        assertThat(hpa.path("maxReplicas").asInt()).isEqualTo(scaled.path("maxReplicaCount").asInt());
        assertThat(hpa.path("metrics").findValuesAsText("type")).contains("External");
        String metric = "kafka_consumer_fetch_manager_records_lag_max";
        assertThat(Files.readString(alternative)).contains(metric + "{client_id=\"kafka-consumer-messages-in\"}");
        assertThat(Files.readString(Path.of("prometheus/rules/pulse.rules.yaml"))).contains(metric);
    }

    /** The partitions of every KafkaTopic overlays/kafka declares, by topic name (DockerFilesTest compares). */
    static Map<String, Integer> kafkaTopicPartitions() throws IOException {
        return kafkaTopicPartitions(Kustomize.render(K8S.resolve("overlays/kafka")));
    }

    private static Map<String, Integer> kafkaTopicPartitions(List<ObjectNode> resources) {
        Map<String, Integer> partitions = new TreeMap<>();
        for (ObjectNode topic : ofKind(resources, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            assertThat(partitions.put(name, topic.path("spec").path("partitions").asInt())).as("one KafkaTopic " + name).isNull();
        }
        return partitions;
    }

    /**
     * The topics of every channel the kafka profile binds to the Kafka connector (including dead-letter
     * topics), with {@code ${VARIABLE:default}} taken from the ConfigMap, else the default.
     */
    private static Set<String> topicsNamedByServiceConfig(JsonNode data) {
        Set<String> topics = new HashSet<>();
        Pattern topicKey = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\..*topic");
        for (String key : applicationProperties().keySet()) {
            Matcher matcher = topicKey.matcher(key.replaceFirst("^%kafka\\.", ""));
            if (!key.matches("^%(?!kafka\\.).*") && matcher.matches()) {
                String channel = "mp.messaging." + matcher.group(1) + "." + matcher.group(2);
                if ("smallrye-kafka".equals(kafkaProfileProperty(channel + ".connector"))) {
                    topics.add(resolve(kafkaProfileProperty(matcher.group()), data));
                }
            }
        }
        return topics;
    }

    /** The value of a property under the kafka profile as written in application.properties (unresolved). */
    private static String kafkaProfileProperty(String name) {
        Map<String, String> properties = applicationProperties();
        return properties.getOrDefault("%kafka." + name, properties.get(name));
    }

    /** {@code ${VARIABLE:default}} replaced by the ConfigMap's VARIABLE, else the default. */
    private static String resolve(String value, JsonNode data) {
        Matcher expression = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}").matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (expression.find()) {
            expression.appendReplacement(resolved, Matcher.quoteReplacement(
                    data.path(expression.group(1)).asText(expression.group(2))));
        }
        return expression.appendTail(resolved).toString();
    }

    /** The fan-out topics' prefix when PULSE_KAFKA_SCREENS_PREFIX is not set: the configuration's default. */
    private static String screensPrefixDefault() {
        Matcher expression = Pattern.compile("\\$\\{PULSE_KAFKA_SCREENS_PREFIX:([^}]*)}").matcher(applicationPropertiesText());
        assertThat(expression.find()).as("application.properties names the screens' prefix").isTrue();
        return expression.group(1);
    }

    /** application.properties as key → value (as written: profile prefixes kept, expressions unresolved). */
    private static Map<String, String> applicationProperties() {
        Map<String, String> properties = new TreeMap<>();
        for (String line : applicationPropertiesText().split("\n")) {
            int equals = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                properties.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return properties;
    }

    private static String applicationPropertiesText() {
        try {
            return Files.readString(Path.of("src/main/resources/application.properties"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A profile the service is meant to run under: Quarkus' prod, or one application.properties configures. */
    private static boolean isServiceProfile(String profile) {
        return profile.equals("prod") || ("\n" + applicationPropertiesText()).contains("\n%" + profile + ".");
    }

    private static List<ObjectNode> ofKind(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(resource -> resource.path("kind").asText().equals(kind)).toList();
    }

    /**
     * A key the service reads: an environment variable named in application.properties, the environment
     * form of a property the configuration knows (in any profile), or QUARKUS_PROFILE (read by Quarkus itself
     * to choose the profile; its value is checked by isServiceProfile).
     */
    static boolean isServiceConfigKey(String key) {
        String properties = applicationPropertiesText();
        if (key.equals("QUARKUS_PROFILE")) {
            return true;
        }
        if (properties.contains("${" + key + ":") || properties.contains("${" + key + "}")) {
            return true;
        }
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            String unprofiled = name.replaceFirst("^%[\\w-]+\\.", "");
            if (unprofiled.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT).equals(key)) {
                return true;
            }
        }
        return false;
    }

    static int defaultHttpPort() throws IOException {
        Matcher port = Pattern.compile("(?m)^quarkus\\.http\\.port=\\$\\{PULSE_HTTP_PORT:(\\d+)}")
                .matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        assertThat(port.find()).isTrue();
        return Integer.parseInt(port.group(1));
    }

    static int jvmImageUser() throws IOException {
        Matcher user = Pattern.compile("(?m)^USER (\\d+)$").matcher(Files.readString(Path.of("docker/Dockerfile.jvm")));
        assertThat(user.find()).isTrue();
        return Integer.parseInt(user.group(1));
    }

    private static Set<Integer> egressPorts(JsonNode policy) {
        Set<Integer> ports = new HashSet<>();
        policy.path("spec").path("egress").forEach(rule -> rule.path("ports").forEach(port -> ports.add(port.path("port").asInt())));
        return ports;
    }

    private static void assertSelects(JsonNode selector, JsonNode labels, String what) {
        assertThat(selector.isObject() && !selector.isEmpty()).as(what + " has a selector").isTrue();
        selector.fields().forEachRemaining(entry ->
                assertThat(labels.path(entry.getKey()).asText()).as(what + " selects " + entry.getKey())
                        .isEqualTo(entry.getValue().asText()));
    }

    private static JsonNode single(JsonNode list) {
        assertThat(list.isArray()).as(list.toString()).isTrue();
        assertThat(list.size()).as(list.toString()).isEqualTo(1);
        return list.get(0);
    }

    private static long bytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(matcher.matches()).as(quantity).isTrue();
        return Long.parseLong(matcher.group(1)) << (matcher.group(2).equals("Gi") ? 30 : 20);
    }
}
