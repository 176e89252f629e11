package ru.tsur.pulse.screens;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.WebSocketConnection;
import ru.tsur.pulse.access.ScreenScope;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The screens of one stream (the heat map, alerts, the live feed) on this replica: who is connected, with
 * which subscription and municipal scope, each with its own bounded queue ({@link ScreenSession}: a screen
 * that falls behind gets a snapshot instead of its backlog). A stream hands the hub each frame once, as a
 * function of the scope; the hub encodes it once per distinct scope and offers it to every screen, so a
 * municipal wall never sees another municipality and a busy wall costs one encoding, not one per screen.
 * Counts per stream: screens connected, frames and bytes queued, overflows.
 *
 * @param <S> what a screen of this stream subscribes to (a heat-map window; the one feed of alerts)
 */
public final class ScreenHub<S> {

    /** A connected screen and the municipalities it may see. */
    private record Screen<S>(ScreenSession<S> session, ScreenScope scope) {
    }

    private final int capacity;
    private final BiFunction<S, ScreenScope, ScreenSession.SnapshotFrame> snapshots;
    private final Map<String, Screen<S>> screens = new ConcurrentHashMap<>();
    private final Counter framesQueued;
    private final Counter bytesQueued;
    private final Counter overflows;

    /**
     * @param stream    the stream's name, the {@code stream} tag of its metrics
     * @param capacity  frames a screen may have unsent before it is switched to a snapshot
     * @param snapshots the current picture of a subscription as a scoped screen may see it
     */
    public ScreenHub(String stream, int capacity, BiFunction<S, ScreenScope, ScreenSession.SnapshotFrame> snapshots,
                     MeterRegistry registry) {
        this.capacity = capacity;
        this.snapshots = snapshots;
        this.framesQueued = Counter.builder("pulse.screens.frames").tag("stream", stream)
                .description("Frames queued to screens (one per screen)").register(registry);
        this.bytesQueued = Counter.builder("pulse.screens.sent").tag("stream", stream).baseUnit("bytes")
                .description("Bytes of frames queued to screens").register(registry);
        this.overflows = Counter.builder("pulse.screens.overflows").tag("stream", stream)
                .description("Times a screen fell behind and was switched to a fresh snapshot").register(registry);
        Gauge.builder("pulse.screens.connected", screens, Map::size).tag("stream", stream)
                .description("Connected screens").register(registry);
    }

    /** Adds a screen; its first frame is a snapshot, sent at once. */
    public ScreenSession<S> register(WebSocketConnection connection, S subscription, ScreenScope scope) {
        ScreenSession<S> session = new ScreenSession<>(connection, subscription, capacity,
                shown -> snapshots.apply(shown, scope));
        screens.put(connection.id(), new Screen<>(session, scope));
        if (!connection.isOpen()) {
            // Closed before it was added (a first read ran meanwhile): its close has already been handled.
            screens.remove(connection.id());
            return session;
        }
        session.drain();
        return session;
    }

    public void unregister(WebSocketConnection connection) {
        screens.remove(connection.id());
    }

    /** The screen on this connection, or {@code null} when it is not (or no longer) registered. */
    public ScreenSession<S> screen(WebSocketConnection connection) {
        Screen<S> screen = screens.get(connection.id());
        return screen == null ? null : screen.session();
    }

    public boolean isEmpty() {
        return screens.isEmpty();
    }

    /**
     * Offers a frame to every screen subscribed to {@code subscription}; {@code frameFor} encodes it as a
     * screen of a scope sees it (called once per scope present). Every screen gets the sequence number, even
     * when its scope leaves the frame empty, so its sequence stays in step.
     */
    public void publish(S subscription, long seq, Function<ScreenScope, String> frameFor) {
        Map<ScreenScope, String> encoded = new HashMap<>();
        for (Screen<S> screen : screens.values()) {
            String text = encoded.computeIfAbsent(screen.scope(), frameFor);
            switch (screen.session().offer(subscription, seq, text)) {
                case QUEUED -> {
                    framesQueued.increment();
                    bytesQueued.increment(text.length());
                }
                case OVERFLOWED -> overflows.increment();
                case SKIPPED -> { }
            }
        }
    }

    /** Offers every screen a heartbeat carrying its subscription and last sequence number. */
    public void heartbeat(BiFunction<S, Long, String> heartbeat) {
        for (Screen<S> screen : screens.values()) {
            screen.session().offerHeartbeat(heartbeat);
        }
    }

    /** Gives every screen a fresh snapshot (after the stream's picture was reloaded). */
    public void resyncAll() {
        screens.values().forEach(screen -> screen.session().resync());
    }
}
