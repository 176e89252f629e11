package ru.tsur.pulse.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import ru.tsur.pulse.config.PulseConfig;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.pipeline.Channels;
import ru.tsur.pulse.pipeline.IngestReceipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The one door into the pipeline for every source (REST, demo feed, replay): puts messages on
 * {@link Channels#MESSAGES_IN} and completes when PostgreSQL has committed them. At most
 * {@code pulse.ingest.max-in-flight} messages wait at once; past that, callers are refused at once
 * (overflow policy: reject with 503, never queue without bound).
 */
@ApplicationScoped
public class IngestGateway {

    /** What the pipeline answered for one message. */
    public record Accepted(long id, boolean duplicate) {
    }

    private final MutinyEmitter<IncomingMessage> emitter;
    private final Semaphore inFlight;
    private final long retryAfterSeconds;
    private final MeterRegistry registry;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

    public IngestGateway(@Channel(Channels.MESSAGES_IN) MutinyEmitter<IncomingMessage> emitter, PulseConfig config,
                         MeterRegistry registry) {
        this.emitter = emitter;
        this.inFlight = new Semaphore(config.ingest().maxInFlight());
        this.retryAfterSeconds = Math.max(1, config.ingest().retryAfter().toSeconds());
        this.registry = registry;
        int capacity = config.ingest().maxInFlight();
        Gauge.builder("pulse.ingest.in.flight", inFlight, permits -> capacity - permits.availablePermits())
                .description("Messages submitted and not yet committed or refused (at most pulse.ingest.max-in-flight)")
                .register(registry);
    }

    /** Submits the messages; the result lists, in order, each one's id, once all are committed. */
    public Uni<List<Accepted>> submit(List<IncomingMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int count = messages.size();
        if (!inFlight.tryAcquire(count)) {
            outcome(messages.get(0).source(), "overloaded").increment(count);
            return Uni.createFrom().failure(IngestProblem.unavailable(
                    "The pipeline is full; retry after " + retryAfterSeconds + " s", retryAfterSeconds));
        }
        List<Uni<Accepted>> results = new ArrayList<>(count);
        for (IncomingMessage message : messages) {
            results.add(send(message));
        }
        return Uni.join().all(results).andCollectFailures()
                .onFailure().transform(failure -> failure instanceof IngestProblem ? failure
                        : IngestProblem.unavailable("Messages could not be stored (PostgreSQL unavailable); retry after "
                        + retryAfterSeconds + " s", retryAfterSeconds))
                .onTermination().invoke(() -> inFlight.release(count));
    }

    private Uni<Accepted> send(IncomingMessage message) {
        IngestReceipt receipt = new IngestReceipt();
        return emitter.sendMessage(Message.of(message, Metadata.of(receipt)))
                .map(ignored -> new Accepted(receipt.id(), receipt.duplicate()))
                .invoke(accepted -> outcome(message.source(), accepted.duplicate() ? "duplicate" : "accepted").increment())
                .onFailure().invoke(() -> outcome(message.source(), "failed").increment());
    }

    /** The outcome counter of a source, registered once (not looked up in the registry per message). */
    private Counter outcome(String source, String outcome) {
        String bounded = boundedSource(source);
        return outcomes.computeIfAbsent(bounded + '/' + outcome, key -> Counter.builder("pulse.ingest.messages")
                .tag("source", bounded).tag("outcome", outcome)
                .description("Messages submitted to the pipeline, by source and outcome").register(registry));
    }

    /** Keeps the label set small: well-known sources by name, everything else as «other». */
    private static String boundedSource(String source) {
        return switch (source) {
            case "portal", "social", "hotline", "replay", "demo", "email", "mobile", "kafka" -> source;
            default -> "other";
        };
    }
}
