package ru.tsur.pulse.pipeline;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Broadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;
import ru.tsur.pulse.ingest.IngestConfig;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.domain.StoredMessage;
import ru.tsur.pulse.messages.MessageRepository;
import ru.tsur.pulse.problems.Outages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The spine: the decisions ({@link DecisionPath}: normalize → mask → classify → locate → route), then persist
 * (batched). A message is acknowledged — and its
 * submitter answered — only after its batch is committed; a failed batch is negatively acknowledged so
 * nothing unconfirmed is reported as accepted. Newly stored messages are broadcast to every stage that
 * follows the commit (counters, cases); the tension detector re-counts from PostgreSQL instead. Under the
 * Kafka binding (no submitter waits: the messages carry no {@link IngestReceipt}) a PostgreSQL outage is not a
 * failure of the messages: their batch is retried until PostgreSQL answers, so they are neither sent to the
 * dead-letter topic nor committed; a message PostgreSQL refuses, or the decisions cannot prepare, is nacked
 * (the channel's failure strategy sends it to the dead-letter topic).
 */
@ApplicationScoped
public class MessagePipeline {

    private static final Logger LOG = Logger.getLogger(MessagePipeline.class);
    private static final int PERSIST_CONCURRENCY = 4;
    /** How long a batch from a broker waits before PostgreSQL is asked again during an outage. */
    private static final Duration OUTAGE_RETRY = Duration.ofSeconds(1);

    /** A message on its way to PostgreSQL, with the channel message to acknowledge. */
    private record Pending(Message<IncomingMessage> message, PreparedMessage prepared) {
    }

    private final DecisionPath decisions;
    private final MessageRepository repository;
    private final PipelineMetrics metrics;
    private final IngestConfig config;
    private final int decisionConcurrency;
    private final Outages outages;
    private volatile boolean stopping;

    public MessagePipeline(DecisionPath decisions, MessageRepository repository, PipelineMetrics metrics,
                           IngestConfig config, PipelineConfig pipelineConfig, Outages outages) {
        this.decisions = decisions;
        this.outages = outages;
        this.repository = repository;
        this.metrics = metrics;
        this.config = config;
        this.decisionConcurrency = pipelineConfig.effectiveDecisionConcurrency();
    }

    @Incoming(Channels.MESSAGES_IN)
    @Outgoing(Channels.MESSAGES_STORED)
    @Broadcast
    public Multi<Message<StoredMessage>> process(Multi<Message<IncomingMessage>> incoming) {
        return incoming
                .onItem().transformToUni(this::prepareOnWorker).merge(decisionConcurrency)
                .onItem().transformToIterable(prepared -> prepared)
                .group().intoLists().of(config.persistBatchSize(), config.persistBatchWindow())
                // While PERSIST_CONCURRENCY inserts run, the timed grouping must still be able to emit (else it
                // fails the stream for lack of demand). This buffer never fills: every message here holds one of
                // the gateway's max-in-flight permits, and each waiting batch holds at least one message.
                .onOverflow().buffer(config.maxInFlight())
                .onItem().transformToUni(this::persist).merge(PERSIST_CONCURRENCY)
                .onItem().transformToIterable(stored -> stored);
    }

    /**
     * The decision stages are CPU work (the classifier dominates): they run on a worker thread, up to
     * {@code pulse.pipeline.decision-concurrency} messages at once, so they use every core and never stall
     * the event loop that serves HTTP and the screens' sockets. Order across messages is not kept (nothing
     * downstream needs it: each message is acknowledged on its own).
     */
    private Uni<List<Pending>> prepareOnWorker(Message<IncomingMessage> message) {
        return Uni.createFrom().item(() -> prepareOrReject(message)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Runs the decision stages on one message; a message they cannot handle is rejected, not lost silently. */
    private List<Pending> prepareOrReject(Message<IncomingMessage> message) {
        if (message.getPayload() == null) {
            // A record the broker's consumer could not read (Kafka binding): poison, to the dead-letter topic.
            LOG.warnf("A message without a readable payload was rejected");
            message.nack(new IllegalArgumentException("the record could not be read as a message"));
            return List.of();
        }
        try {
            String normalized = message.getMetadata(NormalizedText.class).map(NormalizedText::text).orElse(null);
            return List.of(new Pending(message, decisions.decide(message.getPayload(), normalized, metrics::recordStages)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Message %s/%s could not be prepared", message.getPayload().source(),
                    message.getPayload().externalId());
            message.nack(e);
            return List.of();
        }
    }

    /**
     * Writes one batch; acknowledges each message after the commit. When PostgreSQL refuses the batch
     * because of a row (it answered: a value it cannot store), the batch is split in halves and each half
     * retried, so the refused row alone fails ({@link RowRefusedException}) and every other message is
     * stored — one client's bad input never fails its neighbours. When PostgreSQL cannot be reached, every
     * message of the batch fails, so nothing unconfirmed is reported as accepted (the submitters get 503).
     */
    private Uni<List<Message<StoredMessage>>> persist(List<Pending> batch) {
        List<PreparedMessage> prepared = batch.stream().map(Pending::prepared).toList();
        long started = System.nanoTime();
        return repository.insertBatch(prepared)
                .map(stored -> {
                    metrics.recordPersist(System.nanoTime() - started, batch.size());
                    outages.succeeded(Outages.Dependency.POSTGRESQL);
                    return acknowledge(batch, stored);
                })
                .onFailure().recoverWithUni(failure -> {
                    if (Outages.statementRefused(failure)) {
                        return splitAfterRefusal(batch, failure);
                    }
                    if (fromBroker(batch)) {
                        return retryAfterOutage(batch, failure);
                    }
                    return Uni.createFrom().item(() -> failAll(batch, failure));
                });
    }

    /** Whether no submitter waits on these messages: they came from a broker, which will deliver them again. */
    private static boolean fromBroker(List<Pending> batch) {
        return batch.stream().noneMatch(pending -> pending.message().getMetadata(IngestReceipt.class).isPresent());
    }

    /**
     * Holds a batch from a broker through a PostgreSQL outage: asks again every {@link #OUTAGE_RETRY} while the
     * partition waits behind it (the consumer pauses when the pipeline stops asking for messages), and gives up
     * only when the service stops — then it neither acknowledges nor rejects, so the offsets stay uncommitted and
     * the next consumer of the partition gets the messages again.
     */
    private Uni<List<Message<StoredMessage>>> retryAfterOutage(List<Pending> batch, Throwable failure) {
        metrics.recordPersistFailure();
        outages.failed(Outages.Dependency.POSTGRESQL, failure);
        if (stopping) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(OUTAGE_RETRY).chain(() -> persist(batch));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private static List<Message<StoredMessage>> acknowledge(List<Pending> batch, List<StoredMessage> stored) {
        List<Message<StoredMessage>> forwarded = new ArrayList<>(stored.size());
        for (int index = 0; index < batch.size(); index++) {
            Message<IncomingMessage> message = batch.get(index).message();
            StoredMessage result = stored.get(index);
            message.getMetadata(IngestReceipt.class).ifPresent(receipt -> receipt.record(result));
            message.ack();
            if (!result.duplicate()) {
                forwarded.add(Message.of(result));
            }
        }
        return forwarded;
    }

    private Uni<List<Message<StoredMessage>>> splitAfterRefusal(List<Pending> batch, Throwable failure) {
        if (batch.size() == 1) {
            Pending refused = batch.get(0);
            metrics.recordRowRefused();
            LOG.debugf("Message %s/%s refused by PostgreSQL: %s", refused.message().getPayload().source(),
                    refused.message().getPayload().externalId(), failure.getMessage());
            refused.message().nack(new RowRefusedException(failure.getMessage()));
            return Uni.createFrom().item(List.of());
        }
        // Halves one after the other: the split is rare (the door refuses what PostgreSQL would) and must not
        // multiply the connections one bad batch takes.
        int half = batch.size() / 2;
        List<Pending> first = batch.subList(0, half);
        List<Pending> second = batch.subList(half, batch.size());
        return persist(first).chain(stored -> persist(second).map(more -> {
            List<Message<StoredMessage>> all = new ArrayList<>(stored.size() + more.size());
            all.addAll(stored);
            all.addAll(more);
            return all;
        }));
    }

    private List<Message<StoredMessage>> failAll(List<Pending> batch, Throwable failure) {
        metrics.recordPersistFailure();
        outages.failed(Outages.Dependency.POSTGRESQL, failure);
        LOG.debugf("Batch of %d messages not stored: %s", batch.size(), failure.toString());
        batch.forEach(pending -> pending.message().nack(failure));
        return List.of();
    }
}
