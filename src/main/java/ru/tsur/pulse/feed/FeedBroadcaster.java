package ru.tsur.pulse.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import ru.tsur.pulse.access.ScreenScope;
import ru.tsur.pulse.messages.MessageRepository;
import ru.tsur.pulse.messages.RecentMessage;
import ru.tsur.pulse.pipeline.Channels;
import ru.tsur.pulse.screens.ScreenFrames;
import ru.tsur.pulse.screens.ScreenHub;
import ru.tsur.pulse.screens.ScreenSession;
import ru.tsur.pulse.screens.ScreenStream;
import ru.tsur.pulse.screens.SingleFeed;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pushes the live feed to this replica's feed screens. Batches of newly stored messages — this replica's and,
 * under {@code kafka}, every other replica's — arrive on the {@code feed-entries-in} channel (each replica's
 * {@link FeedRelay} sends one per {@code pulse.feed.poll-interval}) and go out at once as one frame. The picture
 * a screen starts from is read from PostgreSQL (the truth) when it is the only screen; while screens stay
 * connected the channel keeps it current.
 */
@ApplicationScoped
public class FeedBroadcaster implements ScreenStream<SingleFeed> {

    private static final Logger LOG = Logger.getLogger(FeedBroadcaster.class);

    private final MessageRepository repository;
    private final FeedConfig config;
    private final FeedFrames frames;
    private final Clock clock;
    private final FeedState state;
    private final ScreenHub<SingleFeed> hub;
    /**
     * Stored messages not yet pushed, oldest first; the oldest give way beyond the snapshot size. They wait while
     * no screen has loaded the feed.
     */
    private final ArrayDeque<RecentMessage> waiting = new ArrayDeque<>();
    private volatile boolean loaded;

    public FeedBroadcaster(MessageRepository repository, FeedConfig config, ObjectMapper json,
                           MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.config = config;
        this.frames = new FeedFrames(new ScreenFrames(json));
        this.state = new FeedState(config.snapshotSize());
        this.hub = new ScreenHub<>("feed", config.clientBuffer(), (feed, scope) -> snapshotFrame(scope), registry);
    }

    /** A batch some replica stored (this one's too); it goes out at once. */
    @Incoming(Channels.FEED_ENTRIES_IN)
    void received(FeedEntries entries) {
        if (entries == null) {
            return;
        }
        synchronized (waiting) {
            entries.messages().forEach(waiting::addLast);
            while (waiting.size() > config.snapshotSize()) {
                waiting.removeFirst();
            }
        }
        push();
    }

    /**
     * Pushes what arrived since the last push, as one frame. Until a screen has loaded the feed the messages
     * keep waiting (those the first read already holds are then recognised and not pushed again).
     * One push at a time, so frames leave in the order of their sequence numbers.
     */
    synchronized void push() {
        if (!loaded) {
            return;
        }
        List<RecentMessage> newestFirst = new ArrayList<>();
        synchronized (waiting) {
            waiting.descendingIterator().forEachRemaining(newestFirst::add);
            waiting.clear();
        }
        if (newestFirst.isEmpty()) {
            return;
        }
        Optional<FeedState.Batch> batch;
        synchronized (state) {
            batch = state.add(newestFirst);
        }
        if (batch.isEmpty()) {
            return;
        }
        // A scoped screen gets its municipalities' messages only (an empty batch keeps its sequence in step).
        hub.publish(SingleFeed.ALL, batch.get().seq(), scope -> frames.messages(
                new FeedState.Batch(batch.get().seq(), within(batch.get().messages(), scope)), clock.instant()));
    }

    @Scheduled(every = "${pulse.feed.heartbeat}")
    void heartbeat() {
        hub.heartbeat((feed, seq) -> frames.heartbeat(seq, clock.instant()));
    }

    /** Before the first screen's snapshot: reads the newest messages from PostgreSQL. */
    private Uni<Void> ensureLoaded() {
        if (loaded) {
            return Uni.createFrom().voidItem();
        }
        return repository.newest(config.snapshotSize()).invoke(newest -> {
            synchronized (state) {
                state.load(newest);
            }
            loaded = true;
        }).replaceWithVoid();
    }

    private ScreenSession.SnapshotFrame snapshotFrame(ScreenScope scope) {
        FeedState.Snapshot snapshot;
        synchronized (state) {
            snapshot = state.snapshot();
        }
        if (!scope.all()) {
            snapshot = new FeedState.Snapshot(snapshot.seq(), within(snapshot.messages(), scope));
        }
        return new ScreenSession.SnapshotFrame(snapshot.seq(), frames.snapshot(snapshot, clock.instant()));
    }

    private static List<RecentMessage> within(List<RecentMessage> messages, ScreenScope scope) {
        return scope.all() ? messages : messages.stream().filter(message -> scope.includes(message.municipality())).toList();
    }

    @Override
    public void open(WebSocketConnection connection, SingleFeed feed, ScreenScope scope) {
        if (hub.isEmpty()) {
            // The first screen after a quiet spell starts from PostgreSQL, the truth: it also holds what other
            // replicas stored, and what this one stored a moment ago but has not pushed yet.
            loaded = false;
        }
        ensureLoaded().subscribe().with(ignored -> hub.register(connection, feed, scope), failure -> {
            LOG.debugf("Feed screen refused, PostgreSQL unavailable: %s", failure.toString());
            connection.close().subscribe().with(ignored -> { }, ignored -> { });
        });
    }

    @Override
    public ScreenHub<SingleFeed> hub() {
        return hub;
    }
}
