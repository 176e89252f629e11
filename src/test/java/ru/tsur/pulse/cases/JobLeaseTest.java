package ru.tsur.pulse.cases;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.TestMessages;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lease that lets exactly one replica run the deadline sweep: held by one holder until it lapses,
 * renewable by that holder, taken over by another only after it lapsed.
 */
@QuarkusTest
class JobLeaseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    CaseRepository repository;

    @Test
    void oneHolderAtATimeUntilTheLeaseLapses() throws Exception {
        String lease = "test-" + TestMessages.uniqueId();
        assertThat(repository.takeLease(lease, "replica-a", Duration.ofSeconds(2)).await().atMost(WAIT)).isTrue();
        assertThat(repository.takeLease(lease, "replica-b", Duration.ofSeconds(2)).await().atMost(WAIT)).isFalse();
        assertThat(repository.takeLease(lease, "replica-a", Duration.ofSeconds(2)).await().atMost(WAIT)).isTrue();
        Thread.sleep(2500);
        assertThat(repository.takeLease(lease, "replica-b", Duration.ofSeconds(2)).await().atMost(WAIT)).isTrue();
        assertThat(repository.takeLease(lease, "replica-a", Duration.ofSeconds(2)).await().atMost(WAIT)).isFalse();
    }
}
