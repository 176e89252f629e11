package ru.tsur.pulse.ingest;

import ru.tsur.pulse.problems.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.pipeline.Channels;
import ru.tsur.pulse.pipeline.IngestReceipt;
import ru.tsur.pulse.pipeline.NormalizedText;
import ru.tsur.pulse.pipeline.Submission;
import ru.tsur.pulse.pipeline.RowRefusedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The one door into the pipeline for every source (REST, demo feed, replay): puts messages on
 * {@link Channels#MESSAGES_SUBMITTED} and completes when they are acknowledged: when PostgreSQL has committed
 * them under the in-process binding, when the broker has them under the Kafka binding. At most
 * {@code pulse.ingest.max-in-flight} messages wait at once; past that, callers are refused at once
 * (overflow policy: reject with 503, never queue without bound). Counts every message by source and
 * outcome ({@code pulse_ingest_messages_total}; the counters exist from startup so rates start at zero).
 */
@Startup // its meters exist (at 0) from startup, so rates and dashboards start from a quiet system
@ApplicationScoped
public class IngestGateway {

    /**
     * What the pipeline answered for one message: stored with its id (or already stored), or — rarely, as
     * the door refuses what PostgreSQL would — refused by PostgreSQL alone, with its reason. {@code committed}
     * is false when the message was acknowledged by a broker (Kafka binding): then its id and whether it
     * repeats one are not known yet.
     */
    public record Accepted(long id, boolean duplicate, String refused, boolean committed) {
        public boolean stored() {
            return refused == null;
        }
    }

    /** Sources named in the metrics; any other source is counted as {@code other} (bounded label set). */
    static final List<String> KNOWN_SOURCES =
            List.of("portal", "social", "hotline", "replay", "demo", "email", "mobile", "kafka", "other");
    /** Outcomes: stored, already stored, refused as invalid, refused because the pipeline or PostgreSQL could not take it. */
    static final List<String> OUTCOMES = List.of("accepted", "duplicate", "rejected", "unavailable");

    private final MutinyEmitter<IncomingMessage> emitter;
    private final MunicipalityLocator locator;
    private final Region region;
    private final Semaphore inFlight;
    private final long retryAfterSeconds;
    private final Map<String, Counter> outcomes = new HashMap<>();

    public IngestGateway(@Channel(Channels.MESSAGES_SUBMITTED) MutinyEmitter<IncomingMessage> emitter, IngestConfig config,
                         MunicipalityLocator locator, Region region, MeterRegistry registry) {
        this.emitter = emitter;
        this.locator = locator;
        this.region = region;
        this.inFlight = new Semaphore(config.maxInFlight());
        this.retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
        for (String source : KNOWN_SOURCES) {
            for (String outcome : OUTCOMES) {
                outcomes.put(source + '/' + outcome, Counter.builder("pulse.ingest.messages")
                        .tag("source", source).tag("outcome", outcome)
                        .description("Messages submitted to the pipeline, by source and outcome").register(registry));
            }
        }
        int limit = config.maxInFlight();
        Gauge.builder("pulse.ingest.in.flight", inFlight, permits -> limit - permits.availablePermits())
                .baseUnit("messages").description("Messages accepted by the gateway and not yet committed or refused")
                .register(registry);
        Gauge.builder("pulse.ingest.in.flight.limit", () -> limit).baseUnit("messages")
                .description("Most messages in flight before the gateway answers 503 (pulse.ingest.max-in-flight)")
                .register(registry);
    }

    /** Counts messages the API refused as invalid before they reached the pipeline. */
    public void recordRejected(String source, int count) {
        outcome(source, "rejected").increment(count);
    }

    /** Submits the messages; the result lists, in order, each one's id, once all are committed. */
    public Uni<List<Accepted>> submit(List<Submission> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int count = messages.size();
        if (!inFlight.tryAcquire(count)) {
            outcome(messages.get(0).message().source(), "unavailable").increment(count);
            return Uni.createFrom().failure(Problem.unavailable(
                    "The pipeline is full; retry after " + retryAfterSeconds + " s", retryAfterSeconds));
        }
        List<Uni<Accepted>> results = new ArrayList<>(count);
        for (Submission message : messages) {
            results.add(send(message));
        }
        return Uni.join().all(results).andCollectFailures()
                .onFailure().transform(failure -> failure instanceof Problem ? failure
                        : Problem.unavailable("Messages could not be stored (PostgreSQL unavailable); retry after "
                        + retryAfterSeconds + " s", retryAfterSeconds))
                .onTermination().invoke(() -> inFlight.release(count));
    }

    private Uni<Accepted> send(Submission submission) {
        IncomingMessage message = submission.message();
        IngestReceipt receipt = new IngestReceipt();
        // The partition key (read by the Kafka binding only): one municipality's messages in one partition, in order.
        OutgoingKafkaRecordMetadata<String> partition = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(locator.plainAtTheDoor(message).orElse(region.id())).build();
        Metadata metadata = submission.normalizedText() == null ? Metadata.of(receipt, partition)
                : Metadata.of(receipt, partition, new NormalizedText(submission.normalizedText()));
        return emitter.sendMessage(Message.of(message, metadata))
                .map(ignored -> new Accepted(receipt.id(), receipt.duplicate(), null, receipt.recorded()))
                .invoke(accepted -> outcome(message.source(), accepted.duplicate() ? "duplicate" : "accepted").increment())
                .onFailure(RowRefusedException.class).recoverWithItem(refused -> {
                    outcome(message.source(), "rejected").increment();
                    return new Accepted(0, false, "refused by the database: " + refused.getMessage(), true);
                })
                .onFailure().invoke(() -> outcome(message.source(), "unavailable").increment());
    }

    private Counter outcome(String source, String outcome) {
        return outcomes.get(boundedSource(source) + '/' + outcome);
    }

    /** Keeps the label set small: well-known sources by name, everything else as «other». */
    static String boundedSource(String source) {
        return source != null && KNOWN_SOURCES.contains(source) ? source : "other";
    }
}
