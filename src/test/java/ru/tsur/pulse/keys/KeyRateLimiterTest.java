package ru.tsur.pulse.keys;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.problems.Problem;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-key limiter on a clock moved by hand: each key has its own bucket, a flood is a 429 whose
 * Retry-After is the whole seconds until the request would pass, a request beyond the burst is a 413, and
 * past its bound the limiter forgets only buckets that are full again.
 */
class KeyRateLimiterTest {

    private final AtomicLong now = new AtomicLong();

    private static Problem.Body refusal(Optional<Problem> answer) {
        assertThat(answer).isPresent();
        return answer.get().body();
    }

    @Test
    void aFloodIsRefusedWithTooManyRequestsAndTheSecondsToWait() {
        KeyRateLimiter limiter = new KeyRateLimiter(5, 2, 100, now::get);
        for (int message = 0; message < 5; message++) {
            assertThat(limiter.admit("k_aaaaaaaaaaaa", 1)).isEmpty();
        }

        Optional<Problem> flood = limiter.admit("k_aaaaaaaaaaaa", 1);
        assertThat(refusal(flood)).isEqualTo(new Problem.Body("urn:tsur-pulse:problem:too-many-requests",
                "Слишком много запросов", 429,
                "Превышен лимит ключа k_aaaaaaaaaaaa: 2 сообщений в секунду, не больше 5 подряд; повторите через 1 с", null));
        assertThat(flood.get().retryAfterSeconds()).isEqualTo(1L);

        Optional<Problem> batch = limiter.admit("k_aaaaaaaaaaaa", 4);
        assertThat(batch.get().retryAfterSeconds()).isEqualTo(2L);
        now.addAndGet(400_000_000);
        Optional<Problem> sooner = limiter.admit("k_aaaaaaaaaaaa", 3);
        assertThat(sooner.get().retryAfterSeconds()).isEqualTo(2L);
        now.addAndGet(1_100_000_000);
        assertThat(limiter.admit("k_aaaaaaaaaaaa", 3)).isEmpty();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        KeyRateLimiter limiter = new KeyRateLimiter(3, 1, 100, now::get);
        assertThat(limiter.admit("k_aaaaaaaaaaaa", 3)).isEmpty();
        assertThat(limiter.admit("k_aaaaaaaaaaaa", 1)).isPresent();

        assertThat(limiter.admit("k_bbbbbbbbbbbb", 3)).isEmpty();
    }

    @Test
    void aBatchLargerThanTheBurstCanNeverPassAndIsTooLarge() {
        KeyRateLimiter limiter = new KeyRateLimiter(2000, 200, 100, now::get);

        Optional<Problem> answer = limiter.admit("k_aaaaaaaaaaaa", 2001);
        assertThat(refusal(answer)).isEqualTo(new Problem.Body("urn:tsur-pulse:problem:payload-too-large",
                "Слишком большой запрос", 413, "Ключ может отправить не больше 2000 сообщений за раз, а в запросе 2001", null));
        assertThat(answer.get().retryAfterSeconds()).isNull();
        assertThat(limiter.admit("k_aaaaaaaaaaaa", 2000)).isEmpty();
    }

    @Test
    void pastItsBoundTheLimiterForgetsOnlyBucketsThatAreFullAgain() {
        KeyRateLimiter limiter = new KeyRateLimiter(2, 1, 2, now::get);
        limiter.admit("k_aaaaaaaaaaaa", 1);
        limiter.admit("k_bbbbbbbbbbbb", 1);
        limiter.admit("k_cccccccccccc", 1);
        assertThat(limiter.buckets()).isEqualTo(3);

        now.addAndGet(1_000_000_000);
        limiter.admit("k_dddddddddddd", 2);
        assertThat(limiter.buckets()).isEqualTo(1);
        assertThat(limiter.admit("k_dddddddddddd", 1)).isPresent();
    }
}
