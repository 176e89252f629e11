package ru.tsur.pulse.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/**
 * Gives the HTTP server timer ({@code http_server_requests_seconds}) a small fixed set of buckets, so the
 * RED dashboard can draw latency percentiles and the rules can compute an HTTP latency ratio without
 * Micrometer's ~70 default buckets per uri × method × status.
 */
@Singleton
public class HttpLatencyHistogram {

    @Produces
    @Singleton
    MeterFilter httpServerBuckets(MetricsConfig config) {
        double[] bucketsNanos = config.httpLatencyBucketsSeconds().stream()
                .mapToDouble(seconds -> seconds * TimeUnit.SECONDS.toNanos(1)).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig statistics) {
                if (!id.getName().equals("http.server.requests")) {
                    return statistics;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bucketsNanos).build()
                        .merge(statistics);
            }
        };
    }
}
