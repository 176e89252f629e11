package ru.tsur.pulse.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Location;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.pipeline.DecisionPath;
import ru.tsur.pulse.tension.SeriesHistoryRepository.HistoryRow;
import ru.tsur.pulse.tension.SeriesKey;
import ru.tsur.pulse.tension.TensionDetector;
import ru.tsur.pulse.tension.TensionSettings;
import ru.tsur.pulse.tools.training.EvaluateCommand;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's promise, run as the service runs it but on a simulated clock: eight weeks of history written the
 * way the demo writes it, then live hours of the demo's stream and scenes through the shipped decision path and
 * the production detector settings (learning included), evaluated every 10 s like the service's tick. On a warm
 * baseline the only tension alerts are the scripted scenes', and each scene raises its alert within two buckets
 * of its start (in fact while it first plays).
 */
class DemoBaselineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double RATE = 5;
    private static final Duration LIVE = Duration.ofHours(2);
    private static final Duration TICK = Duration.ofSeconds(10);
    private static final Duration PERIOD = Duration.ofMillis(200);
    /** Monday 2026-11-30 10:48 Moscow time: a demo started in the middle of a working morning. */
    private static final Instant START = Instant.parse("2026-11-30T07:48:00Z");

    @Test
    void onAWarmBaselineTheOnlyTensionAlertsAreTheScriptedScenesEachRaisedWithinTwoBucketsOfItsStart() throws Exception {
        RegionPack pack = RegionPack.load("spb", JSON);
        DemoProfile profile = DemoProfile.load("spb", JSON);
        DemoScenes scenes = DemoScenes.load("spb", JSON);
        DecisionPath path = EvaluateCommand.shippedPath(pack);
        TensionSettings settings = TensionSettings.defaults(ZoneId.of(pack.region().timeZone()));
        TensionDetector detector = new TensionDetector(settings,
                pack.region().municipalities().size() * pack.region().categories().size());
        long bucketSeconds = settings.bucketSeconds();

        DemoMessageGenerator sampler = new DemoMessageGenerator(profile, pack, 21, "calibration");
        DemoHistory past = DemoHistory.calibrate(profile, sampler, message -> decided(path, message), 60, START);
        SplittableRandom random = new SplittableRandom(28);
        Instant historyEnd = START.truncatedTo(ChronoUnit.HOURS);
        for (Instant hour = historyEnd.minus(Duration.ofDays(56)); hour.isBefore(historyEnd); hour = hour.plus(Duration.ofHours(1))) {
            long bucket = hour.getEpochSecond() / bucketSeconds;
            detector.openBucket(bucket);
            for (HistoryRow row : past.hour(hour, DemoHistory.expectedInHour(sampler, RATE, hour), random)) {
                add(detector, row, bucket);
            }
            detector.closeBucket();
        }
        assertThat(detector.learningDaysLeft()).isZero();

        DemoMessageGenerator generator = new DemoMessageGenerator(profile, pack, 20201018, "demo");
        Map<String, Instant> firstRaised = new TreeMap<>();
        List<String> unmeant = new ArrayList<>();
        long open = historyEnd.getEpochSecond() / bucketSeconds;
        detector.openBucket(open);
        // As the demo does: the start's hour holds history up to the start.
        double beforeStart = Duration.between(historyEnd, START).toMillis() / 3_600_000.0;
        for (HistoryRow row : past.hour(historyEnd, beforeStart * DemoHistory.expectedInHour(sampler, RATE, historyEnd), random)) {
            add(detector, row, open);
        }
        Instant nextTick = START.plus(TICK);
        for (Instant now = START; now.isBefore(START.plus(LIVE)); now = now.plus(PERIOD)) {
            long bucket = now.getEpochSecond() / bucketSeconds;
            while (open < bucket) {
                collect(detector.evaluate(1.0, true), scenes, now, firstRaised, unmeant);
                detector.closeBucket();
                detector.openBucket(++open);
            }
            double intensity = generator.intensity(now);
            List<IncomingMessage> messages = new ArrayList<>();
            int count = generator.countFor(RATE * intensity * PERIOD.toMillis() / 1000.0);
            for (int index = 0; index < count; index++) {
                messages.add(generator.next(now));
            }
            for (DemoScenes.Extra extra : scenes.extra(Duration.between(START, now), PERIOD,
                    (municipality, category) -> RATE * intensity * profile.share(municipality, category))) {
                int extraCount = generator.countFor(extra.mean());
                for (int index = 0; index < extraCount; index++) {
                    messages.add(generator.message(now, extra.municipality(), extra.scene().category(), extra.scene().topic()));
                }
            }
            for (IncomingMessage message : messages) {
                DemoHistory.Decided decided = decided(path, message);
                detector.add(Location.UNKNOWN_ID.equals(decided.municipality()) ? null : decided.municipality(),
                        decided.category(), decided.topic(), bucket, 1);
            }
            if (!now.isBefore(nextTick)) {
                double elapsed = (double) (now.getEpochSecond() - bucket * bucketSeconds) / bucketSeconds;
                collect(detector.evaluate(Math.max(0.1, Math.min(1.0, elapsed)), false), scenes, now, firstRaised, unmeant);
                nextTick = nextTick.plus(TICK);
            }
        }

        assertThat(unmeant).isEmpty();
        Map<String, Boolean> eachSceneInTime = new LinkedHashMap<>();
        for (DemoScenes.Scene scene : scenes.scenes()) {
            Instant sceneStart = START.plus(scene.start());
            Instant deadline = Instant.ofEpochSecond((sceneStart.getEpochSecond() / bucketSeconds + 2) * bucketSeconds);
            for (String municipality : scene.municipalities()) {
                Instant raised = firstRaised.get(new SeriesKey(municipality, scene.category(), null).toString());
                // Within two buckets of its start, as promised — and in fact while it first plays.
                eachSceneInTime.put(scene.id() + " in " + municipality, raised != null && raised.isBefore(deadline)
                        && raised.isBefore(sceneStart.plus(scene.length())));
                System.out.printf("Scene %s in %s began %s, its alert raised %s%n", scene.id(), municipality, sceneStart, raised);
            }
        }
        assertThat(eachSceneInTime).containsOnly(
                Map.entry("burst in spb-sampsonievskoe", true), Map.entry("heating in spb-rybatskoe", true),
                Map.entry("snowfall in spb-pushkin", true), Map.entry("snowfall in spb-shushary", true));
        System.out.printf("Demo simulation: %d alerts raised, all meant by scenes: %s%n", firstRaised.size(), firstRaised);
    }

    /** A history row into the detector, as TensionService adds what TensionRepository counts. */
    private static void add(TensionDetector detector, HistoryRow row, long bucket) {
        if (row.municipality().isEmpty()) {
            detector.addRegionTopic(row.category(), row.topic(), bucket, row.messages());
        } else {
            detector.add(Location.UNKNOWN_ID.equals(row.municipality()) ? null : row.municipality(),
                    row.category(), null, bucket, row.messages());
        }
    }

    private static void collect(List<TensionDetector.AlertChange> changes, DemoScenes scenes, Instant now,
                                Map<String, Instant> firstRaised, List<String> unmeant) {
        for (TensionDetector.AlertChange change : changes) {
            if (change.change() != TensionDetector.Change.RAISED) {
                continue;
            }
            SeriesKey key = change.alert().key();
            firstRaised.putIfAbsent(key.toString(), now);
            // A scene's district alerts, and region-wide ones of its category: its social and hotline messages are
            // classified, and the model may file some under a sibling topic of the same category.
            boolean meant = scenes.scenes().stream().anyMatch(scene -> scene.category().equals(key.category())
                    && (key.municipality() == null || scene.municipalities().contains(key.municipality())));
            if (!meant) {
                unmeant.add(key + " at " + now + ": " + change.alert().observed() + " vs " + change.alert().expected());
            }
        }
    }

    private static DemoHistory.Decided decided(DecisionPath path, IncomingMessage message) {
        PreparedMessage prepared = path.decide(message);
        return new DemoHistory.Decided(prepared.location().isKnown() ? prepared.location().municipalityId() : Location.UNKNOWN_ID,
                prepared.classification().categoryId(), prepared.classification().topic());
    }
}
