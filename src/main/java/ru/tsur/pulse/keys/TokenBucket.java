package ru.tsur.pulse.keys;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: holds at most {@code capacity} tokens, refills {@code refillPerSecond} tokens a second,
 * and grants a request for n tokens when n are there — else says how long until they will be. Exact: tokens
 * are counted in billionths (one token = 10^9 units, so a bucket refills exactly {@code refillPerSecond}
 * units per nanosecond) and waits are whole nanoseconds rounded up, so no rounding ever grants early.
 * Time comes from an injected nanosecond source (monotonic in the service, moved by hand in tests).
 */
public final class TokenBucket {

    private static final long UNITS_PER_TOKEN = 1_000_000_000L;

    /** The answer to a request: granted, or refused with how long until it would be granted. */
    public record Take(boolean allowed, Duration waitFor) {
        static final Take GRANTED = new Take(true, Duration.ZERO);
    }

    private final long capacity;
    private final long capacityUnits;
    private final long refillPerSecond;
    private final LongSupplier nanoTime;
    private long units;
    private long refilledAt;

    /** A full bucket. */
    public TokenBucket(long capacity, long refillPerSecond, LongSupplier nanoTime) {
        if (capacity < 1 || capacity > Long.MAX_VALUE / UNITS_PER_TOKEN) {
            throw new IllegalArgumentException("Bucket capacity must be between 1 and " + Long.MAX_VALUE / UNITS_PER_TOKEN);
        }
        if (refillPerSecond < 1) {
            throw new IllegalArgumentException("A bucket must refill at least one token a second");
        }
        this.capacity = capacity;
        this.capacityUnits = capacity * UNITS_PER_TOKEN;
        this.refillPerSecond = refillPerSecond;
        this.nanoTime = nanoTime;
        this.units = capacityUnits;
        this.refilledAt = nanoTime.getAsLong();
    }

    public long capacity() {
        return capacity;
    }

    /** Takes {@code tokens} if the bucket holds them; else takes nothing and says how long to wait. */
    public synchronized Take tryTake(long tokens) {
        if (tokens < 1 || tokens > capacity) {
            throw new IllegalArgumentException("Can take 1 to " + capacity + " tokens, not " + tokens);
        }
        refill();
        long needed = tokens * UNITS_PER_TOKEN;
        if (units >= needed) {
            units -= needed;
            return Take.GRANTED;
        }
        return new Take(false, Duration.ofNanos(ceilDivide(needed - units, refillPerSecond)));
    }

    /** Whether the bucket is full again: then it is the same as a new one, and may be forgotten. */
    public synchronized boolean isFull() {
        refill();
        return units == capacityUnits;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        long elapsed = now - refilledAt;
        if (elapsed <= 0) {
            return;
        }
        refilledAt = now;
        long missing = capacityUnits - units;
        // Compared before multiplying: elapsed × rate cannot overflow once it is below what fills the bucket.
        units = elapsed >= ceilDivide(missing, refillPerSecond) ? capacityUnits : units + elapsed * refillPerSecond;
    }

    private static long ceilDivide(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
