package ru.tsur.pulse.feed;

import ru.tsur.pulse.messages.RecentMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The feed as screens last saw it: the newest {@code capacity} messages and a sequence number that grows
 * by one with every batch of new messages. Plain logic, not thread-safe (the broadcaster serialises it).
 * Memory is bounded by {@code capacity} whatever the message rate.
 */
public final class FeedState {

    /** New messages (newest first) and the sequence number of the frame that carries them. */
    public record Batch(long seq, List<RecentMessage> messages) {
    }

    /** The newest messages (newest first) at a sequence number. */
    public record Snapshot(long seq, List<RecentMessage> messages) {
    }

    private final int capacity;
    private final ArrayDeque<RecentMessage> newestFirst = new ArrayDeque<>();
    private long seq;
    private long highestId = -1;

    public FeedState(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Replaces the held messages by a fresh read (newest first); the sequence number moves on by one. */
    public Snapshot load(List<RecentMessage> freshNewestFirst) {
        newestFirst.clear();
        highestId = -1;
        take(freshNewestFirst);
        seq++;
        return snapshot();
    }

    /**
     * Takes messages read after {@link #highestId()} (newest first); returns the batch to push, or empty when
     * nothing is newer than what is held (a repeated read).
     */
    public Optional<Batch> add(List<RecentMessage> readNewestFirst) {
        List<RecentMessage> fresh = take(readNewestFirst);
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        seq++;
        return Optional.of(new Batch(seq, fresh));
    }

    /** Keeps the messages newer than those held (at most capacity); returns them newest first. */
    private List<RecentMessage> take(List<RecentMessage> readNewestFirst) {
        List<RecentMessage> fresh = new ArrayList<>();
        for (RecentMessage message : readNewestFirst) {
            if (message.id() > highestId) {
                fresh.add(message);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        fresh.sort((left, right) -> Long.compare(right.id(), left.id()));
        if (fresh.size() > capacity) {
            fresh = new ArrayList<>(fresh.subList(0, capacity));
        }
        for (int index = fresh.size() - 1; index >= 0; index--) {
            newestFirst.addFirst(fresh.get(index));
        }
        while (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
        highestId = fresh.get(0).id();
        return List.copyOf(fresh);
    }

    public Snapshot snapshot() {
        return new Snapshot(seq, List.copyOf(newestFirst));
    }

    /** The highest message id held, or -1 when empty: the next read asks for ids above it. */
    public long highestId() {
        return highestId;
    }

    public long seq() {
        return seq;
    }
}
