package ru.tsur.pulse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Renders k8s/base and both overlays (support.Kustomize: the resources and strategic-merge patches they
 * use) and checks what a schema validator cannot: probes name paths the running service answers, ports and
 * selectors agree across Deployment, Service, PDB, NetworkPolicy, HPA and ServiceMonitor, the pod is
 * non-root with a read-only root filesystem, graceful shutdown fits the grace period, and every ConfigMap
 * and Secret key is a configuration key of the service.
 */
@QuarkusTest
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final String APP = "tsur-pulse";

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
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

        // Scaling: the HPA drives this Deployment; a drain can always proceed.
        JsonNode hpa = Kustomize.find(resources, "HorizontalPodAutoscaler", APP).path("spec");
        assertThat(hpa.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.path("scaleTargetRef").path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(deployment.path("metadata").path("name").asText());
        int replicas = deployment.path("spec").path("replicas").asInt();
        assertThat(replicas).isBetween(hpa.path("minReplicas").asInt(), hpa.path("maxReplicas").asInt());
        JsonNode pdb = Kustomize.find(resources, "PodDisruptionBudget", APP).path("spec");
        assertThat(pdb.has("minAvailable") ^ pdb.has("maxUnavailable")).as("exactly one of minAvailable/maxUnavailable").isTrue();
        if (pdb.has("minAvailable")) {
            assertThat(pdb.path("minAvailable").asInt()).isLessThan(hpa.path("minReplicas").asInt());
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

    /**
     * A key the service reads: an environment variable named in application.properties, or the environment
     * form of a property the configuration knows (in any profile).
     */
    static boolean isServiceConfigKey(String key) {
        String properties;
        try {
            properties = Files.readString(Path.of("src/main/resources/application.properties"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
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

    private static int defaultHttpPort() throws IOException {
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
