package ru.tsur.pulse.screens;

import io.quarkus.websockets.next.WebSocketConnection;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One connected screen: what it subscribed to ({@code S}: a heat-map window, the alert feed) and its own
 * bounded queue of frames, sent one at a time in order.
 * When the queue is full the screen has fallen behind: its queued deltas are dropped and, once the
 * socket drains, it gets a fresh snapshot instead — a slow screen never holds up the others and never
 * applies a delta out of order.
 */
public final class ScreenSession<S> {

    /** A frame and the sequence number it brings the screen to. */
    private record Frame(long seq, String text) {
    }

    private final WebSocketConnection connection;
    private final int capacity;
    private final Function<S, SnapshotFrame> snapshots;
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private S subscription;
    private boolean sending;
    private boolean needsSnapshot = true;
    private long lastSeq = -1;

    /** A snapshot frame with the sequence number it stands at. */
    public record SnapshotFrame(long seq, String text) {
    }

    /** What became of a frame offered to the screen. */
    public enum Offer {
        /** Queued: the screen will get it. */
        QUEUED,
        /** The queue was full: the screen's queue was dropped and it gets a snapshot instead. */
        OVERFLOWED,
        /** Not for this screen (another subscription, a snapshot pending, or a sequence number it already has). */
        SKIPPED
    }

    public ScreenSession(WebSocketConnection connection, S subscription, int capacity,
                         Function<S, SnapshotFrame> snapshots) {
        this.connection = connection;
        this.subscription = subscription;
        this.capacity = capacity;
        this.snapshots = snapshots;
    }

    public synchronized S subscription() {
        return subscription;
    }

    public String id() {
        return connection.id();
    }

    /** Switches the screen to another subscription (a snapshot of it follows). */
    public void subscribe(S newSubscription) {
        synchronized (this) {
            subscription = newSubscription;
            lastSeq = -1;
            queue.clear();
            needsSnapshot = true;
        }
        drain();
    }

    /** The screen asked for a snapshot (it saw a gap). */
    public void resync() {
        synchronized (this) {
            queue.clear();
            needsSnapshot = true;
        }
        drain();
    }

    /** Queues a frame meant for screens of this subscription; on overflow switches to "send a snapshot". */
    public Offer offer(S frameSubscription, long seq, String text) {
        Offer result;
        synchronized (this) {
            if (!Objects.equals(frameSubscription, subscription) || needsSnapshot || seq <= lastSeq) {
                return Offer.SKIPPED;
            }
            if (queue.size() >= capacity) {
                queue.clear();
                needsSnapshot = true;
                result = Offer.OVERFLOWED;
            } else {
                queue.add(new Frame(seq, text));
                lastSeq = seq;
                result = Offer.QUEUED;
            }
        }
        drain();
        return result;
    }

    /**
     * Queues a heartbeat carrying the last sequence number queued to this screen, so a screen that
     * lost the last delta notices it without waiting for the next one.
     */
    public void offerHeartbeat(BiFunction<S, Long, String> heartbeat) {
        synchronized (this) {
            if (needsSnapshot || lastSeq < 0 || queue.size() >= capacity) {
                return;
            }
            queue.add(new Frame(Long.MIN_VALUE, heartbeat.apply(subscription, lastSeq)));
        }
        drain();
    }

    /** Sends the next frame unless one is on its way; continues when it has been written. */
    public void drain() {
        String text;
        synchronized (this) {
            if (sending || !connection.isOpen()) {
                return;
            }
            if (needsSnapshot) {
                SnapshotFrame snapshot = snapshots.apply(subscription);
                needsSnapshot = false;
                queue.removeIf(frame -> frame.seq() <= snapshot.seq());
                lastSeq = Math.max(lastSeq, snapshot.seq());
                text = snapshot.text();
            } else {
                Frame next = queue.poll();
                if (next == null) {
                    return;
                }
                text = next.text();
            }
            sending = true;
        }
        connection.sendText(text).subscribe().with(
                ignored -> {
                    synchronized (this) {
                        sending = false;
                    }
                    drain();
                },
                failure -> {
                    synchronized (this) {
                        sending = false;
                        queue.clear();
                    }
                });
    }
}
