package ru.tsur.pulse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Every tunable of the service in one typed tree (prefix {@code pulse}). Hosts and credentials of
 * PostgreSQL and Redis stay in Quarkus' own keys ({@code quarkus.datasource.*}, {@code quarkus.redis.*});
 * everything the control room or the SRE may want to change about behaviour lives here.
 */
@ConfigMapping(prefix = "pulse")
public interface PulseConfig {

    /** Region pack to load from {@code regions/<id>/} on the classpath: {@code spb} or {@code kursk}. */
    @WithDefault("spb")
    String region();

    /** Where PostgreSQL is; the Quarkus datasource URLs are built from these keys. */
    Database database();

    /** Ingest API and the pipeline in front of PostgreSQL. */
    Ingest ingest();

    /** The classify stage. */
    Classify classify();

    /** The route stage. */
    Routing routing();

    /** Live counters in Redis. */
    Counters counters();

    /** Built-in demo message generator. */
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

    interface Ingest {
        /** Most messages accepted in one batch request; more is answered 413. */
        @WithDefault("1000")
        int batchMaxCount();

        /** Largest request body read by the ingest API, in bytes; more is answered 413. */
        @WithDefault("4194304")
        int maxBodyBytes();

        /** Messages accepted but not yet committed, across all requests; past it requests get 503. */
        @WithDefault("20000")
        int maxInFlight();

        /** Most messages written to PostgreSQL in one INSERT. */
        @WithDefault("500")
        int persistBatchSize();

        /** Longest a message waits for its persist batch to fill. */
        @WithDefault("5ms")
        Duration persistBatchWindow();

        /** Retry-After sent with 503 when PostgreSQL is unavailable or the pipeline is full. */
        @WithDefault("5s")
        Duration retryAfter();

        /** How far in the future a message's createdAt may lie (clock skew of sources). */
        @WithDefault("5m")
        Duration maxClockSkew();

        /** Longest accepted message text, in characters. */
        @WithDefault("20000")
        int maxTextLength();
    }

    interface Classify {
        /** Below this calibrated probability of its category a message is flagged for manual triage. */
        @WithDefault("0.5")
        double triageBelow();
    }

    interface Routing {
        /** The control room's routing overrides (CSV: topic,category,municipality,executor,deadline_class,comment); none if unset. */
        java.util.Optional<String> overridesFile();

        /**
         * The trained executor head (text plus place) decides when it is at least this sure; below, the
         * learned routing table does. Overrides always win.
         */
        @WithDefault("0.0")
        double modelConfidence();
    }

    interface Counters {
        /** Most stored messages counted in one Redis pipeline. */
        @WithDefault("500")
        int batchSize();

        /** Longest a stored message waits for its counting batch to fill. */
        @WithDefault("10ms")
        Duration batchWindow();

        /** How often messages left uncounted (Redis was down) are looked for and counted. */
        @WithDefault("5s")
        Duration catchUpInterval();

        /** A message uncounted for longer than this is taken by the catch-up job. */
        @WithDefault("3s")
        Duration catchUpAge();

        /** Rebuild the counters from PostgreSQL at startup when Redis lacks them or disagrees. */
        @WithDefault("true")
        boolean rebuildOnStart();

        /** Prefix of every Redis key the service writes, so several deployments can share a Redis. */
        @WithDefault("pulse")
        String keyPrefix();
    }

    interface Demo {
        /** Whether the built-in generator feeds the pipeline (on in the {@code demo} profile). */
        @WithDefault("false")
        boolean enabled();

        /** Mean messages per second the generator produces, before the daily rhythm is applied. */
        @WithDefault("5")
        double rate();

        /** Seed of the generator's random numbers, for reproducible demos. */
        @WithDefault("20201018")
        long seed();
    }
}
