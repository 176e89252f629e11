package ru.tsur.pulse.counters;

import ru.tsur.pulse.problems.Outages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import ru.tsur.pulse.domain.CountedCell;
import ru.tsur.pulse.domain.Location;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.messages.CountableMessage;
import ru.tsur.pulse.messages.MessageRepository;
import ru.tsur.pulse.pipeline.AsyncMutex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the Redis view equal to PostgreSQL. Counting claims messages in PostgreSQL first (so each is
 * counted by one worker), then increments Redis; if Redis fails the claim is released and the catch-up
 * job counts them later. A rebuild rewrites the whole view from PostgreSQL. Counting and rebuilding never
 * interleave (one {@link AsyncMutex}).
 */
@ApplicationScoped
public class CounterService {

    private static final Logger LOG = Logger.getLogger(CounterService.class);

    /** Summary of a rebuild, as the admin endpoint reports it. */
    public record RebuildReport(String reason, long messages, int cells, Instant at) {
    }

    private final Outages outages;
    private final MessageRepository repository;
    private final CounterStore store;
    private final List<String> municipalityIds;
    private final AsyncMutex writers = new AsyncMutex();
    private final Clock clock;
    private final Counter redisFailures;
    private final Counter countedMessages;
    private final Counter claimFailures;
    private final DistributionSummary batchSize;

    public CounterService(MessageRepository repository, CounterStore store, Region region, MeterRegistry registry,
                          Outages outages, Clock clock) {
        this.outages = outages;
        this.repository = repository;
        this.store = store;
        List<String> ids = new ArrayList<>(region.municipalities().stream().map(Municipality::id).toList());
        ids.add(Location.UNKNOWN_ID);
        this.municipalityIds = List.copyOf(ids);
        this.clock = clock;
        this.redisFailures = Counter.builder("pulse.redis.failures").tag("operation", "count")
                .description("Redis operations that failed").register(registry);
        this.countedMessages = Counter.builder("pulse.counters.counted")
                .description("Messages counted into the Redis view").register(registry);
        this.claimFailures = Counter.builder("pulse.postgres.failures").tag("operation", "claim")
                .description("PostgreSQL operations that failed (claim: marking messages for counting)").register(registry);
        this.batchSize = DistributionSummary.builder("pulse.counters.batch").baseUnit("messages")
                .description("Messages claimed and counted in one Redis pipeline")
                .serviceLevelObjectives(1, 10, 50, 100, 250, 500).register(registry);
    }

    /** Every municipality id the view has cells for, «не определено» included. */
    public List<String> municipalityIds() {
        return municipalityIds;
    }

    /** Counts the given stored messages once each; fails (with the claims released) when Redis is down. */
    public Uni<CountedBatch> count(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().item(new CountedBatch(Set.of(), 0, null));
        }
        return writers.run(() -> repository.claimForCounting(messageIds)
                .onFailure().invoke(failure -> claimFailures.increment())
                .chain(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(new CountedBatch(Set.of(), 0, null))
                        : countClaimed(claimed)));
    }

    private Uni<CountedBatch> countClaimed(List<CountableMessage> claimed) {
        return store.count(claimed, clock.instant())
                .map(counted -> {
                    countedMessages.increment(counted);
                    batchSize.record(claimed.size());
                    Set<String> municipalities = new LinkedHashSet<>();
                    Instant oldest = null;
                    for (CountableMessage message : claimed) {
                        municipalities.add(message.municipalityId());
                        if (oldest == null || message.receivedAt().isBefore(oldest)) {
                            oldest = message.receivedAt();
                        }
                    }
                    return new CountedBatch(municipalities, counted, oldest);
                })
                .onFailure().call(failure -> {
                    redisFailures.increment();
                    if (!outages.absorb(failure)) {
                        LOG.warnf("Redis did not take %d counts (%s); they will be counted when it is back",
                                claimed.size(), failure.toString());
                    }
                    return repository.releaseClaim(claimed.stream().map(CountableMessage::id).toList())
                            .onFailure().invoke(releaseFailure -> LOG.errorf(
                                    "Claims of %d messages could not be released (%s); a counter rebuild will fix them",
                                    claimed.size(), releaseFailure.toString()));
                });
    }

    /** Counts what earlier rounds could not (messages older than {@code age} still uncounted). */
    public Uni<CountedBatch> catchUp(Duration age, int limit) {
        return repository.findUncounted(age, limit).chain(this::count);
    }

    /** Rewrites the whole Redis view from PostgreSQL. */
    public Uni<RebuildReport> rebuild(String reason) {
        return writers.run(() -> {
            Instant now = clock.instant();
            return repository.snapshotForRebuild(now.minus(Duration.ofHours(2)), now.minus(Duration.ofDays(8)))
                    .chain(data -> store.replaceAll(data, municipalityIds, now)
                            .map(ignored -> new RebuildReport(reason,
                                    data.totals().stream().mapToLong(CountedCell::count).sum(),
                                    data.totals().size(), now)));
        }).invoke(report -> LOG.infof("Counters rebuilt from PostgreSQL (%s): %d messages in %d cells",
                report.reason(), report.messages(), report.cells()));
    }

    /**
     * Rebuilds when Redis has no view (new or flushed) or when its totals differ from what PostgreSQL
     * says was counted; returns the rebuild, or null when the view was sound.
     */
    public Uni<RebuildReport> rebuildIfMissingOrStale() {
        return store.isInitialised().chain(initialised -> {
            if (!initialised) {
                return rebuild("Redis had no counters");
            }
            return writers.run(() -> repository.countedTotals()
                            .chain(expected -> store.totals(municipalityIds)
                                    .map(actual -> sameCells(expected, actual))))
                    .chain(same -> same ? Uni.createFrom().nullItem()
                            : rebuild("Redis totals differed from PostgreSQL"));
        });
    }

    /** Rebuilds only when Redis has no view at all (it was restarted or flushed while we ran). */
    public Uni<RebuildReport> rebuildIfMissing() {
        return store.isInitialised().chain(initialised -> initialised ? Uni.createFrom().nullItem()
                : rebuild("Redis had no counters"));
    }

    static boolean sameCells(List<CountedCell> expected, List<CountedCell> actual) {
        return asMap(expected).equals(asMap(actual));
    }

    private static Map<String, Long> asMap(List<CountedCell> cells) {
        Map<String, Long> map = new HashMap<>();
        cells.stream().filter(cell -> cell.count() != 0)
                .forEach(cell -> map.merge(cell.municipalityId() + '/' + cell.categoryId(), cell.count(), Long::sum));
        return map;
    }
}
