package ru.tsur.pulse.problems;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.pgclient.PgException;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outage is told from a fault, answered 503 with Retry-After, and logged once — not once per request.
 */
class OutagesTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final ExtHandler capture = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            logged.add(record.getLevel() + " " + record.getFormattedMessage() + (record.getThrown() == null ? "" : " +trace"));
        }
    };
    private final Logger logger = Logger.getLogger(Outages.class.getName());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Outages outages = new Outages(null, null, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC),
            Duration.ofSeconds(5), registry);

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    @Test
    void aConnectionFailureIsAnOutageAndAStatementPostgresqlRefusedIsNot() {
        assertThat(Outages.dependencyDown(new RuntimeException(new ConnectException("Connection refused: /127.0.0.1:5432"))))
                .isEqualTo(Outages.Dependency.POSTGRESQL);
        assertThat(Outages.dependencyDown(new PgException("the database system is shutting down", "FATAL", "57P01", null)))
                .isEqualTo(Outages.Dependency.POSTGRESQL);
        assertThat(Outages.dependencyDown(new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null)))
                .isNull();
        assertThat(Outages.dependencyDown(new IllegalStateException("Result is already complete"))).isNull();
    }

    @Test
    void aThousandRequestsDuringAnOutageAreAnswered503AndLoggedOnce() {
        for (int request = 0; request < 1000; request++) {
            Problem problem = outages.refusal(new RuntimeException(new ConnectException("Connection refused: /127.0.0.1:5432")));
            assertThat(problem.status()).isEqualTo(503);
            assertThat(problem.retryAfterSeconds()).isEqualTo(5L);
            assertThat(problem.getMessage()).isEqualTo("PostgreSQL недоступен; повторите запрос через 5 с");
        }
        assertThat(logged).containsExactly("ERROR PostgreSQL is unavailable: ConnectException: Connection refused: /127.0.0.1:5432"
                + " (further failures are counted, not logged, until it returns)");
        assertThat(registry.get("pulse.requests.refused.unavailable").tag("dependency", "postgresql").counter().count())
                .isEqualTo(1000.0);

        outages.succeeded(Outages.Dependency.POSTGRESQL);
        assertThat(logged).hasSize(2);
        assertThat(logged.get(1)).isEqualTo("INFO PostgreSQL is available again after 0 s; 1000 requests were refused meanwhile");
        assertThat(outages.isDown(Outages.Dependency.POSTGRESQL)).isFalse();
    }

    @Test
    void aFaultIsA500WithAGenericDetailAndItsTraceIsLoggedOncePerKind() {
        for (int request = 0; request < 50; request++) {
            Problem problem = outages.refusal(new IllegalStateException("Result is already complete"));
            assertThat(problem.status()).isEqualTo(500);
            assertThat(problem.getMessage()).doesNotContain("Result");
        }
        assertThat(logged).containsExactly("ERROR Request failed with an unexpected error (same kind not traced again for 30 s) +trace");
    }
}
