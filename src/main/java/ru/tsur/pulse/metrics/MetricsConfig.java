package ru.tsur.pulse.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/**
 * Tunables of the service's own monitoring (prefix {@code pulse.metrics}): how often Redis is probed for
 * {@code pulse_redis_up} and the latency buckets of the HTTP server histogram.
 */
@ConfigMapping(prefix = "pulse.metrics")
public interface MetricsConfig {

    /** How often Redis is pinged to set {@code pulse_redis_up}; the alert on it waits a minute. */
    @WithDefault("5s")
    Duration redisProbeInterval();

    /** Longest a Redis ping may take before the probe counts Redis as down. */
    @WithDefault("2s")
    Duration redisProbeTimeout();

    /** Bucket bounds of {@code http_server_requests_seconds} (RED latency panels and percentiles). */
    @WithDefault("0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5")
    List<Double> httpLatencyBucketsSeconds();
}
