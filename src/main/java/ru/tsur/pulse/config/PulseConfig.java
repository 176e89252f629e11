package ru.tsur.pulse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import ru.tsur.pulse.counters.CountersConfig;
import ru.tsur.pulse.demo.DemoConfig;
import ru.tsur.pulse.ingest.IngestConfig;

import java.time.Duration;

/**
 * The settings every part of the service shares (prefix {@code pulse}): which region pack is served and
 * where PostgreSQL is. Each feature's own tunables live in a typed mapping in its package (README
 * «Configuration» lists them all with their prefixes: {@code pulse.ingest} in {@link IngestConfig},
 * {@code pulse.counters} in {@link CountersConfig}, {@code pulse.cases} in {@code CasesConfig}, …). Hosts and
 * credentials of Redis stay in Quarkus' own keys ({@code quarkus.redis.*}).
 */
@ConfigMapping(prefix = "pulse")
public interface PulseConfig {

    /** Region pack to load from {@code regions/<id>/} on the classpath: {@code spb} or {@code kursk}. */
    @WithDefault("spb")
    String region();

    /** Where PostgreSQL is; the Quarkus datasource URLs are built from these keys. */
    Database database();

    /** WebSocket push to wall screens. */
    Push push();

    /**
     * The {@code pulse.ingest} keys, for the classes not yet given {@link IngestConfig} itself
     * ({@code pipeline/MessagePipeline}); the keys are documented there.
     */
    @Deprecated(forRemoval = true)
    Ingest ingest();

    /**
     * The {@code pulse.counters} keys, for the classes not yet given {@link CountersConfig} itself
     * ({@code counters/CountingStage}); the keys are documented there.
     */
    @Deprecated(forRemoval = true)
    Counters counters();

    /**
     * The {@code pulse.demo} keys, for the classes not yet given {@link DemoConfig} itself
     * ({@code demo/DemoFeed}); the keys are documented there.
     */
    @Deprecated(forRemoval = true)
    Demo demo();

    interface Database {
        /** PostgreSQL host (env PULSE_DB_HOST). */
        @WithDefault("127.0.0.1")
        String host();

        /** PostgreSQL port (env PULSE_DB_PORT). */
        @WithDefault("5432")
        int port();

        /** Database name (env PULSE_DB_NAME; tests use PULSE_TEST_DB_NAME, default pulse_test). */
        @WithDefault("pulse")
        String name();
    }

    interface Push {
        /** Period of the heat-map tick: deltas are coalesced over it. */
        @WithDefault("100ms")
        Duration tick();

        /** Frames a screen may have unsent before it is skipped and later given a fresh snapshot. */
        @WithDefault("16")
        int clientBuffer();

        /** Period of heartbeats carrying the current sequence number, so a screen sees a lost last delta. */
        @WithDefault("5s")
        Duration heartbeat();
    }

    /** {@link IngestConfig} under its old name, until its last readers inject it. */
    @Deprecated(forRemoval = true)
    interface Ingest extends IngestConfig {
    }

    /** {@link CountersConfig} under its old name, until its last readers inject it. */
    @Deprecated(forRemoval = true)
    interface Counters extends CountersConfig {
    }

    /** {@link DemoConfig} under its old name, until its last readers inject it. */
    @Deprecated(forRemoval = true)
    interface Demo extends DemoConfig {
    }
}
