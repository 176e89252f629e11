package ru.tsur.pulse.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Tunables of the ingest API and of the pipeline in front of PostgreSQL (prefix {@code pulse.ingest}): how
 * much one request may carry, how many accepted messages may wait for their commit, how they are batched
 * into INSERTs, and what a source is told when the service cannot take more.
 */
@ConfigMapping(prefix = "pulse.ingest")
public interface IngestConfig {

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
