package ru.tsur.pulse.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import ru.tsur.pulse.clock.Ticks;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Location;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.ingest.IngestGateway;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.pipeline.DecisionPath;
import ru.tsur.pulse.pipeline.Submission;
import ru.tsur.pulse.tension.HistoryWritten;
import ru.tsur.pulse.tension.SeriesHistoryRepository;
import ru.tsur.pulse.tension.SeriesHistoryRepository.HistoryRow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The demo profile's feed. At start it writes the region's past as hourly counts ({@link DemoHistory}: the
 * configured demo rate and the weekly rhythm, spread where the pipeline puts such messages) for the hours that
 * hold nothing yet, then tells the tension detector to re-warm, so the baselines expect what the demo sends.
 * Live, every 200 ms it writes as many messages as the rate and the rhythm call for, plus those of any
 * scripted scene playing ({@link DemoScenes}), and submits them through the same gateway as the REST API.
 * Off unless {@code pulse.demo.enabled}.
 */
@ApplicationScoped
public class DemoFeed {

    private static final Logger LOG = Logger.getLogger(DemoFeed.class);
    private static final Duration PERIOD = Duration.ofMillis(200);
    /** Rows per insert of the history: one statement of arrays, a few megabytes. */
    private static final int HISTORY_BATCH = 20_000;

    private final DemoConfig config;
    private final IngestGateway gateway;
    private final RegionPack pack;
    private final ObjectMapper json;
    private final Clock clock;
    private final DecisionPath decisions;
    private final SeriesHistoryRepository history;
    private final Event<HistoryWritten> historyWritten;
    private final Set<String> scenesAnnounced = new HashSet<>();
    private volatile DemoProfile profile;
    private volatile DemoMessageGenerator generator;
    private volatile DemoScenes scenes;
    private volatile Instant startedAt;

    public DemoFeed(DemoConfig config, IngestGateway gateway, RegionPack pack, ObjectMapper json, Clock clock,
                    DecisionPath decisions, SeriesHistoryRepository history, Event<HistoryWritten> historyWritten) {
        this.clock = clock;
        this.config = config;
        this.gateway = gateway;
        this.pack = pack;
        this.json = json;
        this.decisions = decisions;
        this.history = history;
        this.historyWritten = historyWritten;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        profile = DemoProfile.load(pack.region().id(), json);
        generator = new DemoMessageGenerator(profile, pack, config.seed(), "demo-" + Long.toString(clock.millis(), 36));
        scenes = config.scenes() ? DemoScenes.load(pack.region().id(), json) : new DemoScenes(Duration.ofHours(1), List.of());
        startedAt = clock.instant();
        LOG.infof("Demo feed on: about %.1f messages/s for %s; %d scripted scenes every %d min", config.rate(),
                pack.region().name(), scenes.scenes().size(), scenes.cycle().toMinutes());
        Ticks.every(PERIOD, "Demo feed", () -> Uni.createFrom().item(() -> {
            emit();
            return null;
        }));
        if (!config.history().isZero()) {
            // Minutes of CPU and database work at most: on a worker, never on the event loop or the start-up thread.
            Infrastructure.getDefaultWorkerPool().execute(this::writeHistory);
        }
    }

    /** One period's messages: the normal stream and any scene playing. */
    void emit() {
        Instant now = clock.instant();
        double intensity = generator.intensity(now);
        int count = generator.countFor(config.rate() * intensity * PERIOD.toMillis() / 1000.0);
        List<Submission> messages = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            messages.add(Submission.of(generator.next(now)));
        }
        Duration sinceStart = Duration.between(startedAt, now);
        for (DemoScenes.Extra extra : scenes.extra(sinceStart, PERIOD,
                (municipality, category) -> config.rate() * intensity * profile.share(municipality, category))) {
            announce(extra.scene(), sinceStart);
            int extraCount = generator.countFor(extra.mean());
            for (int index = 0; index < extraCount; index++) {
                messages.add(Submission.of(generator.message(now, extra.municipality(), extra.scene().category(),
                        extra.scene().topic())));
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        gateway.submit(messages).subscribe().with(
                accepted -> { },
                failure -> LOG.debugf("Demo messages not accepted: %s", failure.getMessage()));
    }

    private void announce(DemoScenes.Scene scene, Duration sinceStart) {
        String key = scene.id() + "/" + sinceStart.toMillis() / scenes.cycle().toMillis();
        if (scenesAnnounced.add(key)) {
            LOG.infof("Demo scene begins: %s (%s, %d min)", scene.title(), String.join(", ", scene.municipalities()),
                    scene.length().toMinutes());
        }
    }

    /**
     * Writes the past hours that hold nothing yet (hours with messages from before this start, or with past counts,
     * are kept as they are), then has the detector re-warm. Runs on a worker thread.
     */
    private void writeHistory() {
        long began = System.nanoTime();
        try {
            // The hour the demo starts in is written up to the start: a detector judging that hour would otherwise
            // see only the minutes since the start against the whole elapsed hour's expectation, and miss a scene.
            Instant startHour = startedAt.truncatedTo(ChronoUnit.HOURS);
            Instant from = startHour.minus(config.history());
            Instant to = startHour.plus(Duration.ofHours(1));
            DemoMessageGenerator sampler = new DemoMessageGenerator(profile, pack, config.seed() + 1, "calibration");
            DemoHistory past = DemoHistory.calibrate(profile, sampler, this::decided, config.calibration(), startedAt);
            Set<Instant> covered = history.coveredHours(from, startedAt).await().indefinitely();
            long hours = Duration.between(from, to).toHours();
            LOG.infof("Demo history: %d hours to write (%d already hold messages or counts), %d cells, calibrated in %d ms",
                    hours - covered.size(), covered.size(), past.cells(), (System.nanoTime() - began) / 1_000_000);
            SplittableRandom random = new SplittableRandom(config.seed() + 7);
            List<HistoryRow> batch = new ArrayList<>(HISTORY_BATCH);
            long rows = 0;
            long done = 0;
            long writeBegan = System.nanoTime();
            long nextReport = hours / 10;
            for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
                done++;
                if (covered.contains(hour)) {
                    continue;
                }
                double share = hour.equals(startHour) ? Duration.between(startHour, startedAt).toMillis() / 3_600_000.0 : 1.0;
                batch.addAll(past.hour(hour, share * DemoHistory.expectedInHour(sampler, config.rate(), hour), random));
                if (batch.size() >= HISTORY_BATCH) {
                    rows += history.insert(batch).await().indefinitely();
                    batch.clear();
                    if (done >= nextReport) {
                        progress(done, hours, rows, writeBegan);
                        nextReport += hours / 10;
                    }
                }
            }
            if (!batch.isEmpty()) {
                rows += history.insert(batch).await().indefinitely();
            }
            LOG.infof("Demo history written: %d rows for %d hours in %.1f s", rows, hours - covered.size(),
                    (System.nanoTime() - began) / 1e9);
            historyWritten.fire(new HistoryWritten("the demo's " + config.history().toDays() + " days of history"));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Demo history not written; the tension baselines learn from the live stream instead");
        }
    }

    private void progress(long done, long hours, long rows, long began) {
        double seconds = (System.nanoTime() - began) / 1e9;
        LOG.infof("Demo history: %d%% (%d of %d hours), %d rows, about %.0f s left", done * 100 / hours, done, hours,
                rows, seconds / done * (hours - done));
    }

    private DemoHistory.Decided decided(IncomingMessage message) {
        PreparedMessage prepared = decisions.decide(message);
        String municipality = prepared.location().isKnown() ? prepared.location().municipalityId() : Location.UNKNOWN_ID;
        return new DemoHistory.Decided(municipality, prepared.classification().categoryId(),
                prepared.classification().topic());
    }
}
