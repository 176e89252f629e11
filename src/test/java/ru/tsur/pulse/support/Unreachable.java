package ru.tsur.pulse.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Test profiles that start the service with one dependency out of reach (a port nothing listens on), for
 * the tests of how ingest and the read APIs behave during an outage. Test classes with the same profile
 * share one start of the service.
 */
public final class Unreachable {

    private Unreachable() {
    }

    /** PostgreSQL unreachable: no migrations, no datasource health check. */
    public static class Postgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:9/pulse_test",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.datasource.health.enabled", "false");
        }
    }

    /** Redis unreachable, with a short command timeout. */
    public static class Redis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:9/1",
                    "quarkus.redis.health.enabled", "false",
                    "quarkus.redis.timeout", "1s");
        }
    }
}
