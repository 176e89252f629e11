package ru.tsur.pulse.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import ru.tsur.pulse.clock.Ticks;
import ru.tsur.pulse.domain.StoredMessage;
import ru.tsur.pulse.messages.RecentMessage;
import ru.tsur.pulse.pipeline.Channels;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands what this replica stored to the live feed of every replica: newly stored messages wait here (bounded:
 * only the newest {@code pulse.feed.snapshot-size} can reach a screen anyway) and every
 * {@code pulse.feed.poll-interval} go out as one {@link FeedEntries} batch on the {@code feed-entries} channel —
 * in-process straight to this replica's feed, under {@code kafka} through the topic every replica reads. The
 * feed is a view: a batch that cannot be sent is counted and dropped (a screen's next snapshot is read from
 * PostgreSQL), it never holds back the pipeline.
 */
@ApplicationScoped
public class FeedRelay {

    private static final Logger LOG = Logger.getLogger(FeedRelay.class);

    private final MutinyEmitter<FeedEntries> entries;
    private final FeedConfig config;
    private final Counter dropped;
    /** Stored messages not yet sent, oldest first; the oldest give way beyond the snapshot size. */
    private final ArrayDeque<RecentMessage> waiting = new ArrayDeque<>();
    private volatile Cancellable sends;

    /**
     * @param entries a few batches at most wait for the channel; more means the channel is stuck (the broker
     *                away), and a batch that does not fit is dropped, never waited for
     */
    public FeedRelay(@Channel(Channels.FEED_ENTRIES) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16)
                     MutinyEmitter<FeedEntries> entries,
                     FeedConfig config, MeterRegistry registry) {
        this.entries = entries;
        this.config = config;
        this.dropped = Counter.builder("pulse.feed.batches.dropped")
                .description("Live-feed batches not handed to the feed channel (it was full or failed)").register(registry);
    }

    /** A message stored for the first time on this replica; it waits for the next send. */
    @Incoming(Channels.MESSAGES_STORED)
    void stored(StoredMessage message) {
        RecentMessage shown = RecentMessage.of(message);
        synchronized (waiting) {
            waiting.addLast(shown);
            while (waiting.size() > config.snapshotSize()) {
                waiting.removeFirst();
            }
        }
    }

    /** Sends what was stored since the last send, as one batch (nothing when nothing was stored). */
    void send() {
        List<RecentMessage> oldestFirst;
        synchronized (waiting) {
            if (waiting.isEmpty()) {
                return;
            }
            oldestFirst = new ArrayList<>(waiting);
            waiting.clear();
        }
        try {
            entries.sendAndForget(new FeedEntries(oldestFirst));
        } catch (RuntimeException full) {
            dropped.increment();
            LOG.debugf("Feed batch of %d dropped: %s", oldestFirst.size(), full.toString());
        }
    }

    void start(@Observes StartupEvent startup) {
        sends = Ticks.every(config.pollInterval(), "Feed relay", () -> Uni.createFrom().item(() -> {
            send();
            return null;
        }));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        sends.cancel();
    }
}
