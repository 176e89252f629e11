package ru.tsur.pulse.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicBoolean;
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
    private final Vertx vertx;
    private final MetricsConfig config;
    private final AtomicInteger up = new AtomicInteger();
    private final AtomicBoolean pinging = new AtomicBoolean();

    public RedisProbe(Redis redis, Vertx vertx, MetricsConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.vertx = vertx;
        this.config = config;
        Gauge.builder("pulse.redis.up", up, AtomicInteger::get)
                .description("1 when the last Redis ping was answered in time, else 0").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        vertx.setPeriodic(0, Math.max(100, config.redisProbeInterval().toMillis()), ignored -> ping());
    }

    void ping() {
        if (!pinging.compareAndSet(false, true)) {
            return;
        }
        redis.send(Request.cmd(Command.PING))
                .ifNoItem().after(config.redisProbeTimeout()).fail()
                .subscribe().with(
                        pong -> {
                            up.set(1);
                            pinging.set(false);
                        },
                        failure -> {
                            up.set(0);
                            pinging.set(false);
                        });
    }
}
