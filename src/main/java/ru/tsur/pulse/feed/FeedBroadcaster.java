package ru.tsur.pulse.feed;

import ru.tsur.pulse.access.ScreenScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import ru.tsur.pulse.messages.MessageRepository;
import ru.tsur.pulse.messages.RecentMessage;
import ru.tsur.pulse.push.ScreenSession;

import java.time.Clock;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pushes the live feed to every feed screen. While at least one screen is connected, PostgreSQL (the truth,
 * shared by every replica) is read every {@code pulse.feed.poll-interval} for messages newer than the last
 * pushed, so each replica's screens see what any replica stored. With no screen connected nothing is read;
 * the next screen starts from a fresh read of the newest messages.
 */
@ApplicationScoped
public class FeedBroadcaster {

    private static final Logger LOG = Logger.getLogger(FeedBroadcaster.class);

    /** What a feed screen subscribes to: there is one feed, of every new message. */
    enum Feed { ALL }

    /** The scope of each scoped screen, by connection id (absent: the screen sees everything). */
    private final Map<String, ScreenScope> scopes = new java.util.concurrent.ConcurrentHashMap<>();
    private final MessageRepository repository;
    private final FeedConfig config;
    private final Vertx vertx;
    private final FeedFrames frames;
    private final Clock clock;
    private final FeedState state;
    private final Map<String, ScreenSession<Feed>> screens = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile boolean loaded;
    private final Counter framesSent;
    private final Counter screenOverflows;

    public FeedBroadcaster(MessageRepository repository, FeedConfig config, Vertx vertx, ObjectMapper json,
                           MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.config = config;
        this.vertx = vertx;
        this.frames = new FeedFrames(json);
        this.state = new FeedState(config.snapshotSize());
        this.framesSent = Counter.builder("pulse.feed.frames").description("Live-feed frames of new messages sent to screens")
                .register(registry);
        this.screenOverflows = Counter.builder("pulse.feed.screen.overflows")
                .description("Times a feed screen fell behind and was switched to a fresh snapshot").register(registry);
        Gauge.builder("pulse.feed.screens", screens, Map::size).description("Connected live-feed screens")
                .register(registry);
    }

    void start(@Observes StartupEvent startup) {
        vertx.setPeriodic(config.pollInterval().toMillis(), ignored -> poll());
        vertx.setPeriodic(config.heartbeat().toMillis(), ignored -> heartbeat());
    }

    /** One poll: the first read after idle loads a snapshot; later reads push what is new. */
    void poll() {
        if (screens.isEmpty()) {
            loaded = false;
            return;
        }
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        if (!loaded) {
            repository.newest(config.snapshotSize()).subscribe().with(newest -> {
                load(newest);
                reading.set(false);
                // Screens that held an older picture get the fresh one.
                screens.values().forEach(ScreenSession::resync);
            }, this::readFailed);
            return;
        }
        long after;
        synchronized (state) {
            after = state.highestId();
        }
        repository.newestAfter(after, config.snapshotSize()).subscribe().with(this::publish, this::readFailed);
    }

    private void load(List<RecentMessage> newest) {
        synchronized (state) {
            state.load(newest);
        }
        loaded = true;
    }

    /** Before a screen's first snapshot: reads the newest messages now unless they are held. */
    private Uni<Void> ensureLoaded() {
        if (loaded) {
            return Uni.createFrom().voidItem();
        }
        return repository.newest(config.snapshotSize()).invoke(this::load).replaceWithVoid();
    }

    private void publish(List<RecentMessage> read) {
        Optional<FeedState.Batch> batch;
        synchronized (state) {
            batch = state.add(read);
        }
        reading.set(false);
        if (batch.isEmpty()) {
            return;
        }
        String text = frames.messages(batch.get(), clock.instant());
        // A scoped screen gets its municipalities' messages only (an empty batch keeps its sequence in step).
        Map<ScreenScope, String> scopedTexts = new HashMap<>();
        for (Map.Entry<String, ScreenSession<Feed>> entry : screens.entrySet()) {
            ScreenSession<Feed> screen = entry.getValue();
            ScreenScope scope = scopes.getOrDefault(entry.getKey(), ScreenScope.ALL);
            String frame = scope.all() ? text : scopedTexts.computeIfAbsent(scope, only -> frames.messages(
                    new FeedState.Batch(batch.get().seq(), within(batch.get().messages(), only)), clock.instant()));
            long overflowsBefore = screen.overflows();
            screen.offer(Feed.ALL, batch.get().seq(), frame);
            framesSent.increment();
            if (screen.overflows() > overflowsBefore) {
                screenOverflows.increment();
            }
        }
    }

    private void readFailed(Throwable failure) {
        reading.set(false);
        LOG.debugf("Feed poll skipped, PostgreSQL unavailable: %s", failure.toString());
    }

    private void heartbeat() {
        for (ScreenSession<Feed> screen : screens.values()) {
            screen.offerHeartbeat((feed, seq) -> frames.heartbeat(seq, clock.instant()));
        }
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
        return messages.stream().filter(message -> scope.includes(message.municipality())).toList();
    }

    void register(WebSocketConnection connection, ScreenScope scope) {
        ensureLoaded().subscribe().with(ignored -> {
            ScreenSession<Feed> screen = new ScreenSession<>(connection, Feed.ALL, config.clientBuffer(),
                    feed -> snapshotFrame(scope));
            scopes.put(connection.id(), scope);
            screens.put(connection.id(), screen);
            if (!connection.isOpen()) {
                // Closed while the first read ran: onClose has already unregistered it, so it would stay for good.
                screens.remove(connection.id());
                return;
            }
            screen.drain();
        }, failure -> {
            LOG.debugf("Feed screen refused, PostgreSQL unavailable: %s", failure.toString());
            connection.close().subscribe().with(ignored -> { }, ignored -> { });
        });
    }

    void unregister(WebSocketConnection connection) {
        screens.remove(connection.id());
    }

    ScreenSession<Feed> screen(WebSocketConnection connection) {
        return screens.get(connection.id());
    }

    String errorFrame(String message) {
        return frames.error(message);
    }
}
