package ru.tsur.pulse.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.Location;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline's own meters: stage latencies, classification confidence and triage, locate outcomes,
 * persist batch sizes and PostgreSQL failures. Names follow Prometheus conventions once exported (base
 * units, {@code _seconds}, {@code _total}); labels are small fixed sets (stage, method, operation).
 */
@Startup // its meters exist (at 0) from startup, so rates and dashboards start from a quiet system
@ApplicationScoped
public class PipelineMetrics {

    /** Histogram buckets of the stage timers: the decision stages take microseconds, persist milliseconds. */
    private static final Duration[] STAGE_BUCKETS = {Duration.ofNanos(10_000), Duration.ofNanos(50_000),
            Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
            Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1)};

    private final Timer normalizeTimer;
    private final Timer classifyTimer;
    private final Timer locateTimer;
    private final Timer routeTimer;
    private final DistributionSummary confidence;
    private final Counter triaged;
    private final Timer persistTimer;
    private final DistributionSummary persistBatchSize;
    private final Counter persistFailures;
    private final Counter rowsRefused;
    private final Counter locatedByCoordinates;
    private final Counter locatedByHint;
    private final Counter locatedByText;
    private final Counter locateMisses;

    public PipelineMetrics(MeterRegistry registry) {
        this.normalizeTimer = stageTimer(registry, "normalize");
        this.classifyTimer = stageTimer(registry, "classify");
        this.locateTimer = stageTimer(registry, "locate");
        this.routeTimer = stageTimer(registry, "route");
        this.confidence = DistributionSummary.builder("pulse.classify.confidence")
                .description("Calibrated probability of the chosen category (1 when the source gave it)")
                .serviceLevelObjectives(0.3, 0.5, 0.7, 0.9).register(registry);
        this.triaged = Counter.builder("pulse.classify.triage")
                .description("Messages the classifier was not sure of, flagged for manual triage").register(registry);
        this.persistTimer = stageTimer(registry, "persist");
        this.persistBatchSize = DistributionSummary.builder("pulse.persist.batch")
                .description("Messages per PostgreSQL insert batch").baseUnit("messages")
                .serviceLevelObjectives(1, 10, 50, 100, 250, 500).register(registry);
        this.persistFailures = Counter.builder("pulse.postgres.failures").tag("operation", "persist")
                .description("PostgreSQL operations that failed because PostgreSQL was out of reach (persist: insert batches not committed)").register(registry);
        this.rowsRefused = Counter.builder("pulse.ingest.rows.refused")
                .description("Messages whose row PostgreSQL refused (answered with an error): refused alone, their batch split and stored")
                .register(registry);
        this.locatedByCoordinates = locateCounter(registry, "coordinates");
        this.locatedByHint = locateCounter(registry, "hint");
        this.locatedByText = locateCounter(registry, "text");
        this.locateMisses = locateCounter(registry, "none");
    }

    private static Timer stageTimer(MeterRegistry registry, String stage) {
        return Timer.builder("pulse.pipeline.stage.duration").tag("stage", stage)
                .description("Time a pipeline stage spends per message (per batch for persist)")
                .serviceLevelObjectives(STAGE_BUCKETS).register(registry);
    }

    private static Counter locateCounter(MeterRegistry registry, String method) {
        return Counter.builder("pulse.locate.results").tag("method", method)
                .description("Messages placed by coordinates, by name hint, by a place named in the text, or not at all").register(registry);
    }

    void recordStages(long normalizeNanos, long classifyNanos, long locateNanos, long routeNanos, Location location,
                      Classification classification) {
        normalizeTimer.record(normalizeNanos, TimeUnit.NANOSECONDS);
        classifyTimer.record(classifyNanos, TimeUnit.NANOSECONDS);
        locateTimer.record(locateNanos, TimeUnit.NANOSECONDS);
        routeTimer.record(routeNanos, TimeUnit.NANOSECONDS);
        confidence.record(classification.confidence());
        if (classification.triage()) {
            triaged.increment();
        }
        switch (location.method()) {
            case "coordinates" -> locatedByCoordinates.increment();
            case "hint" -> locatedByHint.increment();
            case "text" -> locatedByText.increment();
            default -> locateMisses.increment();
        }
    }

    void recordPersist(long nanos, int size) {
        persistTimer.record(nanos, TimeUnit.NANOSECONDS);
        persistBatchSize.record(size);
    }

    void recordRowRefused() {
        rowsRefused.increment();
    }

    void recordPersistFailure() {
        persistFailures.increment();
    }
}
