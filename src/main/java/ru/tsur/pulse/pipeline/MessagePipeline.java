package ru.tsur.pulse.pipeline;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.annotations.Broadcast;
import jakarta.enterprise.context.ApplicationScoped;
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

import java.util.ArrayList;
import java.util.List;

/**
 * The spine: the decisions ({@link DecisionPath}: normalize → mask → classify → locate → route), then persist
 * (batched). A message is acknowledged — and its
 * submitter answered — only after its batch is committed; a failed batch is negatively acknowledged so
 * nothing unconfirmed is reported as accepted. Newly stored messages are broadcast to every stage that
 * follows the commit (counters, cases); the tension detector re-counts from PostgreSQL instead.
 */
@ApplicationScoped
public class MessagePipeline {

    private static final Logger LOG = Logger.getLogger(MessagePipeline.class);
    private static final int PERSIST_CONCURRENCY = 4;

    /** A message on its way to PostgreSQL, with the channel message to acknowledge. */
    private record Pending(Message<IncomingMessage> message, PreparedMessage prepared) {
    }

    private final DecisionPath decisions;
    private final MessageRepository repository;
    private final PipelineMetrics metrics;
    private final IngestConfig config;
    private final int decisionConcurrency;
    private final Outages outages;

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
                .onFailure().recoverWithUni(failure -> Outages.statementRefused(failure)
                        ? splitAfterRefusal(batch, failure)
                        : Uni.createFrom().item(() -> failAll(batch, failure)));
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
