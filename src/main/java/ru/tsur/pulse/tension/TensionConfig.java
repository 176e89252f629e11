package ru.tsur.pulse.tension;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Tunables of the tension detector (prefix {@code pulse.tension}). The defaults are the figures measured
 * with {@code scripts/evaluate-tension.sh} on the St Petersburg data (README, «Tension points»).
 */
@ConfigMapping(prefix = "pulse.tension")
public interface TensionConfig {

    /** Whether the detector runs (counts, scores on the heat map, tension alerts). */
    @WithDefault("true")
    boolean enabled();

    /** Length of one count bucket; must divide an hour (tests use a minute). */
    @WithDefault("1h")
    Duration bucket();

    /** Evaluation windows, in buckets: the latest 1, 3 and 6 buckets are each tested. */
    @WithDefault("1,3,6")
    List<Integer> windows();

    /** False-discovery level of the Benjamini–Hochberg correction over every tested series at once. */
    @WithDefault("0.01")
    double alpha();

    /** Variance-to-mean ratio of counts (1 = Poisson; larger = heavier tails, fewer alarms). */
    @WithDefault("1.5")
    double dispersion();

    /** Fewest messages in a window before it may raise an alert. */
    @WithDefault("5")
    int minCount();

    /** Smallest observed/expected ratio before a window may raise an alert. */
    @WithDefault("2")
    double minRatio();

    /** Score below which a firing series counts as quiet. */
    @WithDefault("25")
    int resolveScore();

    /** Closed buckets in a row a series must stay quiet before its alert resolves itself. */
    @WithDefault("3")
    int resolveAfter();

    /** After a resolution, how long a new excess reopens the same alert instead of raising a new one. */
    @WithDefault("12h")
    Duration cooldown();

    /** Half-life of a series' slow level. */
    @WithDefault("21d")
    Duration levelHalfLife();

    /** Half-life of the hour-of-week profiles. */
    @WithDefault("56d")
    Duration profileHalfLife();

    /** Messages per week a series is assumed to get before it has history. */
    @WithDefault("1")
    double priorWeekly();

    /** How much history each series keeps in memory (the reach of the dynamics and tension-points APIs). */
    @WithDefault("28d")
    Duration history();

    /**
     * How long the region must have been observed (from its first counted message, imported history included)
     * before any series may alert; until then series score but do not alert, and the wall says «обучение».
     */
    @WithDefault("14d")
    Duration learning();

    /** How far back the baselines are warmed from PostgreSQL at startup. */
    @WithDefault("56d")
    Duration warmup();

    /** How often the recent buckets are re-counted from PostgreSQL and every series evaluated. */
    @WithDefault("10s")
    Duration tick();

    /** Buckets re-counted from PostgreSQL at every tick (the open one and those before it). */
    @WithDefault("2")
    int recountBuckets();

    /** Sample messages (display text, personal data masked) attached to each alert. */
    @WithDefault("3")
    int sampleMessages();

    /** The detector's settings for the region's time zone. */
    default TensionSettings settings(ZoneId zone) {
        return new TensionSettings(bucket(), zone, windows(), alpha(), dispersion(), minCount(), minRatio(),
                resolveScore(), resolveAfter(), cooldown(), levelHalfLife(), profileHalfLife(), priorWeekly(),
                (int) Math.max(history().toSeconds() / bucket().toSeconds(),
                        windows().stream().mapToInt(Integer::intValue).max().orElse(1) + 1), learning());
    }
}
