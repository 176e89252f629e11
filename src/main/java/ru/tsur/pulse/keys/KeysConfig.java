package ru.tsur.pulse.keys;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** API keys of source systems: lookup cache, rate limit, listing and lifetimes (prefix {@code pulse.keys}). */
@ConfigMapping(prefix = "pulse.keys")
public interface KeysConfig {

    /**
     * How long a key lookup is trusted before PostgreSQL is asked again. A revoke takes effect at once on the
     * replica that did it; on the others within this time.
     */
    @WithDefault("10s")
    Duration cacheTtl();

    /** Most key lookups one replica keeps. */
    @WithDefault("10000")
    int cacheSize();

    /** Messages a second each key may post on average (its token bucket's refill). */
    @WithDefault("200")
    int ratePerSecond();

    /** Messages a key may post at once (its token bucket's capacity); keep it at least the ingest batch maximum. */
    @WithDefault("2000")
    int burst();

    /** Most rate-limit buckets one replica keeps before forgetting the full ones. */
    @WithDefault("10000")
    int maxBuckets();

    /** Most keys {@code GET /api/v1/admin/keys} lists, newest first. */
    @WithDefault("1000")
    int maxListed();

    /** How long a key lives when it is created without {@code expiresAt}. */
    @WithDefault("365d")
    Duration defaultLifetime();

    /** The furthest ahead a key's {@code expiresAt} may lie, from its creation. */
    @WithDefault("730d")
    Duration maxLifetime();

    /** How often a replica writes the keys it saw used to {@code last_used_at} (at most once per key per period). */
    @WithDefault("1m")
    Duration lastUsedInterval();
}
