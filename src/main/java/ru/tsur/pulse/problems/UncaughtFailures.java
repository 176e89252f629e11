package ru.tsur.pulse.problems;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Vert.x's handler of exceptions nobody caught, replaced so that one known, harmless one does not flood the
 * log: the reactive PostgreSQL pool leaves a timer running when acquiring a connection fails, and when it
 * fires it fails the already failed promise — «IllegalStateException: Result is already complete» from
 * {@code SqlConnectionPool} (vertx-sql-client issue #1706). The query's caller has already been answered
 * (503); the timer's second failure changes nothing. Such throwables are counted
 * ({@code pulse_vertx_pool_timer_failures_total}) and logged at DEBUG; every other uncaught exception is
 * logged as an error with its stack trace, as before.
 */
@ApplicationScoped
public class UncaughtFailures {

    private static final Logger LOG = Logger.getLogger(UncaughtFailures.class);

    void install(@Observes StartupEvent started, Vertx vertx, MeterRegistry registry) {
        Counter poolTimerFailures = Counter.builder("pulse.vertx.pool.timer.failures")
                .description("Harmless second failures of PostgreSQL pool requests (vertx-sql-client #1706), counted instead of logged")
                .register(registry);
        vertx.exceptionHandler(failure -> {
            if (isPoolTimerBug(failure)) {
                poolTimerFailures.increment();
                LOG.debug("Pool timer fired on an already failed request (vertx-sql-client #1706)");
            } else {
                LOG.error("Uncaught exception received by Vert.x", failure);
            }
        });
    }

    static boolean isPoolTimerBug(Throwable failure) {
        if (!(failure instanceof IllegalStateException) || !"Result is already complete".equals(failure.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("io.vertx.sqlclient.impl.pool.SqlConnectionPool")) {
                return true;
            }
        }
        return false;
    }
}
