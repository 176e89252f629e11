package ru.tsur.pulse.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana files as Grafana will load them: the datasource is provisioned with the uid every panel and
 * query names, each dashboard JSON is a valid model (uid, title, schemaVersion, unique panel ids, panels
 * inside the 24-column grid) and uses only variables it defines. The metric names themselves are checked
 * against a real scrape by {@link OperationsMetricsTest}.
 */
class DashboardsTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");
    private static final Set<String> GRAFANA_VARIABLES = Set.of("__rate_interval", "__interval", "__range");

    @Test
    void datasourceAndProviderAreProvisioned() throws IOException {
        JsonNode datasources = new YAMLMapper().readTree(Path.of("grafana/provisioning/datasources/prometheus.yaml").toFile());
        assertThat(datasources.path("datasources").findValuesAsText("uid")).containsExactly("prometheus");
        assertThat(datasources.path("datasources").path(0).path("type").asText()).isEqualTo("prometheus");
        JsonNode providers = new YAMLMapper().readTree(Path.of("grafana/provisioning/dashboards/tsur-pulse.yaml").toFile());
        assertThat(providers.path("providers").path(0).path("options").path("path").asText())
                .isEqualTo("/var/lib/grafana/dashboards");
    }

    @Test
    void everyDashboardIsAValidModelOnTheProvisionedDatasource() throws IOException {
        List<Path> files = OperationsMetricsTest.dashboards();
        assertThat(files).extracting(file -> file.getFileName().toString()).containsExactlyInAnyOrder(
                "pulse-service.json", "pulse-freshness.json", "pulse-control-room.json", "pulse-deadlines.json");
        Set<String> uids = new HashSet<>();
        for (Path file : files) {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            String name = file.getFileName().toString();
            assertThat(dashboard.path("uid").asText()).as(name).isEqualTo(name.replace(".json", ""));
            assertThat(uids.add(dashboard.path("uid").asText())).isTrue();
            assertThat(dashboard.path("title").asText()).as(name).isNotBlank();
            assertThat(dashboard.path("schemaVersion").asInt()).as(name).isGreaterThanOrEqualTo(36);
            assertThat(dashboard.has("id")).as(name + " must not carry a database id").isFalse();

            Set<String> defined = new HashSet<>(GRAFANA_VARIABLES);
            dashboard.path("templating").path("list").forEach(variable -> defined.add(variable.path("name").asText()));
            Set<Integer> panelIds = new HashSet<>();
            List<JsonNode> panels = new ArrayList<>();
            dashboard.path("panels").forEach(panels::add);
            assertThat(panels).as(name).hasSizeGreaterThan(3);
            for (JsonNode panel : panels) {
                String title = name + " / " + panel.path("title").asText();
                assertThat(panelIds.add(panel.path("id").asInt())).as(title + " id unique").isTrue();
                JsonNode grid = panel.path("gridPos");
                assertThat(grid.path("w").asInt()).as(title).isBetween(1, 24);
                assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title).isLessThanOrEqualTo(24);
                assertThat(grid.path("h").asInt()).as(title).isPositive();
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("prometheus");
                assertThat(panel.path("targets")).as(title).isNotEmpty();
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo("prometheus");
                    assertThat(refIds.add(target.path("refId").asText())).as(title + " refId unique").isTrue();
                    String expression = target.path("expr").asText();
                    assertThat(expression).as(title).isNotBlank();
                    Matcher variable = VARIABLE.matcher(expression + " " + panel.path("title").asText());
                    while (variable.find()) {
                        assertThat(defined).as(title + " uses $" + variable.group(1)).contains(variable.group(1));
                    }
                }
            }
        }
    }
}
