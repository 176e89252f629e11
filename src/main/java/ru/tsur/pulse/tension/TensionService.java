package ru.tsur.pulse.tension;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import ru.tsur.pulse.domain.Location;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.leases.JobLeases;
import ru.tsur.pulse.pipeline.Channels;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs the tension detector in the service. At startup the series are rebuilt from PostgreSQL's history
 * ({@code pulse.tension.warmup}); then every {@code pulse.tension.tick} the recent buckets are re-counted
 * from PostgreSQL (so a replica sees every replica's messages, and nothing depends on a message having
 * passed through this process), finished buckets are closed, every series is evaluated, the scores go to
 * the heat map and the alert changes to the alerts core. The detector itself is plain and
 * single-threaded; this class serialises it and keeps its work off the event loop.
 */
@ApplicationScoped
public class TensionService {

    private static final Logger LOG = Logger.getLogger(TensionService.class);
    private static final double SMALLEST_ELAPSED = 0.1;
    /** The lease of the replica that publishes scores and alerts (leases.JobLeases). */
    static final String LEASE = "tension-publisher";

    private final TensionConfig config;
    private final TensionSettings settings;
    private final Region region;
    private final TensionRepository repository;
    private final TensionAlertPublisher publisher;
    private final MutinyEmitter<TensionScores> scores;
    private final JobLeases leases;
    private final Clock clock;
    private final Object lock = new Object();
    private final Timer detectorTime;
    private volatile TensionDetector detector;
    private volatile boolean staleAlertsResolved;
    private volatile boolean failing;
    /** Grows with every {@link HistoryWritten}: a warm-up that read PostgreSQL before it is not installed. */
    private final AtomicLong historyGeneration = new AtomicLong();

    public TensionService(TensionConfig config, Region region, TensionRepository repository,
                          TensionAlertPublisher publisher,
                          // Each round's scores are complete: a screen stream behind needs only the latest.
                          @Channel(Channels.TENSION_SCORES) @OnOverflow(OnOverflow.Strategy.LATEST)
                          MutinyEmitter<TensionScores> scores,
                          JobLeases leases, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.leases = leases;
        this.config = config;
        this.settings = config.settings(ZoneId.of(region.timeZone()));
        this.region = region;
        this.repository = repository;
        this.publisher = publisher;
        this.scores = scores;
        this.detectorTime = Timer.builder("pulse.tension.detector")
                .description("One evaluation of every tension series (recount, close, evaluate)").register(registry);
        Gauge.builder("pulse.tension.series", this, service -> service.read(TensionDetector::seriesCount, 0))
                .description("Count series the tension detector holds").register(registry);
        Gauge.builder("pulse.tension.score.max", this, service -> service.read(TensionDetector::maxScore, 0))
                .description("Highest tension score of any series at the latest evaluation").register(registry);
    }

    public TensionSettings settings() {
        return settings;
    }

    /** Whether the baselines are warm (the APIs answer 503 before). */
    public boolean ready() {
        return detector != null;
    }

    /** Reads the detector under its lock; {@code fallback} before warm-up. */
    public <T> T read(Function<TensionDetector, T> reader, T fallback) {
        TensionDetector current = detector;
        if (current == null) {
            return fallback;
        }
        synchronized (lock) {
            return reader.apply(current);
        }
    }

    /** One round: warm up if not yet warm, else recount and evaluate. Skipped while the last one runs. */
    @Scheduled(every = "${pulse.tension.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // Not while the application starts: the channels it emits on may not be connected yet (SRMSG00019).
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> round = detector == null ? warmUp() : evaluate();
        return round.invoke(() -> failing = false).onFailure().recoverWithItem(failure -> {
            if (!failing) {
                LOG.warnf("Tension round failed (retried every tick; further failures logged at DEBUG): %s", failure.toString());
            } else {
                LOG.debugf("Tension round failed again: %s", failure.toString());
            }
            failing = true;
            return null;
        });
    }

    /**
     * Past counts were written (the demo's history at its start): the baselines are rebuilt from PostgreSQL at
     * the next tick, and alerts the new baselines do not hold are resolved then.
     */
    void historyWritten(@Observes HistoryWritten written) {
        LOG.infof("Tension baselines re-warm: %s", written.what());
        synchronized (lock) {
            historyGeneration.incrementAndGet();
            detector = null;
            staleAlertsResolved = false;
        }
    }

    /** Rebuilds every series from PostgreSQL: each past bucket opened, counted and closed in order. */
    private Uni<Void> warmUp() {
        Instant now = clock.instant();
        BucketClock buckets = new BucketClock(settings.bucketSeconds(), settings.zone());
        long current = buckets.bucketOf(now);
        long first = current - config.warmup().toSeconds() / settings.bucketSeconds();
        long generation = historyGeneration.get();
        return repository.counts(buckets.start(first), buckets.start(current + 1), settings.bucketSeconds())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(counts -> {
                    long started = System.nanoTime();
                    TensionDetector warmed = warmed(settings, region, counts, first, current);
                    synchronized (lock) {
                        if (generation != historyGeneration.get()) {
                            return;
                        }
                        detector = warmed;
                    }
                    LOG.infof("Tension baselines warmed from %d buckets of history (%d series) in %d ms",
                            current - first, warmed.seriesCount(), (System.nanoTime() - started) / 1_000_000);
                })
                .replaceWithVoid();
    }

    /**
     * A detector warmed as the service warms its own at startup: buckets {@code first … current} opened in
     * order, each counted from {@code counts} (PostgreSQL's, {@link TensionRepository#counts}) and closed,
     * the current one left open. Public so a test can warm one with the production settings from the
     * history in its database (scripts/import-history.sh).
     */
    public static TensionDetector warmed(TensionSettings settings, Region region,
                                         List<TensionRepository.BucketCount> counts, long first, long current) {
        TensionDetector warmed = new TensionDetector(settings,
                (region.municipalities().size()) * region.categories().size());
        Map<Long, List<TensionRepository.BucketCount>> byBucket = byBucket(counts);
        for (long bucket = first; bucket <= current; bucket++) {
            warmed.openBucket(bucket);
            addAll(warmed, byBucket.getOrDefault(bucket, List.of()));
            if (bucket < current) {
                warmed.closeBucket();
            }
        }
        return warmed;
    }

    /** Recounts the recent buckets, closes finished ones, evaluates, publishes scores and alert changes. */
    private Uni<Void> evaluate() {
        Instant now = clock.instant();
        BucketClock buckets = detector.clock();
        long current = buckets.bucketOf(now);
        long from = Math.min(detector.openBucket(), current) - config.recountBuckets() + 1;
        return repository.counts(buckets.start(from), buckets.start(current + 1), settings.bucketSeconds())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(counts -> detectorTime.record(() -> step(counts, from, current, now)))
                .chain(this::publish);
    }

    /** What one evaluation produced for the outside. */
    private record Round(List<TensionDetector.AlertChange> changes, Map<String, Map<String, Integer>> scores,
                         Map<String, Integer> learning, Set<String> firing) {
    }

    private Round step(List<TensionRepository.BucketCount> counts, long from, long current, Instant now) {
        Map<Long, List<TensionRepository.BucketCount>> byBucket = byBucket(counts);
        List<TensionDetector.AlertChange> changes = new ArrayList<>();
        synchronized (lock) {
            detector.clearCounts(from);
            for (long bucket = from; bucket <= detector.openBucket(); bucket++) {
                addAll(detector, byBucket.getOrDefault(bucket, List.of()));
            }
            while (detector.openBucket() < current) {
                changes.addAll(detector.evaluate(1.0, true));
                detector.closeBucket();
                detector.openBucket(detector.openBucket() + 1);
                addAll(detector, byBucket.getOrDefault(detector.openBucket(), List.of()));
            }
            double elapsed = (double) (now.getEpochSecond() - buckets().start(current).getEpochSecond())
                    / settings.bucketSeconds();
            changes.addAll(detector.evaluate(Math.max(SMALLEST_ELAPSED, Math.min(1.0, elapsed)), false));
            Map<String, Map<String, Integer>> scores = new HashMap<>();
            detector.municipalScores().forEach((key, score) ->
                    scores.computeIfAbsent(key.municipality(), ignored -> new HashMap<>()).put(key.category(), score));
            Set<String> firing = new HashSet<>();
            detector.firingAlerts().forEach(alert -> firing.add(TensionAlertPublisher.alertId(alert.key())));
            return new Round(changes, scores, learning(detector.learningDaysLeft()), firing);
        }
    }

    /**
     * Sends the scores to every replica's heat map and raises or resolves alerts — on the one replica that holds
     * the publishing lease. Every replica evaluates (each serves the tension APIs from its own warm detector, all
     * read the same PostgreSQL counts), one speaks: a replica that takes the lease over first resolves the alerts
     * its detector does not hold, as after a restart.
     */
    private Uni<Void> publish(Round round) {
        return leases.take(LEASE, config.tick().multipliedBy(3)).chain(held -> {
            if (!held) {
                staleAlertsResolved = false;
                return Uni.createFrom().voidItem();
            }
            scores.sendAndForget(new TensionScores(round.scores(), round.learning(), clock.instant()));
            Uni<Void> published = publisher.publish(round.changes());
            if (staleAlertsResolved) {
                return published;
            }
            return published.chain(() -> publisher.resolveAllExcept(round.firing()))
                    .invoke(() -> staleAlertsResolved = true);
        });
    }

    /**
     * The region's observation is one for all its municipalities (see {@link TensionDetector}): while it
     * learns, every municipality learns with the same days left; empty once learned.
     */
    private Map<String, Integer> learning(int daysLeft) {
        if (daysLeft == 0) {
            return Map.of();
        }
        Map<String, Integer> learning = new HashMap<>();
        region.municipalities().forEach(municipality -> learning.put(municipality.id(), daysLeft));
        return learning;
    }

    /** Whole days the baselines still learn (0 once learned, or before warm-up). */
    public int learningDaysLeft() {
        return read(TensionDetector::learningDaysLeft, 0);
    }

    private BucketClock buckets() {
        return detector.clock();
    }

    private static Map<Long, List<TensionRepository.BucketCount>> byBucket(List<TensionRepository.BucketCount> counts) {
        Map<Long, List<TensionRepository.BucketCount>> byBucket = new HashMap<>();
        for (TensionRepository.BucketCount count : counts) {
            byBucket.computeIfAbsent(count.bucket(), ignored -> new ArrayList<>()).add(count);
        }
        return byBucket;
    }

    /** Unplaced messages count region-wide only; a past topic count only in its region-wide topic series. */
    private static void addAll(TensionDetector target, List<TensionRepository.BucketCount> counts) {
        for (TensionRepository.BucketCount count : counts) {
            if (count.topicOnly()) {
                target.addRegionTopic(count.category(), count.topic(), count.bucket(), count.messages());
                continue;
            }
            String municipality = Location.UNKNOWN_ID.equals(count.municipality()) ? null : count.municipality();
            target.add(municipality, count.category(), count.topic(), count.bucket(), count.messages());
        }
    }

    /** The latest alert of a series, if any (for the API's alert id and «since»). */
    public Optional<TensionAlertView> alertOf(SeriesKey key) {
        return read(current -> current.alertOf(key), Optional.empty());
    }
}
