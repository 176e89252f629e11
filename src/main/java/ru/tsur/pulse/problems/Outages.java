package ru.tsur.pulse.problems;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import ru.tsur.pulse.ingest.IngestConfig;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells a dependency outage from a fault, and logs an outage the way an on-call person wants to read it:
 * one line when PostgreSQL or Redis goes down, one line with a count of refused requests every
 * {@link #SUMMARY_EVERY} while it stays down, and one line when it answers again — instead of a stack trace
 * per request (README, «When PostgreSQL or Redis goes away», has the drill that counts them). A request that
 * failed because of an
 * outage is answered 503 with Retry-After; any other failure is a 500 whose stack trace is logged, at most
 * one per {@link #SUMMARY_EVERY} for the same exception class.
 * <p>
 * While a dependency is marked down, a scheduled probe asks it every two seconds ({@code SELECT 1},
 * {@code PING}); the first answer marks it up again.
 */
@ApplicationScoped
public class Outages {

    private static final Logger LOG = Logger.getLogger(Outages.class);
    static final Duration SUMMARY_EVERY = Duration.ofSeconds(30);

    /** The dependencies whose loss makes requests fail for a while. */
    public enum Dependency {
        POSTGRESQL("PostgreSQL"), REDIS("Redis");

        private final String label;

        Dependency(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A failure met while talking to a known dependency. A store wraps its own calls' failures in it (see
     * {@link #fromRedis}), so a refused connection is put on the right dependency whatever port it uses —
     * a bare "Connection refused: /127.0.0.1:9" says nothing about which one it was.
     */
    public static final class DependencyFailure extends RuntimeException {

        private final Dependency dependency;

        public DependencyFailure(Dependency dependency, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.dependency = dependency;
        }

        public Dependency dependency() {
            return dependency;
        }
    }

    /** For {@code .onFailure().transform(Outages::fromRedis)} on every Redis call of a store. */
    public static Throwable fromRedis(Throwable failure) {
        return failure instanceof DependencyFailure ? failure : new DependencyFailure(Dependency.REDIS, failure);
    }

    /** The down/up state of one dependency, and what was refused meanwhile. */
    private static final class State {
        volatile Instant downSince;
        volatile Instant lastSummary;
        final AtomicLong refusedSinceSummary = new AtomicLong();
        final AtomicLong refusedInOutage = new AtomicLong();
    }

    private final Map<Dependency, State> states = new EnumMap<>(Dependency.class);
    private final Map<String, Instant> lastTraceByClass = new java.util.concurrent.ConcurrentHashMap<>();
    private final Pool pool;
    private final Redis redis;
    private final Clock clock;
    private final long retryAfterSeconds;
    private final Map<Dependency, Counter> refused = new EnumMap<>(Dependency.class);
    private final Counter internalErrors;

    @jakarta.inject.Inject
    public Outages(Pool pool, Redis redis, Clock clock, IngestConfig config, MeterRegistry registry) {
        this(pool, redis, clock, config.retryAfter(), registry);
    }

    Outages(Pool pool, Redis redis, Clock clock, Duration retryAfter, MeterRegistry registry) {
        this.pool = pool;
        this.redis = redis;
        this.clock = clock;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
        for (Dependency dependency : Dependency.values()) {
            states.put(dependency, new State());
            refused.put(dependency, Counter.builder("pulse.requests.refused.unavailable")
                    .tag("dependency", dependency.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Requests answered 503 because a dependency was unavailable").register(registry));
        }
        this.internalErrors = Counter.builder("pulse.requests.internal.errors")
                .description("Requests answered 500 (a fault of the service, not of a dependency)").register(registry);
    }

    /**
     * The answer for a request that failed with this exception: 503 naming the dependency that is down, or a
     * 500 with a generic detail (the exception is logged, rate-limited, never sent to the client).
     */
    public Problem refusal(Throwable failure) {
        Dependency dependency = dependencyDown(failure);
        if (dependency != null) {
            markDown(dependency, failure);
            refused.get(dependency).increment();
            State state = states.get(dependency);
            state.refusedSinceSummary.incrementAndGet();
            state.refusedInOutage.incrementAndGet();
            return Problem.unavailable(dependency.label() + " недоступен; повторите запрос через "
                    + retryAfterSeconds + " с", retryAfterSeconds);
        }
        internalErrors.increment();
        logFault(failure);
        return Problem.of(Problem.Kind.INTERNAL, "Запрос не выполнен из-за внутренней ошибки; она записана в журнал");
    }

    /** Records that a dependency failed outside a request (the pipeline, a job), so the outage is logged once. */
    public void failed(Dependency dependency, Throwable failure) {
        markDown(dependency, failure);
    }

    /**
     * For jobs and stages outside a request: when the failure means a dependency is down, records it (logged
     * once for the whole outage) and returns true, so the caller does not log it again every round.
     */
    public boolean absorb(Throwable failure) {
        Dependency dependency = dependencyDown(failure);
        if (dependency == null) {
            return false;
        }
        markDown(dependency, failure);
        return true;
    }

    /** Records that a dependency answered (cheap when it was not marked down): an outage ends at once. */
    public void succeeded(Dependency dependency) {
        if (states.get(dependency).downSince != null) {
            markUp(dependency);
        }
    }

    /** Whether the failure means PostgreSQL or Redis cannot be reached (as opposed to a statement it refused). */
    public static Dependency dependencyDown(Throwable failure) {
        Dependency calledOn = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DependencyFailure tagged) {
                calledOn = tagged.dependency();
                continue;
            }
            if (cause instanceof PgException pg) {
                String state = pg.getSqlState();
                // 08: connection exception; 57P01–57P03: shutting down or starting; 53300: too many connections.
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                    return Dependency.POSTGRESQL;
                }
                return null; // PostgreSQL answered and refused the statement: not an outage
            }
            String type = cause.getClass().getName();
            if (type.startsWith("io.vertx.redis") || type.contains("Redis")) {
                return Dependency.REDIS;
            }
            if (cause instanceof ConnectException || type.equals("io.vertx.sqlclient.ClosedConnectionException")
                    || isPoolMessage(cause.getMessage())) {
                if (calledOn != null) {
                    return calledOn;
                }
                return messageNamesRedis(cause) ? Dependency.REDIS : Dependency.POSTGRESQL;
            }
        }
        return null;
    }

    private static boolean isPoolMessage(String message) {
        return message != null && (message.contains("Connection refused") || message.contains("Connection is not active")
                || message.contains("Timeout waiting for connection") || message.contains("Pool closed")
                || message.contains("connection was closed") || message.contains("Connection reset"));
    }

    private static boolean messageNamesRedis(Throwable cause) {
        String message = cause.getMessage();
        return message != null && message.contains(":6379");
    }

    /**
     * Whether PostgreSQL answered and refused a statement (a value it cannot store) rather than being out of
     * reach: the pipeline then splits the batch to refuse that row alone.
     */
    public static boolean statementRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException) {
                return dependencyDown(failure) == null;
            }
        }
        return false;
    }

    public boolean isDown(Dependency dependency) {
        return states.get(dependency).downSince != null;
    }

    private void markDown(Dependency dependency, Throwable failure) {
        State state = states.get(dependency);
        Instant now = clock.instant();
        synchronized (state) {
            if (state.downSince == null) {
                state.downSince = now;
                state.lastSummary = now;
                state.refusedSinceSummary.set(0);
                state.refusedInOutage.set(0);
                LOG.errorf("%s is unavailable: %s (further failures are counted, not logged, until it returns)",
                        dependency.label(), rootMessage(failure));
            }
        }
    }

    /** While a dependency is down: ask it whether it is back, and write the periodic count. */
    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> probe() {
        Uni<Void> postgres = isDown(Dependency.POSTGRESQL)
                ? pool.query("SELECT 1").execute().replaceWithVoid()
                .invoke(() -> markUp(Dependency.POSTGRESQL)).onFailure().recoverWithNull()
                : Uni.createFrom().voidItem();
        Uni<Void> redisProbe = isDown(Dependency.REDIS)
                ? redis.send(Request.cmd(Command.PING)).replaceWithVoid()
                .invoke(() -> markUp(Dependency.REDIS)).onFailure().recoverWithNull()
                : Uni.createFrom().voidItem();
        return Uni.join().all(postgres, redisProbe).andFailFast().invoke(this::summarise).replaceWithVoid();
    }

    private void summarise() {
        Instant now = clock.instant();
        for (Map.Entry<Dependency, State> entry : states.entrySet()) {
            State state = entry.getValue();
            if (state.downSince != null && Duration.between(state.lastSummary, now).compareTo(SUMMARY_EVERY) >= 0) {
                state.lastSummary = now;
                LOG.warnf("%s still unavailable after %d s; %d requests refused in the last %d s",
                        entry.getKey().label(), Duration.between(state.downSince, now).toSeconds(),
                        state.refusedSinceSummary.getAndSet(0), SUMMARY_EVERY.toSeconds());
            }
        }
    }

    private void markUp(Dependency dependency) {
        State state = states.get(dependency);
        synchronized (state) {
            if (state.downSince != null) {
                LOG.infof("%s is available again after %d s; %d requests were refused meanwhile", dependency.label(),
                        Duration.between(state.downSince, clock.instant()).toSeconds(), state.refusedInOutage.get());
                state.downSince = null;
            }
        }
    }

    private void logFault(Throwable failure) {
        Instant now = clock.instant();
        String type = failure.getClass().getName();
        Instant last = lastTraceByClass.get(type);
        if (last == null || Duration.between(last, now).compareTo(SUMMARY_EVERY) >= 0) {
            lastTraceByClass.put(type, now);
            LOG.error("Request failed with an unexpected error (same kind not traced again for "
                    + SUMMARY_EVERY.toSeconds() + " s)", failure);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
