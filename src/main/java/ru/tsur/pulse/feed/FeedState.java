package ru.tsur.pulse.feed;

import ru.tsur.pulse.messages.RecentMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private static final Comparator<RecentMessage> NEWEST_FIRST = Comparator.comparingLong(RecentMessage::id).reversed();

    private final List<RecentMessage> newestFirst = new ArrayList<>();
    private final Set<Long> heldIds = new HashSet<>();
    private long seq;

    public FeedState(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Replaces the held messages by a fresh read (newest first); the sequence number moves on by one. */
    public Snapshot load(List<RecentMessage> freshNewestFirst) {
        newestFirst.clear();
        heldIds.clear();
        take(freshNewestFirst);
        seq++;
        return snapshot();
    }

    /**
     * Takes newly stored messages; returns the batch to push, or empty when nothing is new among the newest
     * (a repeat, or messages older than every one held).
     */
    public Optional<Batch> add(List<RecentMessage> readNewestFirst) {
        List<RecentMessage> fresh = take(readNewestFirst);
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        seq++;
        return Optional.of(new Batch(seq, fresh));
    }

    /**
     * Keeps the messages not held yet, as long as they are among the newest {@code capacity} by id (a message
     * committed late with a lower id still gets in); returns those kept, newest first.
     */
    private List<RecentMessage> take(List<RecentMessage> readNewestFirst) {
        Map<Long, RecentMessage> fresh = new HashMap<>();
        for (RecentMessage message : readNewestFirst) {
            if (!heldIds.contains(message.id())) {
                fresh.putIfAbsent(message.id(), message);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<RecentMessage> all = new ArrayList<>(newestFirst);
        all.addAll(fresh.values());
        all.sort(NEWEST_FIRST);
        if (all.size() > capacity) {
            all = all.subList(0, capacity);
        }
        newestFirst.clear();
        newestFirst.addAll(all);
        heldIds.clear();
        all.forEach(message -> heldIds.add(message.id()));
        return all.stream().filter(message -> fresh.containsKey(message.id())).toList();
    }

    public Snapshot snapshot() {
        return new Snapshot(seq, List.copyOf(newestFirst));
    }

    /** The highest message id held, or -1 when empty. */
    public long highestId() {
        return newestFirst.isEmpty() ? -1 : newestFirst.get(0).id();
    }

    public long seq() {
        return seq;
    }
}
