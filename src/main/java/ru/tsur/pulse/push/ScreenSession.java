package ru.tsur.pulse.push;

import io.quarkus.websockets.next.WebSocketConnection;
import ru.tsur.pulse.counters.Window;

import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * One connected screen: its window and its own bounded queue of frames, sent one at a time in order.
 * When the queue is full the screen has fallen behind: its queued deltas are dropped and, once the
 * socket drains, it gets a fresh snapshot instead — a slow screen never holds up the others and never
 * applies a delta out of order.
 */
final class ScreenSession {

    /** A frame and the sequence number it brings the screen to. */
    private record Frame(long seq, String text) {
    }

    private final WebSocketConnection connection;
    private final int capacity;
    private final Function<Window, SnapshotFrame> snapshots;
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private Window window;
    private boolean sending;
    private boolean needsSnapshot = true;
    private long lastSeq = -1;
    private long overflows;

    /** A snapshot frame with the sequence number it stands at. */
    record SnapshotFrame(long seq, String text) {
    }

    ScreenSession(WebSocketConnection connection, Window window, int capacity,
                  Function<Window, SnapshotFrame> snapshots) {
        this.connection = connection;
        this.window = window;
        this.capacity = capacity;
        this.snapshots = snapshots;
    }

    synchronized Window window() {
        return window;
    }

    String id() {
        return connection.id();
    }

    synchronized long overflows() {
        return overflows;
    }

    /** Switches the screen to another window (a snapshot of it follows). */
    void subscribe(Window newWindow) {
        synchronized (this) {
            window = newWindow;
            lastSeq = -1;
            queue.clear();
            needsSnapshot = true;
        }
        drain();
    }

    /** The screen asked for a snapshot (it saw a gap). */
    void resync() {
        synchronized (this) {
            queue.clear();
            needsSnapshot = true;
        }
        drain();
    }

    /** Queues a frame for this screen's window; on overflow switches to "send a snapshot". */
    void offer(Window frameWindow, long seq, String text) {
        synchronized (this) {
            if (frameWindow != window || needsSnapshot || seq <= lastSeq) {
                return;
            }
            if (queue.size() >= capacity) {
                queue.clear();
                needsSnapshot = true;
                overflows++;
            } else {
                queue.add(new Frame(seq, text));
                lastSeq = seq;
            }
        }
        drain();
    }

    /**
     * Queues a heartbeat carrying the last sequence number queued to this screen, so a screen that
     * lost the last delta notices it without waiting for the next one.
     */
    void offerHeartbeat(HeatmapFrames frames, java.time.Instant now) {
        synchronized (this) {
            if (needsSnapshot || lastSeq < 0 || queue.size() >= capacity) {
                return;
            }
            queue.add(new Frame(Long.MIN_VALUE, frames.heartbeat(window, lastSeq, now)));
        }
        drain();
    }

    /** Sends the next frame unless one is on its way; continues when it has been written. */
    void drain() {
        String text;
        synchronized (this) {
            if (sending || !connection.isOpen()) {
                return;
            }
            if (needsSnapshot) {
                SnapshotFrame snapshot = snapshots.apply(window);
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
