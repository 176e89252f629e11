package ru.tsur.pulse.feed;

import io.quarkus.websockets.next.WebSocketConnection;

import java.util.ArrayDeque;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * One connected feed screen and its own bounded queue of frames, sent one at a time in order. When the
 * queue is full the screen has fallen behind: the queue is dropped and, once the socket drains, the
 * screen gets a fresh snapshot instead, so a slow screen never holds up the others or grows memory.
 */
final class FeedScreen {

    /** A frame and the sequence number it brings the screen to ({@code Long.MIN_VALUE} for heartbeats). */
    private record Frame(long seq, String text) {
    }

    /** A snapshot frame with the sequence number it stands at. */
    record SnapshotFrame(long seq, String text) {
    }

    private final WebSocketConnection connection;
    private final int capacity;
    private final Supplier<SnapshotFrame> snapshots;
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean needsSnapshot = true;
    private long lastSeq = -1;
    private long overflows;

    FeedScreen(WebSocketConnection connection, int capacity, Supplier<SnapshotFrame> snapshots) {
        this.connection = connection;
        this.capacity = capacity;
        this.snapshots = snapshots;
    }

    synchronized long overflows() {
        return overflows;
    }

    /** The screen saw a gap and asked for a snapshot. */
    void resync() {
        synchronized (this) {
            queue.clear();
            needsSnapshot = true;
        }
        drain();
    }

    /** Queues a frame of new messages; on overflow switches to "send a snapshot". */
    void offer(long seq, String text) {
        synchronized (this) {
            if (needsSnapshot || seq <= lastSeq) {
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

    /** Queues a heartbeat carrying the last sequence number queued, so a lost last frame is noticed. */
    void offerHeartbeat(LongFunction<String> heartbeat) {
        synchronized (this) {
            if (needsSnapshot || lastSeq < 0 || queue.size() >= capacity) {
                return;
            }
            queue.add(new Frame(Long.MIN_VALUE, heartbeat.apply(lastSeq)));
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
                SnapshotFrame snapshot = snapshots.get();
                if (snapshot == null) {
                    return;
                }
                needsSnapshot = false;
                queue.removeIf(frame -> frame.seq() != Long.MIN_VALUE && frame.seq() <= snapshot.seq());
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
