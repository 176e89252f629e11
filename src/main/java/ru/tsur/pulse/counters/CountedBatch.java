package ru.tsur.pulse.counters;

import java.time.Instant;
import java.util.Set;

/**
 * What a counting round changed: the municipalities whose counts moved, how many messages were new to
 * Redis, and when the oldest of them was received (for ingest-to-wall freshness).
 */
public record CountedBatch(Set<String> municipalities, int counted, Instant oldestReceivedAt) {
}
