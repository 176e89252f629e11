package ru.tsur.pulse.counters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;
import ru.tsur.pulse.config.PulseConfig;
import ru.tsur.pulse.domain.StoredMessage;
import ru.tsur.pulse.pipeline.Channels;
import ru.tsur.pulse.push.HeatmapBroadcaster;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The count stage: takes newly stored messages in batches, counts them into Redis and passes on which
 * municipalities moved ({@link Channels#COUNTS_CHANGED}, read by the heat-map broadcaster). Also runs the periodic safety net: rebuild the view when Redis
 * lost it, and count messages left uncounted while Redis was down.
 */
@ApplicationScoped
public class CountingStage {

    private static final Logger LOG = Logger.getLogger(CountingStage.class);
    private static final int CATCH_UP_LIMIT = 5000;

    private final CounterService counters;
    private final HeatmapBroadcaster broadcaster;
    private final PulseConfig.Counters config;
    private final Vertx vertx;
    private final AtomicBoolean maintenanceRunning = new AtomicBoolean();
    private volatile boolean viewChecked;
    private final Counter deferredBatches;

    public CountingStage(CounterService counters, HeatmapBroadcaster broadcaster, PulseConfig config, Vertx vertx,
                         MeterRegistry registry) {
        this.counters = counters;
        this.broadcaster = broadcaster;
        this.config = config.counters();
        this.vertx = vertx;
        this.deferredBatches = Counter.builder("pulse.counters.deferred.batches")
                .description("Stored batches left to the catch-up job because Redis was still busy with earlier ones")
                .register(registry);
    }

    @Incoming(Channels.MESSAGES_STORED)
    @Outgoing(Channels.COUNTS_CHANGED)
    public Multi<CountedBatch> count(Multi<StoredMessage> stored) {
        return stored
                .group().intoLists().of(config.batchSize(), config.batchWindow())
                // Overflow policy: the timed grouping emits whether or not the previous Redis round is done; a
                // batch arriving while it is not is left uncounted in PostgreSQL (never claimed) and the
                // catch-up job counts it, instead of failing the stream with a back-pressure error.
                .onOverflow().invoke(batch -> deferredBatches.increment()).drop()
                .onItem().transformToUniAndConcatenate(this::countBatch)
                .select().where(batch -> batch.counted() > 0);
    }

    /** Counts one batch; when Redis is down the batch is left to the catch-up job and the stream goes on. */
    private Uni<CountedBatch> countBatch(List<StoredMessage> batch) {
        return counters.count(batch.stream().map(StoredMessage::id).toList())
                .onFailure().recoverWithItem(new CountedBatch(java.util.Set.of(), 0, null));
    }

    void startMaintenance(@Observes StartupEvent startup) {
        vertx.setPeriodic(0, Math.max(100, config.catchUpInterval().toMillis()), ignored -> maintain());
    }

    /** One round of the safety net; skipped while the previous round still runs. */
    void maintain() {
        if (!maintenanceRunning.compareAndSet(false, true)) {
            return;
        }
        Uni<Void> round = (!viewChecked && config.rebuildOnStart()
                ? counters.rebuildIfMissingOrStale().invoke(() -> viewChecked = true)
                : counters.rebuildIfMissing())
                .invoke(report -> {
                    if (report != null) {
                        broadcaster.everythingChanged();
                    }
                })
                .chain(() -> counters.catchUp(config.catchUpAge(), CATCH_UP_LIMIT))
                .invoke(batch -> {
                    if (batch.counted() > 0) {
                        LOG.infof("Caught up %d messages left uncounted", batch.counted());
                    }
                    broadcaster.countsChanged(batch);
                })
                .replaceWithVoid();
        round.subscribe().with(
                ignored -> maintenanceRunning.set(false),
                failure -> {
                    maintenanceRunning.set(false);
                    LOG.debugf("Counter maintenance skipped: %s", failure.toString());
                });
    }
}
