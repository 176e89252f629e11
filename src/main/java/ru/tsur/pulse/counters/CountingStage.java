package ru.tsur.pulse.counters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;
import ru.tsur.pulse.domain.StoredMessage;
import ru.tsur.pulse.leases.JobLeases;
import ru.tsur.pulse.pipeline.Channels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

/**
 * The count stage: queues newly stored messages (bounded; overflow goes to the catch-up job), counts them
 * into Redis a batch at a time — messages arriving during a round join the next one — and passes on which
 * municipalities moved ({@link Channels#COUNTS_CHANGED}, read by the heat map). Also runs the periodic safety
 * net — rebuild the view when Redis lost it, count messages left uncounted while Redis was down — and rebuilds
 * on request; their results take the same channel (through an emitter: the channel is merged), so every change
 * of the counts reaches screens by one door.
 */
@ApplicationScoped
public class CountingStage {

    private static final Logger LOG = Logger.getLogger(CountingStage.class);
    private static final int CATCH_UP_LIMIT = 5000;
    /** Stored messages that may wait for a counting round; past that, the catch-up job counts them. */
    private static final int WAITING_LIMIT = 100_000;
    /** The lease of the replica that runs the catch-up and the rebuilds (leases.JobLeases). */
    static final String LEASE = "counter-maintenance";

    private final CounterService counters;
    private final MutinyEmitter<CountedBatch> maintained;
    private final CountersConfig config;
    private final JobLeases leases;
    private final BlockingQueue<Long> waiting = new ArrayBlockingQueue<>(WAITING_LIMIT);
    private final Counter leftToCatchUp;
    private volatile boolean viewChecked;

    /**
     * @param maintained the catch-up job's and the rebuilds' results; a few per interval at most, so a small
     *                   buffer never fills unless the heat map is stuck — then the oldest results are not needed
     *                   (the next minute re-reads every municipality anyway) and a failed send is only logged
     */
    public CountingStage(CounterService counters,
                         @Channel(Channels.COUNTS_CHANGED) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 64)
                         MutinyEmitter<CountedBatch> maintained,
                         CountersConfig config, JobLeases leases, MeterRegistry registry) {
        this.counters = counters;
        this.leases = leases;
        this.leftToCatchUp = Counter.builder("pulse.counters.left.to.catch.up")
                .description("Stored messages not queued for counting (queue full); the catch-up job counts them")
                .register(registry);
        this.maintained = maintained;
        this.config = config;
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
        return counters.count(ids).onFailure().recoverWithItem(new CountedBatch(Set.of(), 0, null));
    }

    /**
     * One round of the safety net, on the one replica that holds its lease (replicas share Redis: two rebuilding
     * at once would only do the work twice); skipped while the previous round still runs.
     */
    @Scheduled(every = "${pulse.counters.catch-up-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // Not while the application starts: the channels it emits on may not be connected yet (SRMSG00019).
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> maintain() {
        return leases.take(LEASE, config.catchUpInterval().multipliedBy(3))
                .chain(held -> held ? maintainHeld() : Uni.createFrom().voidItem())
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Counter maintenance skipped: %s", failure.toString());
                    return null;
                });
    }

    private Uni<Void> maintainHeld() {
        boolean starting = !viewChecked && config.rebuildOnStart();
        return (starting
                ? counters.rebuildIfMissingOrStale().invoke(() -> viewChecked = true)
                : counters.rebuildIfMissing())
                .invoke(report -> {
                    // The start-up rebuild is not announced: the heat map may not have subscribed yet (the send
                    // failed with a warning), and its first tick reads every municipality anyway.
                    if (report != null && !starting) {
                        announce(everything());
                    }
                })
                .chain(() -> counters.catchUp(config.catchUpAge(), CATCH_UP_LIMIT))
                .invoke(batch -> {
                    if (batch.counted() > 0) {
                        LOG.infof("Caught up %d messages left uncounted", batch.counted());
                    }
                    announce(batch);
                })
                .replaceWithVoid();
    }

    /** Rebuilds the Redis view from PostgreSQL (an operator asked for it); every municipality is then re-read. */
    public Uni<CounterService.RebuildReport> rebuild(String reason) {
        return counters.rebuild(reason).invoke(report -> announce(everything()));
    }

    private CountedBatch everything() {
        return new CountedBatch(Set.copyOf(counters.municipalityIds()), 0, null);
    }

    private void announce(CountedBatch batch) {
        if (batch.municipalities().isEmpty()) {
            return;
        }
        maintained.sendAndForget(batch);
    }
}
