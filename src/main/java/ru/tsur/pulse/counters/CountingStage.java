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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The count stage: queues newly stored messages (bounded; overflow goes to the catch-up job), counts them
 * into Redis a batch at a time — messages arriving during a round join the next one — and passes on which
 * municipalities moved ({@link Channels#COUNTS_CHANGED}, read by the heat-map broadcaster). Also runs the periodic safety net: rebuild the view when Redis
 * lost it, and count messages left uncounted while Redis was down.
 */
@ApplicationScoped
public class CountingStage {

    private static final Logger LOG = Logger.getLogger(CountingStage.class);
    private static final int CATCH_UP_LIMIT = 5000;
    /** Stored messages that may wait for a counting round; past that, the catch-up job counts them. */
    private static final int WAITING_LIMIT = 100_000;

    private final CounterService counters;
    private final HeatmapBroadcaster broadcaster;
    private final PulseConfig.Counters config;
    private final Vertx vertx;
    private final AtomicBoolean maintenanceRunning = new AtomicBoolean();
    private final BlockingQueue<Long> waiting = new ArrayBlockingQueue<>(WAITING_LIMIT);
    private final Counter leftToCatchUp;
    private volatile boolean viewChecked;

    public CountingStage(CounterService counters, HeatmapBroadcaster broadcaster, PulseConfig config, Vertx vertx,
                         MeterRegistry registry) {
        this.counters = counters;
        this.leftToCatchUp = Counter.builder("pulse.counters.left.to.catch.up")
                .description("Stored messages not queued for counting (queue full); the catch-up job counts them")
                .register(registry);
        this.broadcaster = broadcaster;
        this.config = config.counters();
        this.vertx = vertx;
    }

    @Incoming(Channels.MESSAGES_STORED)
    @Outgoing(Channels.COUNTS_CHANGED)
    public Multi<CountedBatch> count(Multi<StoredMessage> stored) {
        return stored
                .onItem().invoke(this::enqueue)
                .group().intoLists().of(config.batchSize(), config.batchWindow())
                // The groups only wake the counter (the ids wait in the queue), so keeping the latest one is
                // enough; and the timed grouping then never lacks demand while a round runs (it used to fail the
                // whole stream with a BackPressureFailure as soon as messages came faster than one round).
                .onOverflow().dropPreviousItems()
                .onItem().transformToMultiAndConcatenate(wakeUp -> countWaiting())
                .select().where(batch -> batch.counted() > 0);
    }

    /** Queues a stored message for counting; when the queue is full it is left to the catch-up job. */
    private void enqueue(StoredMessage message) {
        if (!waiting.offer(message.id())) {
            leftToCatchUp.increment();
        }
    }

    /** Counts everything waiting, a batch at a time (what arrives meanwhile joins the next batch). */
    private Multi<CountedBatch> countWaiting() {
        return Multi.createBy().repeating().uni(this::countNextBatch).whilst(batch -> !waiting.isEmpty());
    }

    /** Counts one batch; when Redis is down the batch is left to the catch-up job and the stream goes on. */
    private Uni<CountedBatch> countNextBatch() {
        List<Long> ids = new ArrayList<>(config.batchSize());
        waiting.drainTo(ids, config.batchSize());
        return counters.count(ids).onFailure().recoverWithItem(new CountedBatch(java.util.Set.of(), 0, null));
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
