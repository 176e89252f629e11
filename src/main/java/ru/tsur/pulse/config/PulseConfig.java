package ru.tsur.pulse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import ru.tsur.pulse.counters.CountersConfig;
import ru.tsur.pulse.ingest.IngestConfig;

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
}
