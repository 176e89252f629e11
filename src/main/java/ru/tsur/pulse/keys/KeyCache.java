package ru.tsur.pulse.keys;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Recent key lookups of this replica, so a source posting thousands of messages a second costs PostgreSQL
 * one lookup per key per {@code ttl}. An entry is trusted for {@code ttl} from the moment its lookup began.
 * Invalidating a key (on revoke) removes it at once and also refuses any lookup that began before the
 * invalidation and finishes after it, so a revoked key can never come back from a read that raced the revoke.
 * Other replicas learn of a revoke when their entry ages out: {@code ttl} bounds it. Bounded: past
 * {@code maxEntries}, aged entries are dropped, and if that is not enough, all of them.
 *
 * @param <V> what a lookup found
 */
public final class KeyCache<V> {

    private record Entry<V>(V value, long lookedUpAt) {
    }

    private final long ttlMillis;
    private final int maxEntries;
    private final LongSupplier millis;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<String, Long> invalidatedAt = new ConcurrentHashMap<>();

    public KeyCache(long ttlMillis, int maxEntries, LongSupplier millis) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
        this.millis = millis;
    }

    /** The time to stamp a lookup with: take it before asking PostgreSQL, give it to {@link #put}. */
    public long lookupStarts() {
        return millis.getAsLong();
    }

    public Optional<V> get(String id) {
        Entry<V> entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (millis.getAsLong() - entry.lookedUpAt() >= ttlMillis) {
            entries.remove(id, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Keeps what a lookup begun at {@code lookedUpAt} found, unless the key was invalidated since. */
    public void put(String id, V value, long lookedUpAt) {
        Long invalidated = invalidatedAt.get(id);
        if (invalidated != null && invalidated >= lookedUpAt) {
            return;
        }
        if (entries.size() >= maxEntries) {
            dropAged();
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(id, new Entry<>(value, lookedUpAt));
    }

    public void invalidate(String id) {
        invalidatedAt.put(id, millis.getAsLong());
        entries.remove(id);
        // A lookup older than ttl could not be trusted anyway: such marks are no longer needed.
        long now = millis.getAsLong();
        invalidatedAt.values().removeIf(at -> now - at > ttlMillis);
    }

    public int size() {
        return entries.size();
    }

    private void dropAged() {
        long now = millis.getAsLong();
        entries.values().removeIf(entry -> now - entry.lookedUpAt() >= ttlMillis);
    }
}
