package ru.tsur.pulse.counters;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Tunables of the live counters in Redis (prefix {@code pulse.counters}): how stored messages are batched
 * into Redis pipelines, how messages left uncounted while Redis was down are caught up, and the keys' prefix.
 */
@ConfigMapping(prefix = "pulse.counters")
public interface CountersConfig {

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
