package ru.tsur.pulse.tools;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.ingest.IngestConfig;
import ru.tsur.pulse.route.RoutingConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A service setting as an offline command reads it: the environment as MicroProfile Config maps it, else the default. */
class ServiceSettingsTest {

    @Test
    void keysAndTheirEnvironmentVariables() {
        assertThat(ServiceSettings.key(RoutingConfig.class, "modelConfidence")).isEqualTo("pulse.routing.model-confidence");
        assertThat(ServiceSettings.environmentName("pulse.routing.model-confidence")).isEqualTo("PULSE_ROUTING_MODEL_CONFIDENCE");
    }

    @Test
    void theEnvironmentWinsOverTheDefault() {
        ServiceSettings none = new ServiceSettings(Map.of());
        assertThat(none.number(RoutingConfig.class, "modelConfidence")).isEqualTo(0.0);
        assertThat(none.duration(IngestConfig.class, "maxClockSkew")).isEqualTo(Duration.ofMinutes(5));
        assertThat(none.whole(IngestConfig.class, "maxTextLength")).isEqualTo(20_000);
        assertThat(none.value(RoutingConfig.class, "overridesFile")).isEmpty();

        ServiceSettings set = new ServiceSettings(Map.of("PULSE_ROUTING_MODEL_CONFIDENCE", "0.7",
                "PULSE_INGEST_MAX_CLOCK_SKEW", "PT1M", "PULSE_ROUTING_OVERRIDES_FILE", " /etc/pulse/overrides.csv "));
        assertThat(set.number(RoutingConfig.class, "modelConfidence")).isEqualTo(0.7);
        assertThat(set.duration(IngestConfig.class, "maxClockSkew")).isEqualTo(Duration.ofMinutes(1));
        assertThat(set.value(RoutingConfig.class, "overridesFile")).isEqualTo(Optional.of("/etc/pulse/overrides.csv"));
    }
}
