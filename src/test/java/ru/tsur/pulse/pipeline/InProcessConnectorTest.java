package ru.tsur.pulse.pipeline;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-process link of two connector channels ({@link InProcessConnector}), plain JUnit: what the outgoing
 * channel receives, the incoming channel emits — the same message objects, in order, with their metadata, and
 * acknowledging one downstream acknowledges it for its producer (the gateway's answer waits on that); messages
 * sent before the consumer subscribes wait for it; each link takes one producer and one consumer.
 */
class InProcessConnectorTest {

    @Test
    void theSameMessagesComeOutInOrderWithTheirMetadataAndTheirAcknowledgement() {
        InProcessConnector connector = new InProcessConnector();
        List<String> acknowledged = new ArrayList<>();
        IngestReceipt receipt = new IngestReceipt();
        Message<String> first = Message.of("first", Metadata.of(receipt), () -> {
            acknowledged.add("first");
            return CompletableFuture.completedFuture(null);
        });
        Message<String> second = Message.of("second", Metadata.empty(), () -> {
            acknowledged.add("second");
            return CompletableFuture.completedFuture(null);
        });

        Multi.createFrom().items(first, second).subscribe(subscriber(connector, "ingest"));
        AssertSubscriber<Message<?>> consumer = Multi.createFrom().publisher(publisher(connector, "ingest"))
                .subscribe().withSubscriber(AssertSubscriber.create(10));

        List<Message<?>> received = consumer.getItems();
        assertThat(received).hasSize(2);
        assertThat(received.get(0)).isSameAs(first);
        assertThat(received.get(1)).isSameAs(second);
        assertThat(received.get(0).getMetadata(IngestReceipt.class)).containsSame(receipt);
        received.get(1).ack().toCompletableFuture().join();
        received.get(0).ack().toCompletableFuture().join();
        assertThat(acknowledged).containsExactly("second", "first");
    }

    @Test
    void aLinkTakesOneProducerAndOneConsumerAndLinksAreSeparate() {
        InProcessConnector connector = new InProcessConnector();
        subscriber(connector, "ingest");
        publisher(connector, "ingest");
        assertThatThrownBy(() -> connector.getSubscriber(config("ingest")))
                .isInstanceOf(IllegalStateException.class).hasMessage("the in-process link ingest already has an outgoing channel");
        assertThatThrownBy(() -> connector.getPublisher(config("ingest")))
                .isInstanceOf(IllegalStateException.class).hasMessage("the in-process link ingest already has an incoming channel");

        Multi.createFrom().items(Message.of("elsewhere")).subscribe(subscriber(connector, "other"));
        AssertSubscriber<Message<?>> other = Multi.createFrom().publisher(publisher(connector, "other"))
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        assertThat(other.getItems()).extracting(message -> (Object) message.getPayload()).containsExactly("elsewhere");
    }

    @SuppressWarnings("unchecked")
    private static Flow.Subscriber<Message<?>> subscriber(InProcessConnector connector, String link) {
        return (Flow.Subscriber<Message<?>>) connector.getSubscriber(config(link));
    }

    @SuppressWarnings("unchecked")
    private static Flow.Publisher<Message<?>> publisher(InProcessConnector connector, String link) {
        return (Flow.Publisher<Message<?>>) connector.getPublisher(config(link));
    }

    private static Config config(String link) {
        return new SmallRyeConfigBuilder().withDefaultValue("link", link).build();
    }
}
