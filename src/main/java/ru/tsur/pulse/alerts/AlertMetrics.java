package ru.tsur.pulse.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alerts' Prometheus figures: {@code pulse_alerts_active{kind,severity}} (firing alerts, counted in
 * PostgreSQL so every replica reports the same) and {@code pulse_alerts_changes_total{kind,change}}
 * (changes written by this replica: raised, updated, resolved, acknowledged, silenced, unsilenced).
 */
@ApplicationScoped
public class AlertMetrics {

    /** Kinds whose gauges exist from the start, so a quiet system reports 0 rather than nothing. */
    private static final List<String> KNOWN_KINDS = List.of("deadline", "tension");

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> active = new ConcurrentHashMap<>();

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String kind : KNOWN_KINDS) {
            for (String severity : AlertRaise.SEVERITIES) {
                gauge(kind, severity);
            }
        }
    }

    void changed(String kind, String change, int count) {
        Counter.builder("pulse.alerts.changes").description("Alert changes written by this replica")
                .tag("kind", kind).tag("change", change).register(registry).increment(count);
    }

    /** Sets every gauge from a fresh count; combinations not counted are 0. */
    void activeCounted(List<AlertRepository.FiringCount> counts) {
        Map<String, Long> fresh = new ConcurrentHashMap<>();
        for (AlertRepository.FiringCount count : counts) {
            fresh.put(count.kind() + '\u0000' + count.severity(), count.count());
            gauge(count.kind(), count.severity());
        }
        active.forEach((key, value) -> value.set(fresh.getOrDefault(key, 0L)));
    }

    private void gauge(String kind, String severity) {
        active.computeIfAbsent(kind + '\u0000' + severity, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("pulse.alerts.active", value, AtomicLong::get).description("Firing alerts")
                    .tag("kind", kind).tag("severity", severity).register(registry);
            return value;
        });
    }
}
