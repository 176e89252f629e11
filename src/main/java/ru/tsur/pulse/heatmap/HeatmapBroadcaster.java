package ru.tsur.pulse.heatmap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import ru.tsur.pulse.access.ScreenScope;
import ru.tsur.pulse.clock.Ticks;
import ru.tsur.pulse.counters.CountedBatch;
import ru.tsur.pulse.counters.CounterService;
import ru.tsur.pulse.counters.CounterStore;
import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.counters.WindowCounts;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.heatmap.api.HeatmapSnapshot;
import ru.tsur.pulse.pipeline.Channels;
import ru.tsur.pulse.screens.ScreenFrames;
import ru.tsur.pulse.screens.ScreenHub;
import ru.tsur.pulse.screens.ScreenSession;
import ru.tsur.pulse.screens.ScreenStream;
import ru.tsur.pulse.tension.TensionScores;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pushes the heat map to every screen. The {@code counts-changed-in} channel marks municipalities as changed;
 * every tick the changed municipalities' windows are read from Redis (one pipeline), compared with what
 * screens were last sent, and the changed cells go out as one delta per window with the next sequence
 * number. At each new minute every municipality is re-read, so windows slide even when nothing is posted.
 * Scores from the {@code tension-scores-in} channel go out at the next tick the same way.
 */
@ApplicationScoped
public class HeatmapBroadcaster implements ScreenStream<Window> {

    private static final Logger LOG = Logger.getLogger(HeatmapBroadcaster.class);

    private final CounterStore store;
    private final CounterService counters;
    private final Region region;
    private final HeatmapFrames frames;
    private final Clock clock;
    private final ScreenHub<Window> hub;
    private final HeatmapState state = new HeatmapState();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicReference<TensionScores> pendingTension = new AtomicReference<>();
    private final List<Instant> pendingReceivedAt = new ArrayList<>();
    private final AtomicLong newestPushedAt = new AtomicLong();
    private volatile long loadedMinute = Long.MIN_VALUE;
    private final Timer freshness;
    private final Counter redisReadFailures;
    private final Duration tickPeriod;
    private volatile Cancellable ticks;

    public HeatmapBroadcaster(CounterStore store, CounterService counters, Region region, HeatmapConfig config,
                              ObjectMapper json, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.counters = counters;
        this.region = region;
        this.tickPeriod = config.tick();
        this.frames = new HeatmapFrames(new ScreenFrames(json));
        this.hub = new ScreenHub<>("heatmap", config.clientBuffer(), this::snapshotFrame, registry);
        // Fixed buckets around the SLO (99% on the wall within 1 s): the burn-rate rules read le="1.0".
        this.freshness = Timer.builder("pulse.push.freshness")
                .description("From a message's acceptance to the heat-map delta that carries it")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30))
                .register(registry);
        this.redisReadFailures = Counter.builder("pulse.redis.failures").tag("operation", "read")
                .description("Redis operations that failed").register(registry);
        Gauge.builder("pulse.push.newest.age", this, HeatmapBroadcaster::newestPushedAgeSeconds).baseUnit("seconds")
                .description("Age of the newest message pushed to screens").register(registry);
    }

    /**
     * Which municipalities moved, on any replica: counting rounds, the catch-up job and rebuilds all announce it
     * (the heat map re-reads those windows from the shared Redis at the next tick).
     */
    @Incoming(Channels.COUNTS_CHANGED_IN)
    public void countsChanged(CountedBatch batch) {
        // null: a record of the Kafka binding that could not be read (the minute re-read covers it).
        if (batch == null || batch.municipalities() == null || batch.municipalities().isEmpty()) {
            return;
        }
        changed.addAll(batch.municipalities());
        if (batch.oldestReceivedAt() != null) {
            synchronized (pendingReceivedAt) {
                pendingReceivedAt.add(batch.oldestReceivedAt());
            }
        }
    }

    /** The tension detector's latest scores (from the replica that publishes them); published at the next tick. */
    @Incoming(Channels.TENSION_SCORES_IN)
    public void tensionScores(TensionScores scores) {
        if (scores == null || scores.scores() == null) {
            return;
        }
        pendingTension.set(scores);
    }

    void start(@Observes StartupEvent startup) {
        ticks = Ticks.every(tickPeriod, "Heat-map tick", this::tick);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        ticks.cancel();
    }

    /** One tick: read what changed, publish deltas (never two at once: see {@link Ticks}). */
    Uni<Void> tick() {
        Instant now = clock.instant();
        TensionScores tension = pendingTension.getAndSet(null);
        if (tension != null) {
            List<HeatmapState.Delta> deltas;
            synchronized (state) {
                deltas = state.applyTension(tension.scores(), tension.learning());
            }
            send(deltas, now);
        }
        long minute = CounterStore.epochMinute(now);
        if (minute != loadedMinute) {
            changed.addAll(counters.municipalityIds());
        }
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> toRead = new HashSet<>(changed);
        changed.removeAll(toRead);
        List<Instant> receivedAt;
        synchronized (pendingReceivedAt) {
            receivedAt = new ArrayList<>(pendingReceivedAt);
            pendingReceivedAt.clear();
        }
        return store.readWindows(toRead, now)
                .invoke(fresh -> {
                    publish(fresh, now, receivedAt);
                    if (toRead.size() >= counters.municipalityIds().size()) {
                        loadedMinute = minute;
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    changed.addAll(toRead);
                    synchronized (pendingReceivedAt) {
                        pendingReceivedAt.addAll(receivedAt);
                    }
                    redisReadFailures.increment();
                    LOG.debugf("Heat-map tick skipped, Redis unavailable: %s", failure.toString());
                    return null;
                });
    }

    private void publish(List<WindowCounts> fresh, Instant now, List<Instant> receivedAt) {
        List<HeatmapState.Delta> deltas;
        synchronized (state) {
            deltas = state.apply(fresh);
        }
        Instant pushedAt = clock.instant();
        send(deltas, now);
        if (!deltas.isEmpty()) {
            for (Instant received : receivedAt) {
                freshness.record(Duration.between(received, pushedAt));
            }
            newestPushedAt.set(pushedAt.toEpochMilli());
        }
    }

    /** Each delta to the screens of its window; a scoped screen (a municipal wall) gets its municipalities' part. */
    private void send(List<HeatmapState.Delta> deltas, Instant now) {
        for (HeatmapState.Delta delta : deltas) {
            hub.publish(delta.window(), delta.seq(), scope -> frames.delta(within(delta, scope), now));
        }
    }

    @Scheduled(every = "${pulse.push.heartbeat}")
    void heartbeat() {
        Instant now = clock.instant();
        hub.heartbeat((window, seq) -> frames.heartbeat(window, seq, now));
    }

    private double newestPushedAgeSeconds() {
        long newest = newestPushedAt.get();
        return newest == 0 ? Double.NaN : (clock.millis() - newest) / 1000.0;
    }

    /** The current picture of a window, as a frame body (for the REST snapshot). */
    public Uni<HeatmapSnapshot> snapshot(Window window) {
        return ensureLoaded().map(ignored -> {
            HeatmapState.Snapshot snapshot;
            synchronized (state) {
                snapshot = state.snapshot(window);
            }
            return frames.snapshotBody(snapshot, region.id(), clock.instant());
        });
    }

    /** Before the first full read, reads everything now so a snapshot is never served empty. */
    private Uni<Void> ensureLoaded() {
        if (loadedMinute != Long.MIN_VALUE) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return store.readWindows(counters.municipalityIds(), now)
                .invoke(fresh -> publish(fresh, now, List.of()))
                .replaceWithVoid();
    }

    @Override
    public void open(WebSocketConnection connection, Window window, ScreenScope scope) {
        // The screen is added at once (so it misses no delta) and drained once the picture is loaded.
        ScreenSession<Window> screen = hub.register(connection, window, scope);
        ensureLoaded().subscribe().with(ignored -> screen.drain(), failure -> screen.drain());
    }

    @Override
    public ScreenHub<Window> hub() {
        return hub;
    }

    private ScreenSession.SnapshotFrame snapshotFrame(Window window, ScreenScope scope) {
        HeatmapState.Snapshot snapshot;
        synchronized (state) {
            snapshot = state.snapshot(window);
        }
        if (!scope.all()) {
            snapshot = new HeatmapState.Snapshot(snapshot.window(), snapshot.seq(),
                    snapshot.cells().stream().filter(cell -> scope.includes(cell.municipalityId())).toList(),
                    only(snapshot.tension(), scope), only(snapshot.scores(), scope), only(snapshot.learning(), scope));
        }
        return new ScreenSession.SnapshotFrame(snapshot.seq(), frames.snapshot(snapshot, region.id(), clock.instant()));
    }

    /** The delta as a scoped screen sees it: the same sequence number, its municipalities' cells and scores only. */
    static HeatmapState.Delta within(HeatmapState.Delta delta, ScreenScope scope) {
        if (scope.all()) {
            return delta;
        }
        return new HeatmapState.Delta(delta.window(), delta.seq(),
                delta.cells().stream().filter(cell -> scope.includes(cell.municipalityId())).toList(),
                only(delta.tension(), scope), only(delta.scores(), scope),
                delta.learning() == null ? null : only(delta.learning(), scope));
    }

    private static <V> Map<String, V> only(Map<String, V> byMunicipality, ScreenScope scope) {
        Map<String, V> kept = new HashMap<>();
        byMunicipality.forEach((municipality, value) -> {
            if (scope.includes(municipality)) {
                kept.put(municipality, value);
            }
        });
        return kept;
    }
}
