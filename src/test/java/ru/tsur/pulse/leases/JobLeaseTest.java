package ru.tsur.pulse.leases;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.TestMessages;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lease that lets exactly one replica run a periodic job (the deadline sweep, the incident sweep): held by one holder until it lapses,
 * renewable by that holder, taken over by another only after it lapsed.
 */
@QuarkusTest
class JobLeaseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    JobLeases leases;

    @Test
    void oneHolderAtATimeUntilTheLeaseLapses() throws Exception {
        String lease = "test-" + TestMessages.uniqueId();
        assertThat(leases.take(lease, "replica-a", Duration.ofSeconds(2)).await().atMost(WAIT)).isTrue();
        assertThat(leases.take(lease, "replica-b", Duration.ofSeconds(2)).await().atMost(WAIT)).isFalse();
        assertThat(leases.take(lease, "replica-a", Duration.ofSeconds(2)).await().atMost(WAIT)).isTrue();
        Thread.sleep(2500);
        assertThat(leases.take(lease, "replica-b", Duration.ofSeconds(2)).await().atMost(WAIT)).isTrue();
        assertThat(leases.take(lease, "replica-a", Duration.ofSeconds(2)).await().atMost(WAIT)).isFalse();
    }
}
