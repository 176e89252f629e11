package ru.tsur.pulse.keys;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token bucket on a clock moved by hand: a full bucket grants its capacity at once, then refuses with the
 * exact wait until enough tokens are back (never a nanosecond early), refills no further than its capacity,
 * and tells when it is full again.
 */
class TokenBucketTest {

    /** Deliberately negative: System.nanoTime() may start anywhere. */
    private final AtomicLong now = new AtomicLong(-5_000_000_000L);

    private void advance(long nanoseconds) {
        now.addAndGet(nanoseconds);
    }

    @Test
    void aFullBucketGrantsItsCapacityThenNamesTheExactWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(10, 5, now::get);

        assertThat(bucket.tryTake(10)).isEqualTo(new TokenBucket.Take(true, Duration.ZERO));
        assertThat(bucket.tryTake(1)).isEqualTo(new TokenBucket.Take(false, Duration.ofMillis(200)));
        advance(199_999_999);
        assertThat(bucket.tryTake(1)).isEqualTo(new TokenBucket.Take(false, Duration.ofNanos(1)));
        advance(1);
        assertThat(bucket.tryTake(1)).isEqualTo(new TokenBucket.Take(true, Duration.ZERO));
        assertThat(bucket.tryTake(1)).isEqualTo(new TokenBucket.Take(false, Duration.ofMillis(200)));
    }

    @Test
    void aWaitThatIsNotAWholeNanosecondIsRoundedUpSoNothingIsGrantedEarly() {
        TokenBucket bucket = new TokenBucket(3, 3, now::get);
        bucket.tryTake(3);

        assertThat(bucket.tryTake(1)).isEqualTo(new TokenBucket.Take(false, Duration.ofNanos(333_333_334)));
        advance(333_333_333);
        assertThat(bucket.tryTake(1)).isEqualTo(new TokenBucket.Take(false, Duration.ofNanos(1)));
        advance(1);
        assertThat(bucket.tryTake(1)).isEqualTo(new TokenBucket.Take(true, Duration.ZERO));
    }

    @Test
    void aBatchWaitsForAllItsTokensAndARefusalTakesNothing() {
        TokenBucket bucket = new TokenBucket(2000, 200, now::get);
        bucket.tryTake(2000);
        advance(1_000_000_000);

        assertThat(bucket.tryTake(201)).isEqualTo(new TokenBucket.Take(false, Duration.ofMillis(5)));
        assertThat(bucket.tryTake(1000)).isEqualTo(new TokenBucket.Take(false, Duration.ofSeconds(4)));
        assertThat(bucket.tryTake(200)).isEqualTo(new TokenBucket.Take(true, Duration.ZERO));
        assertThat(bucket.tryTake(1)).isEqualTo(new TokenBucket.Take(false, Duration.ofMillis(5)));
    }

    @Test
    void aLongIdleBucketRefillsOnlyToItsCapacity() {
        TokenBucket bucket = new TokenBucket(5, 1, now::get);
        bucket.tryTake(5);
        advance(Duration.ofDays(400).toNanos());

        assertThat(bucket.tryTake(5)).isEqualTo(new TokenBucket.Take(true, Duration.ZERO));
        assertThat(bucket.tryTake(1)).isEqualTo(new TokenBucket.Take(false, Duration.ofSeconds(1)));
    }

    @Test
    void aBucketTellsWhenItIsFullAgain() {
        TokenBucket bucket = new TokenBucket(4, 2, now::get);
        assertThat(bucket.isFull()).isTrue();
        bucket.tryTake(1);
        assertThat(bucket.isFull()).isFalse();
        advance(499_999_999);
        assertThat(bucket.isFull()).isFalse();
        advance(1);
        assertThat(bucket.isFull()).isTrue();
    }

    @Test
    void aClockThatDoesNotMoveOrStepsBackRefillsNothing() {
        TokenBucket bucket = new TokenBucket(2, 1, now::get);
        bucket.tryTake(2);
        advance(-1_000_000_000);

        assertThat(bucket.tryTake(1)).isEqualTo(new TokenBucket.Take(false, Duration.ofSeconds(1)));
    }

    @Test
    void requestsOfNoTokensOrMoreThanTheCapacityAreProgrammingErrors() {
        TokenBucket bucket = new TokenBucket(10, 5, now::get);

        assertThatThrownBy(() -> bucket.tryTake(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Can take 1 to 10 tokens, not 11");
        assertThatThrownBy(() -> bucket.tryTake(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Can take 1 to 10 tokens, not 0");
        assertThatThrownBy(() -> new TokenBucket(10, 0, now::get)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A bucket must refill at least one token a second");
    }
}
