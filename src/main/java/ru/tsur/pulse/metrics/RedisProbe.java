package ru.tsur.pulse.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pings Redis on a timer and exports the answer as {@code pulse_redis_up} (1 or 0). Redis is deliberately
 * not part of readiness (ingest goes on without it), so without this gauge a Redis outage would show only
 * as failure counters; the {@code PulseRedisDown} alert reads it. One ping at a time, asynchronous (never
 * blocks the event loop).
 */
@ApplicationScoped
public class RedisProbe {

    private final Redis redis;
    private final MetricsConfig config;
    private final AtomicInteger up = new AtomicInteger();

    public RedisProbe(Redis redis, MetricsConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.config = config;
        Gauge.builder("pulse.redis.up", up, AtomicInteger::get)
                .description("1 when the last Redis ping was answered in time, else 0").register(registry);
    }

    /** One ping, answered in time or not; skipped while the previous one waits. */
    @Scheduled(every = "${pulse.metrics.redis-probe-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> ping() {
        return redis.send(Request.cmd(Command.PING))
                .ifNoItem().after(config.redisProbeTimeout()).fail()
                .invoke(pong -> up.set(1))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    up.set(0);
                    return null;
                });
    }
}
