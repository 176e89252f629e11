package ru.tsur.pulse.pipeline;

import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.reactive.messaging.annotations.ConnectorAttribute;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The in-process binding of a pair of connector channels: what the outgoing channel of a link receives, the
 * incoming channel of the same link emits — the very {@link Message} objects, with their metadata and their
 * acknowledgement, so a submitter still learns of the PostgreSQL commit (and the id) exactly as with a direct
 * in-process channel. It exists so that the ingest path is always two connector channels (the gateway produces
 * to {@link Channels#MESSAGES_SUBMITTED}, the pipeline consumes {@link Channels#MESSAGES_IN}) whose binding is
 * chosen by runtime configuration alone: this connector by default, {@code smallrye-kafka} under the
 * {@code kafka} profile. SmallRye cannot switch an {@code @Incoming} method or a processor on and off by
 * configuration (its {@code enabled} attribute applies to connector channels only), so an in-process bridge
 * method could not be turned off under Kafka; a connector can be replaced. Nothing is buffered beyond what the
 * gateway admits ({@code pulse.ingest.max-in-flight}); each link has one producer and one consumer.
 */
@ApplicationScoped
@Connector(InProcessConnector.NAME)
@ConnectorAttribute(name = "link", type = "string", direction = ConnectorAttribute.Direction.INCOMING_AND_OUTGOING,
        mandatory = true, description = "The name shared by the outgoing and the incoming channel of one link")
public class InProcessConnector implements InboundConnector, OutboundConnector {

    /** The connector's name in {@code mp.messaging.*.<channel>.connector}. */
    public static final String NAME = "pulse-in-process";

    /** One link: a queue written by the outgoing channel and read by the incoming one. */
    private static final class Link {
        final UnicastProcessor<Message<?>> queue = UnicastProcessor.create();
        final AtomicBoolean producerTaken = new AtomicBoolean();
        final AtomicBoolean consumerTaken = new AtomicBoolean();
    }

    private final Map<String, Link> links = new ConcurrentHashMap<>();

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        String name = config.getValue("link", String.class);
        Link link = links.computeIfAbsent(name, ignored -> new Link());
        if (!link.consumerTaken.compareAndSet(false, true)) {
            throw new IllegalStateException("the in-process link " + name + " already has an incoming channel");
        }
        return link.queue;
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        String name = config.getValue("link", String.class);
        Link link = links.computeIfAbsent(name, ignored -> new Link());
        if (!link.producerTaken.compareAndSet(false, true)) {
            throw new IllegalStateException("the in-process link " + name + " already has an outgoing channel");
        }
        return link.queue;
    }
}
