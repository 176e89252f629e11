package ru.tsur.pulse.counters;

/**
 * Names of the Redis keys of the counters. Every key of one municipality carries the municipality id as
 * a hash tag ({@code {id}}), so one municipality's keys share a Redis Cluster slot and its Lua scripts
 * stay legal on a cluster. Layout under {@code <prefix>:<region>:{<municipality>}:}: {@code total}
 * (hash category → count, all time), {@code m:<epoch minute>} and {@code h:<epoch hour>} (bucket
 * hashes with TTLs), {@code w:1h}, {@code w:24h}, {@code w:7d} (rolling windows), {@code clock},
 * {@code seen:<epoch hour>} (ids already counted).
 */
public final class CounterKeys {

    private final String base;

    public CounterKeys(String prefix, String region) {
        this.base = prefix + ":" + region + ":";
    }

    /** The prefix of all keys of one municipality (passed to the scripts as KEYS[1]). */
    public String municipality(String municipalityId) {
        return base + "{" + municipalityId + "}:";
    }

    /** Glob matching every per-municipality key of this region. */
    public String allMunicipalitiesPattern() {
        return base + "{*";
    }

    /** Hash with facts about the view itself (when it was rebuilt). */
    public String meta() {
        return base + "meta";
    }
}
