package ru.tsur.pulse.push;

import ru.tsur.pulse.access.ScreenScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import ru.tsur.pulse.config.PulseConfig;
import ru.tsur.pulse.counters.CountedBatch;
import ru.tsur.pulse.counters.CounterService;
import ru.tsur.pulse.counters.CounterStore;
import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.counters.WindowCounts;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.pipeline.Channels;
import ru.tsur.pulse.push.api.HeatmapSnapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pushes the heat map to every screen. Counting rounds mark municipalities as changed; every tick the
 * changed municipalities' windows are read from Redis (one pipeline), compared with what screens were
 * last sent, and the changed cells go out as one delta per window with the next sequence number. At
 * each new minute every municipality is re-read, so windows slide even when nothing is posted. Tension
 * scores handed in by the detector go out at the next tick the same way.
 */
@ApplicationScoped
public class HeatmapBroadcaster {

    private static final Logger LOG = Logger.getLogger(HeatmapBroadcaster.class);

    /** The scope of each scoped screen, by connection id (absent: the screen sees everything). */
    private final Map<String, ScreenScope> scopes = new java.util.concurrent.ConcurrentHashMap<>();
    private final CounterStore store;
    private final CounterService counters;
    private final Region region;
    private final PulseConfig.Push config;
    private final Vertx vertx;
    private final HeatmapFrames frames;
    private final Clock clock;
    private final HeatmapState state = new HeatmapState();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final Map<String, ScreenSession<Window>> screens = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicReference<Map<String, Map<String, Integer>>> pendingTension = new AtomicReference<>();
    private final List<Instant> pendingReceivedAt = new ArrayList<>();
    private final AtomicLong newestPushedAt = new AtomicLong();
    private volatile long loadedMinute = Long.MIN_VALUE;
    private final Timer freshness;
    private final Counter deltasSent;
    private final Counter bytesSent;
    private final Counter screenOverflows;
    private final Counter redisReadFailures;

    public HeatmapBroadcaster(CounterStore store, CounterService counters, Region region, PulseConfig config,
                              Vertx vertx, ObjectMapper json, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.counters = counters;
        this.region = region;
        this.config = config.push();
        this.vertx = vertx;
        this.frames = new HeatmapFrames(json);
        // Fixed buckets around the SLO (99% on the wall within 1 s): the burn-rate rules read le="1.0".
        this.freshness = Timer.builder("pulse.push.freshness")
                .description("From a message's acceptance to the heat-map delta that carries it")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30))
                .register(registry);
        this.deltasSent = Counter.builder("pulse.push.deltas").description("Heat-map deltas sent to screens")
                .register(registry);
        this.bytesSent = Counter.builder("pulse.push.sent").baseUnit("bytes")
                .description("Bytes of heat-map frames sent to screens").register(registry);
        this.screenOverflows = Counter.builder("pulse.push.screen.overflows")
                .description("Times a screen fell behind and was switched to a fresh snapshot").register(registry);
        this.redisReadFailures = Counter.builder("pulse.redis.failures").tag("operation", "read")
                .description("Redis operations that failed").register(registry);
        Gauge.builder("pulse.push.screens", screens, Map::size).description("Connected heat-map screens")
                .register(registry);
        Gauge.builder("pulse.push.newest.age", this, HeatmapBroadcaster::newestPushedAgeSeconds).baseUnit("seconds")
                .description("Age of the newest message pushed to screens").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        everythingChanged();
        vertx.setPeriodic(config.tick().toMillis(), ignored -> tick());
        vertx.setPeriodic(config.heartbeat().toMillis(), ignored -> heartbeat());
    }

    /** The count stage's output: which municipalities moved. */
    @Incoming(Channels.COUNTS_CHANGED)
    public void onCounted(CountedBatch batch) {
        countsChanged(batch);
    }

    public void countsChanged(CountedBatch batch) {
        if (batch.counted() == 0) {
            return;
        }
        changed.addAll(batch.municipalities());
        if (batch.oldestReceivedAt() != null) {
            synchronized (pendingReceivedAt) {
                pendingReceivedAt.add(batch.oldestReceivedAt());
            }
        }
    }

    /** The tension detector's latest scores (municipality → category → 0–100); published at the next tick. */
    public void tensionScores(Map<String, Map<String, Integer>> scores) {
        pendingTension.set(scores);
    }

    /** After a rebuild: every municipality is re-read at the next tick. */
    public void everythingChanged() {
        changed.addAll(counters.municipalityIds());
    }

    /** One tick: read what changed, publish deltas. Skipped while the previous read is still running. */
    void tick() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Map<String, Integer>> tension = pendingTension.getAndSet(null);
        if (tension != null) {
            List<HeatmapState.Delta> deltas;
            synchronized (state) {
                deltas = state.applyTension(tension);
            }
            send(deltas, now);
        }
        long minute = CounterStore.epochMinute(now);
        if (minute != loadedMinute) {
            everythingChanged();
        }
        if (changed.isEmpty()) {
            reading.set(false);
            return;
        }
        Set<String> toRead = new HashSet<>(changed);
        changed.removeAll(toRead);
        List<Instant> receivedAt;
        synchronized (pendingReceivedAt) {
            receivedAt = new ArrayList<>(pendingReceivedAt);
            pendingReceivedAt.clear();
        }
        store.readWindows(toRead, now).subscribe().with(
                fresh -> {
                    publish(fresh, now, receivedAt);
                    if (toRead.size() >= counters.municipalityIds().size()) {
                        loadedMinute = minute;
                    }
                    reading.set(false);
                },
                failure -> {
                    changed.addAll(toRead);
                    synchronized (pendingReceivedAt) {
                        pendingReceivedAt.addAll(receivedAt);
                    }
                    reading.set(false);
                    redisReadFailures.increment();
                    LOG.debugf("Heat-map tick skipped, Redis unavailable: %s", failure.toString());
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

    private void send(List<HeatmapState.Delta> deltas, Instant now) {
        for (HeatmapState.Delta delta : deltas) {
            String text = frames.delta(delta, now);
            // A scoped screen (a municipal wall) gets the delta of its municipalities, encoded once per scope.
            Map<ScreenScope, String> scopedTexts = new HashMap<>();
            for (Map.Entry<String, ScreenSession<Window>> entry : screens.entrySet()) {
                ScreenSession<Window> screen = entry.getValue();
                ScreenScope scope = scopes.getOrDefault(entry.getKey(), ScreenScope.ALL);
                String frame = scope.all() ? text
                        : scopedTexts.computeIfAbsent(scope, only -> frames.delta(within(delta, only), now));
                long overflowsBefore = screen.overflows();
                screen.offer(delta.window(), delta.seq(), frame);
                if (screen.subscription() == delta.window()) {
                    deltasSent.increment();
                    bytesSent.increment(text.length());
                }
                if (screen.overflows() > overflowsBefore) {
                    screenOverflows.increment();
                }
            }
        }
    }

    private void heartbeat() {
        Instant now = clock.instant();
        for (ScreenSession<Window> screen : screens.values()) {
            screen.offerHeartbeat((window, seq) -> frames.heartbeat(window, seq, now));
        }
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

    void register(WebSocketConnection connection, Window window, ScreenScope scope) {
        ScreenSession<Window> screen = new ScreenSession<>(connection, window, config.clientBuffer(),
                shown -> snapshotFrame(shown, scope));
        scopes.put(connection.id(), scope);
        screens.put(connection.id(), screen);
        ensureLoaded().subscribe().with(ignored -> screen.drain(), failure -> screen.drain());
    }

    void unregister(WebSocketConnection connection) {
        screens.remove(connection.id());
        scopes.remove(connection.id());
    }

    ScreenSession<Window> screen(WebSocketConnection connection) {
        return screens.get(connection.id());
    }

    private ScreenSession.SnapshotFrame snapshotFrame(Window window, ScreenScope scope) {
        HeatmapState.Snapshot snapshot;
        synchronized (state) {
            snapshot = state.snapshot(window);
        }
        if (!scope.all()) {
            snapshot = new HeatmapState.Snapshot(snapshot.window(), snapshot.seq(),
                    snapshot.cells().stream().filter(cell -> scope.includes(cell.municipalityId())).toList(),
                    only(snapshot.tension(), scope), only(snapshot.scores(), scope));
        }
        return new ScreenSession.SnapshotFrame(snapshot.seq(), frames.snapshot(snapshot, region.id(), clock.instant()));
    }

    /** The delta as a scoped screen sees it: the same sequence number, its municipalities' cells and scores only. */
    static HeatmapState.Delta within(HeatmapState.Delta delta, ScreenScope scope) {
        return new HeatmapState.Delta(delta.window(), delta.seq(),
                delta.cells().stream().filter(cell -> scope.includes(cell.municipalityId())).toList(),
                only(delta.tension(), scope), only(delta.scores(), scope));
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

    String errorFrame(String message) {
        return frames.error(message);
    }
}
