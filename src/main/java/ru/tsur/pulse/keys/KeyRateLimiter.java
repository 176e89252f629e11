package ru.tsur.pulse.keys;

import ru.tsur.pulse.problems.Problem;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits how fast each API key may post: one {@link TokenBucket} per key id (a message is a token), all with
 * the configured rate and burst. A refusal is a 429 problem whose Retry-After is the whole seconds until the
 * request would pass; a request larger than the burst can never pass and is a 413. Buckets live only for
 * authenticated key ids, so there are at most as many as live keys; past {@code maxBuckets} the full ones
 * are forgotten (a full bucket is the same as a new one, so forgetting it changes nothing).
 */
public final class KeyRateLimiter {

    private final long burst;
    private final long ratePerSecond;
    private final int maxBuckets;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public KeyRateLimiter(long burst, long ratePerSecond, int maxBuckets, LongSupplier nanoTime) {
        this.burst = burst;
        this.ratePerSecond = ratePerSecond;
        this.maxBuckets = maxBuckets;
        this.nanoTime = nanoTime;
    }

    /** Empty when the key may post {@code messages} messages now (and they are counted); else the refusal. */
    public Optional<Problem> admit(String keyId, int messages) {
        if (messages > burst) {
            return Optional.of(Problem.tooLarge("Ключ может отправить не больше " + burst
                    + " сообщений за раз, а в запросе " + messages));
        }
        if (buckets.size() >= maxBuckets && !buckets.containsKey(keyId)) {
            buckets.values().removeIf(TokenBucket::isFull);
        }
        TokenBucket bucket = buckets.computeIfAbsent(keyId, id -> new TokenBucket(burst, ratePerSecond, nanoTime));
        TokenBucket.Take take = bucket.tryTake(Math.max(1, messages));
        if (take.allowed()) {
            return Optional.empty();
        }
        long seconds = retryAfterSeconds(take.waitFor());
        return Optional.of(Problem.tooManyRequests("Превышен лимит ключа " + keyId + ": " + ratePerSecond
                + " сообщений в секунду, не больше " + burst + " подряд; повторите через " + seconds + " с", seconds));
    }

    /** Buckets held now (for tests and metrics). */
    public int buckets() {
        return buckets.size();
    }

    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
