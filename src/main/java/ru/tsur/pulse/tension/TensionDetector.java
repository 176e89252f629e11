package ru.tsur.pulse.tension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds tension points: counts per bucket against a seasonal baseline, a significance test per series, a
 * correction over all series at once, and alerts with a life of their own. The same class runs in the
 * service and in the evaluation command.
 *
 * <p><b>Baseline.</b> expected(bucket) = weekly level × share of the week that bucket's hour gets in the
 * category's weekly profile ({@link WeeklyProfile}, shrunk toward the city's rhythm). The level is a ratio
 * of exponentially weighted sums (messages / weeks of exposure, half-life {@code levelHalfLife}) plus a
 * small prior ({@code priorWeekly} messages per week, worth a tenth of a week), so a series with no history
 * expects a little, not nothing. Once a series has a week of exposure, counts enter its level capped at
 * {@code expected + 3√expected + 1}: a past spike moves the level by a few messages, not by its height,
 * while a lasting change still comes through within weeks.
 *
 * <p><b>Test.</b> For each window of w buckets ending now, the observed sum against the expected sum
 * under a negative binomial with variance {@code dispersion × expected} ({@link CountTail}): residents post
 * in clusters (one person, several messages about one yard), so counts are over-dispersed and plain
 * Poisson alarms on every cluster; a variance proportional to the mean keeps a busy series' 3× rise
 * significant, which a fixed NB size would not. EARS C2/C3 assume near-normal counts with a stable variance, wrong below
 * one message per bucket; CUSUM is tuned to one shift size and has no p-value to correct across series.
 * A tail probability per window, Bonferroni over the (nested, so strongly correlated) windows, then
 * Benjamini–Hochberg over every tested series ({@link FalseDiscovery}) gives one calibrated number per
 * series. A window may raise an alert only with at least {@code minCount} messages and
 * {@code minRatio} × expected: two messages where 0.1 were expected is improbable but not a tension point.
 *
 * <p><b>Score.</b> 0–100 for colouring: {@code 50 × log10(adjusted p) / log10(alpha)}, so 50 is exactly the
 * alert threshold, 100 is a p-value the square of alpha; a series not eligible to alert stays below 50.
 *
 * <p><b>Learning.</b> Until the region has been observed for {@code learning} (from the first bucket with any
 * message, imported history included), no series may alert: with no history every expectation is the prior, and
 * a new centre's first hour would light up every district. Series still score (capped below the alert
 * threshold, like any ineligible window), and {@link #learningBucketsLeft} tells the screens how long is left.
 * The observation is the region's, not each series': a district silent for the whole observed time has
 * learned that it is quiet, so its first-ever burst may alert.
 *
 * <p><b>Alerts.</b> Raised when significant (start = first bucket of the significant window), updated when
 * a bucket closes or its count moves, resolved
 * after {@code resolveAfter} closed buckets with a score below {@code resolveScore}, reopened if the
 * excess returns within {@code cooldown}. A municipal alert whose category also fires region-wide is
 * grouped under that region-wide alert (its parent), as Alertmanager groups and inhibits.
 *
 * <p>Use: {@link #openBucket} when a bucket begins (fixes its expected counts), {@link #add} counts,
 * {@link #evaluate} as often as wanted (a partial bucket is judged against the elapsed share of its
 * expectation), {@link #closeBucket} when it ends (the baseline learns). Not thread-safe.
 */
public final class TensionDetector {

    /** What happened to an alert in one evaluation. */
    public enum Change { RAISED, UPDATED, RESOLVED }

    /** One alert change for the publishers. */
    public record AlertChange(Change change, TensionAlertView alert) {
    }

    /** The score of one tested series at the latest evaluation. */
    public record SeriesScore(SeriesKey key, int score, long observed, double expected) {
    }

    private static final double PROFILE_PSEUDO_MESSAGES = 200;
    private static final double REGION_PROFILE_PSEUDO_MESSAGES = 168;
    private static final int TOPIC_LIMIT = 3;

    private final TensionSettings settings;
    private final BucketClock clock;
    private final Map<SeriesKey, CountSeries> series = new LinkedHashMap<>();
    private final List<CountSeries> tested = new ArrayList<>();
    private final WeeklyProfile cityProfile;
    private final Map<String, WeeklyProfile> profiles = new HashMap<>();
    private final double levelDecay;
    private final double profileDecay;
    private final int familyFloor;
    private final List<Integer> windows;
    private long openBucket = Long.MIN_VALUE;
    private double openElapsed = 1.0;
    private int openHourOfWeek;
    private final Map<String, Double> openShares = new HashMap<>();
    /** First bucket in which any message was counted (the start of the region's observation). */
    private long observedSince = Long.MAX_VALUE;

    /**
     * @param familyFloor the size of the tested family to assume at least (municipalities × categories), so
     *                    a young detector that has seen few series is not more lenient than a mature one
     */
    public TensionDetector(TensionSettings settings, int familyFloor) {
        this(settings, familyFloor, new WeeklyProfile(null, REGION_PROFILE_PSEUDO_MESSAGES));
    }

    private TensionDetector(TensionSettings settings, int familyFloor, WeeklyProfile cityProfile) {
        this.settings = settings;
        this.cityProfile = cityProfile;
        this.clock = new BucketClock(settings.bucketSeconds(), settings.zone());
        this.levelDecay = Math.pow(0.5, (double) settings.bucketSeconds() / settings.levelHalfLife().toSeconds());
        this.profileDecay = Math.pow(0.5, (double) settings.bucketSeconds() / settings.profileHalfLife().toSeconds());
        this.familyFloor = familyFloor;
        this.windows = settings.windows();
    }

    /**
     * An independent copy of the whole state (series, baselines, profiles, alerts): the evaluation forks
     * the replay at an injection's start instead of replaying the file again for every trial.
     */
    public TensionDetector copy() {
        TensionDetector copy = new TensionDetector(settings, familyFloor, cityProfile.copy(null));
        profiles.forEach((category, profile) -> copy.profiles.put(category, profile.copy(copy.cityProfile)));
        for (CountSeries one : series.values()) {
            CountSeries copied = one.copy();
            if (one.alert != null) {
                copied.alert = one.alert.copyFor(copied);
            }
            copy.series.put(copied.key, copied);
            if (copied.key.tested()) {
                copy.tested.add(copied);
            }
        }
        for (CountSeries copied : copy.series.values()) {
            if (copied.key.topic() != null) {
                copy.series.get(copied.key.categorySeries()).topics.add(copied);
            }
        }
        copy.openBucket = openBucket;
        copy.openElapsed = openElapsed;
        copy.openHourOfWeek = openHourOfWeek;
        copy.openShares.putAll(openShares);
        copy.observedSince = observedSince;
        return copy;
    }

    public BucketClock clock() {
        return clock;
    }

    public TensionSettings settings() {
        return settings;
    }

    /** The bucket now open, or {@link Long#MIN_VALUE} before the first. */
    public long openBucket() {
        return openBucket;
    }

    public int seriesCount() {
        return series.size();
    }

    public int testedCount() {
        return tested.size();
    }

    /** Begins a bucket: every series gets its expected count for it (from the baseline as it stands). */
    public void openBucket(long bucket) {
        if (openBucket != Long.MIN_VALUE && bucket <= openBucket) {
            throw new IllegalArgumentException("bucket " + bucket + " is not after the open bucket " + openBucket);
        }
        openBucket = bucket;
        openElapsed = 1.0;
        openHourOfWeek = clock.hourOfWeek(clock.start(bucket));
        openShares.clear();
        for (CountSeries one : series.values()) {
            int slot = one.slot(bucket);
            one.counts[slot] = 0;
            one.scores[slot] = 0;
            one.expected[slot] = (float) (one.weeklyLevel(settings.priorWeekly()) * share(one.key.category()));
        }
    }

    /**
     * Counts {@code messages} in a bucket held in memory (the open one or up to {@code historyBuckets − 1}
     * before it) for a municipality ({@code null}: region only, e.g. unplaced messages), a category and a
     * topic ({@code null} if unknown); the region-wide and topic series are counted along.
     */
    public void add(String municipality, String category, String topic, long bucket, int messages) {
        if (bucket > openBucket || bucket <= openBucket - settings.historyBuckets() || messages == 0) {
            return;
        }
        observedSince = Math.min(observedSince, bucket);
        if (municipality != null) {
            CountSeries local = seriesOf(new SeriesKey(municipality, category, null));
            local.counts[local.slot(bucket)] += messages;
            if (topic != null) {
                CountSeries localTopic = seriesOf(new SeriesKey(municipality, category, topic));
                localTopic.counts[localTopic.slot(bucket)] += messages;
            }
        }
        CountSeries region = seriesOf(new SeriesKey(null, category, null));
        region.counts[region.slot(bucket)] += messages;
        if (topic != null) {
            CountSeries regionTopic = seriesOf(new SeriesKey(null, category, topic));
            regionTopic.counts[regionTopic.slot(bucket)] += messages;
        }
    }

    /**
     * Counts {@code messages} in the region-wide topic series alone: past counts kept per municipality ×
     * category and per region × topic (the demo's history) would count the region's category twice through
     * {@link #add}.
     */
    public void addRegionTopic(String category, String topic, long bucket, int messages) {
        if (bucket > openBucket || bucket <= openBucket - settings.historyBuckets() || messages == 0) {
            return;
        }
        observedSince = Math.min(observedSince, bucket);
        CountSeries regionTopic = seriesOf(new SeriesKey(null, category, topic));
        regionTopic.counts[regionTopic.slot(bucket)] += messages;
    }

    /** Forgets the counts of buckets {@code from … open} (before they are counted again from the truth). */
    public void clearCounts(long from) {
        for (CountSeries one : series.values()) {
            for (long bucket = Math.max(from, openBucket - settings.historyBuckets() + 1); bucket <= openBucket; bucket++) {
                one.counts[one.slot(bucket)] = 0;
            }
        }
    }

    /** Ends the open bucket: the baseline learns its counts (capped), the profiles forget a little. */
    public void closeBucket() {
        long bucket = openBucket;
        cityProfile.decay(profileDecay);
        profiles.values().forEach(profile -> profile.decay(profileDecay));
        double bucketHours = settings.bucketSeconds() / 3600.0;
        double cityProfileMessages = 0;
        for (CountSeries one : series.values()) {
            int slot = one.slot(bucket);
            double expected = one.expected[slot];
            double capped = one.matured() ? Math.min(one.counts[slot], expected + 3 * Math.sqrt(expected) + 1)
                    : one.counts[slot];
            one.weightedCounts = one.weightedCounts * levelDecay + capped;
            one.weightedExposure = one.weightedExposure * levelDecay + share(one.key.category());
            if (one.key.regionWide() && one.key.topic() == null) {
                profile(one.key.category()).add(openHourOfWeek, capped, bucketHours);
                cityProfileMessages += capped;
            }
        }
        cityProfile.add(openHourOfWeek, cityProfileMessages, bucketHours);
        forgetSilentTopics();
    }

    /**
     * Below this weighted count a silent topic series is forgotten: one message's weight falls under it
     * after about 4.3 half-lives of the level (90 days at the default 21).
     */
    static final double FORGET_BELOW_WEIGHTED_COUNT = 0.05;

    /**
     * Topics are open-ended (a source may send its own), so the set of topic series would only grow: one
     * with no message in its whole ring, no alert, and a level decayed below {@link #FORGET_BELOW_WEIGHTED_COUNT}
     * is dropped. If the topic comes back it starts again from the prior, which expects more than the decayed
     * level did, so forgetting never makes an alert easier. Municipality and category series are never dropped.
     */
    private void forgetSilentTopics() {
        java.util.Set<CountSeries> forgotten = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (CountSeries one : series.values()) {
            if (one.key.topic() != null && one.alert == null && one.weightedCounts < FORGET_BELOW_WEIGHTED_COUNT
                    && silent(one)) {
                forgotten.add(one);
            }
        }
        if (forgotten.isEmpty()) {
            return;
        }
        for (CountSeries one : forgotten) {
            series.remove(one.key);
            CountSeries parent = series.get(one.key.categorySeries());
            if (parent != null) {
                parent.topics.remove(one);
            }
        }
        tested.removeIf(forgotten::contains);
    }

    private static boolean silent(CountSeries one) {
        for (int count : one.counts) {
            if (count != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Judges every tested series on the windows ending with the open bucket, of which {@code elapsed}
     * (0–1] has passed; {@code closing} marks the last evaluation of the bucket, the only one that may
     * count quiet buckets towards auto-resolve. Returns the alert changes, region-wide ones first.
     */
    public List<AlertChange> evaluate(double elapsed, boolean closing) {
        long bucket = openBucket;
        openElapsed = elapsed;
        int count = tested.size();
        double[] pValues = new double[count];
        boolean[] eligible = new boolean[count];
        for (int index = 0; index < count; index++) {
            CountSeries one = tested.get(index);
            test(one, bucket, elapsed);
            pValues[index] = one.lastPValue;
            eligible[index] = one.lastEligible;
        }
        double[] adjusted = FalseDiscovery.adjust(pValues, Math.max(familyFloor, count));
        List<AlertChange> regionChanges = new ArrayList<>();
        List<AlertChange> localChanges = new ArrayList<>();
        boolean[] significant = new boolean[count];
        for (int index = 0; index < count; index++) {
            CountSeries one = tested.get(index);
            int score = score(adjusted[index], eligible[index]);
            one.lastScore = score;
            int slot = one.slot(bucket);
            one.scores[slot] = (byte) Math.max(one.scores[slot], score);
            significant[index] = eligible[index] && adjusted[index] <= settings.alpha();
        }
        // Region-wide first, so municipal alerts raised in the same evaluation find their parent.
        for (int index = 0; index < count; index++) {
            CountSeries one = tested.get(index);
            if (one.key.regionWide()) {
                step(one, bucket, significant[index], one.lastScore, closing, regionChanges);
            }
        }
        for (int index = 0; index < count; index++) {
            CountSeries one = tested.get(index);
            if (!one.key.regionWide()) {
                step(one, bucket, significant[index], one.lastScore, closing, localChanges);
            }
        }
        regionChanges.addAll(localChanges);
        return regionChanges;
    }

    /** Sets lastPValue/lastEligible/lastWindow: the best window's p-value (Bonferroni over windows). */
    private void test(CountSeries one, long bucket, double elapsed) {
        double best = 1.0;
        double bestEligible = 1.0;
        int bestWindow = windows.get(0);
        long observed = 0;
        double expected = 0;
        int covered = 0;
        int longest = settings.longestWindow();
        for (int length = 1; length <= longest; length++) {
            long at = bucket - length + 1;
            observed += one.count(at);
            expected += length == 1 ? one.expected(at) * elapsed : one.expected(at);
            covered = length;
            if (!windows.contains(length) || observed <= expected) {
                continue;
            }
            double p = Math.min(1.0, CountTail.negativeBinomial(observed, expected, sizeFor(expected)) * windows.size());
            if (p < best) {
                best = p;
            }
            if (observed >= settings.minCount() && observed >= settings.minRatio() * expected && p < bestEligible) {
                bestEligible = p;
                bestWindow = covered;
            }
        }
        one.lastEligible = bestEligible < 1.0 && learningBucketsLeft() == 0;
        one.lastPValue = one.lastEligible ? bestEligible : best;
        one.lastWindow = bestWindow;
    }

    /**
     * The negative-binomial size that makes the variance {@code dispersion × mean} (Poisson at 1): the
     * quasi-Poisson reading of over-dispersion, right for clustered posting (one resident, several
     * messages) whose variance grows with the mean, not with its square.
     */
    private double sizeFor(double expected) {
        double dispersion = settings.dispersion();
        return dispersion == 1 ? CountTail.POISSON : expected / (dispersion - 1);
    }

    private int score(double adjustedP, boolean eligible) {
        if (adjustedP >= 1.0) {
            return 0;
        }
        double raw = adjustedP <= 0 ? 100 : 50 * Math.log10(adjustedP) / Math.log10(settings.alpha());
        int score = (int) Math.round(Math.max(0, Math.min(100, raw)));
        return eligible ? score : Math.min(score, 49);
    }

    private void step(CountSeries one, long bucket, boolean significant, int score, boolean closing,
                      List<AlertChange> changes) {
        TensionAlert alert = one.alert;
        if (significant) {
            if (alert == null || (!alert.firing() && !withinCooldown(alert, bucket))) {
                alert = new TensionAlert(one, bucket - one.lastWindow + 1);
                one.alert = alert;
                alert.peakScore = score;
                alert.parent = parentOf(one);
                tell(changes, Change.RAISED, alert, score);
                return;
            }
            boolean reopened = !alert.firing();
            alert.endBucket = null;
            alert.quietBuckets = 0;
            alert.lastBucket = bucket;
            alert.peakScore = Math.max(alert.peakScore, score);
            SeriesKey parent = parentOf(one);
            boolean regrouped = parent != null && !parent.equals(alert.parent);
            if (regrouped) {
                alert.parent = parent;
            }
            if (reopened || regrouped || closing || alert.observedChanged()) {
                tell(changes, reopened ? Change.RAISED : Change.UPDATED, alert, score);
            }
            return;
        }
        if (alert == null || !alert.firing()) {
            return;
        }
        alert.lastBucket = bucket;
        if (!closing) {
            if (alert.observedChanged()) {
                tell(changes, Change.UPDATED, alert, score);
            }
            return;
        }
        alert.quietBuckets = score < settings.resolveScore() ? alert.quietBuckets + 1 : 0;
        if (alert.quietBuckets >= settings.resolveAfter()) {
            alert.endBucket = bucket + 1;
            tell(changes, Change.RESOLVED, alert, score);
        } else {
            tell(changes, Change.UPDATED, alert, score);
        }
    }

    /** Adds a change to the list and remembers what the outside now knows of the alert. */
    private void tell(List<AlertChange> changes, Change change, TensionAlert alert, int score) {
        TensionAlertView view = alert.view(clock, score, TOPIC_LIMIT);
        alert.toldObserved = view.observed();
        changes.add(new AlertChange(change, view));
    }

    private boolean withinCooldown(TensionAlert alert, long bucket) {
        return (bucket - alert.endBucket) * settings.bucketSeconds() < settings.cooldown().toSeconds();
    }

    /** The firing region-wide alert a municipal series is grouped under: its category's, else a topic's. */
    private SeriesKey parentOf(CountSeries one) {
        if (one.key.regionWide()) {
            return null;
        }
        CountSeries regionCategory = series.get(new SeriesKey(null, one.key.category(), null));
        if (regionCategory != null && regionCategory.alert != null && regionCategory.alert.firing()) {
            return regionCategory.key;
        }
        CountSeries bestTopic = null;
        for (CountSeries topic : regionCategory == null ? List.<CountSeries>of() : regionCategory.topics) {
            if (topic.alert != null && topic.alert.firing() && (bestTopic == null || topic.lastScore > bestTopic.lastScore)) {
                bestTopic = topic;
            }
        }
        return bestTopic == null ? null : bestTopic.key;
    }

    /**
     * Buckets of observation still missing before series may alert (0 once learned): the whole learning
     * period while nothing was ever counted.
     */
    public long learningBucketsLeft() {
        long learning = settings.learningBuckets();
        if (observedSince == Long.MAX_VALUE) {
            return learning;
        }
        return Math.max(0, observedSince + learning - openBucket);
    }

    /** Whole days of learning left, rounded up (0 once learned): what the wall shows as «обучение: ещё N дн.». */
    public int learningDaysLeft() {
        long seconds = learningBucketsLeft() * settings.bucketSeconds();
        return (int) ((seconds + 86_399) / 86_400);
    }

    /** Alerts firing now, region-wide first. */
    public List<TensionAlertView> firingAlerts() {
        List<TensionAlertView> firing = new ArrayList<>();
        for (boolean regionWide : new boolean[]{true, false}) {
            for (CountSeries one : tested) {
                if (one.key.regionWide() == regionWide && one.alert != null && one.alert.firing()) {
                    firing.add(one.alert.view(clock, one.lastScore, TOPIC_LIMIT));
                }
            }
        }
        return firing;
    }

    /** The latest alert of a series (firing or resolved), if it ever had one. */
    public Optional<TensionAlertView> alertOf(SeriesKey key) {
        CountSeries one = series.get(key);
        if (one == null || one.alert == null) {
            return Optional.empty();
        }
        return Optional.of(one.alert.view(clock, one.lastScore, TOPIC_LIMIT));
    }

    /** The highest score of any tested series at the latest evaluation. */
    public int maxScore() {
        int max = 0;
        for (CountSeries one : tested) {
            max = Math.max(max, one.lastScore);
        }
        return max;
    }

    /** Score per municipality × category at the latest evaluation (only those above 0). */
    public Map<SeriesKey, Integer> municipalScores() {
        Map<SeriesKey, Integer> scores = new HashMap<>();
        for (CountSeries one : tested) {
            if (!one.key.regionWide() && one.lastScore > 0) {
                scores.put(one.key, one.lastScore);
            }
        }
        return scores;
    }

    /**
     * Every tested series over the last {@code buckets} buckets (open one included): its highest score in
     * that span, observed and expected sums. Series without a message in the span are left out.
     */
    public List<SeriesScore> scoresOver(int buckets) {
        List<SeriesScore> result = new ArrayList<>();
        long from = openBucket - Math.min(buckets, settings.historyBuckets()) + 1;
        for (CountSeries one : tested) {
            long observed = one.observedBetween(from, openBucket);
            if (observed == 0) {
                continue;
            }
            int peak = one.lastScore;
            for (long bucket = from; bucket < openBucket; bucket++) {
                peak = Math.max(peak, one.scores[one.slot(bucket)]);
            }
            result.add(new SeriesScore(one.key, peak, observed, elapsedExpected(one, from, openBucket)));
        }
        return result;
    }

    /** Which way a series is heading: up, flat or down. */
    public enum Trend { UP, FLAT, DOWN }

    /**
     * The last {@code span} buckets (the open one judged by its elapsed share) against the {@code span}
     * before them, each as (observed + 1) / (expected + 1): a quarter more is up, a fifth less is down.
     */
    public Trend trend(SeriesKey key, int span) {
        CountSeries one = series.get(key);
        if (one == null) {
            return Trend.FLAT;
        }
        double recent = (one.observedBetween(openBucket - span + 1, openBucket) + 1.0)
                / (elapsedExpected(one, openBucket - span + 1, openBucket) + 1.0);
        double before = (one.observedBetween(openBucket - 2L * span + 1, openBucket - span) + 1.0)
                / (one.expectedBetween(openBucket - 2L * span + 1, openBucket - span) + 1.0);
        if (recent > before * 1.25) {
            return Trend.UP;
        }
        return recent < before * 0.8 ? Trend.DOWN : Trend.FLAT;
    }

    /** Expected sum over {@code [from, to]} with the open bucket counted by its elapsed share. */
    private double elapsedExpected(CountSeries one, long from, long to) {
        double expected = one.expectedBetween(from, to);
        if (to == openBucket && from <= openBucket) {
            expected -= one.expected(openBucket) * (1 - openElapsed);
        }
        return expected;
    }

    /** Topic series of a category series with their sums over {@code [from, to]}, largest excess first. */
    public List<TensionAlertView.TopicExcess> topicsOf(SeriesKey key, long from, long to, int limit) {
        CountSeries one = series.get(key);
        if (one == null) {
            return List.of();
        }
        return one.topicExcess(from, to, limit, false);
    }

    /**
     * Observed and expected per bucket over {@code [from, to]}, summed over the series the filter picks
     * (the open bucket's expectation is its elapsed share).
     */
    public List<BucketFigures> figures(SeriesFilter filter, long from, long to) {
        return figures(series.values().stream().filter(one -> filter.matches(one.key)).toList(), from, to);
    }

    /**
     * Observed and expected per bucket of one series over {@code [from, to]}: the figures of a filter naming
     * exactly that series, found by its key instead of a pass over every series (the week-ahead forecast asks
     * for each series in turn); empty for a series never counted.
     */
    public List<BucketFigures> figures(SeriesKey key, long from, long to) {
        CountSeries one = series.get(key);
        return one == null ? List.of() : figures(List.of(one), from, to);
    }

    private List<BucketFigures> figures(List<CountSeries> picked, long from, long to) {
        long first = Math.max(from, openBucket - settings.historyBuckets() + 1);
        long last = Math.min(to, openBucket);
        List<BucketFigures> figures = new ArrayList<>();
        for (long bucket = first; bucket <= last; bucket++) {
            long observed = 0;
            double expected = 0;
            for (CountSeries one : picked) {
                observed += one.count(bucket);
                expected += one.expected(bucket) * (bucket == openBucket ? openElapsed : 1.0);
            }
            figures.add(new BucketFigures(bucket, observed, expected));
        }
        return figures;
    }

    /** Observed and expected count of one bucket. */
    public record BucketFigures(long bucket, long observed, double expected) {
    }

    /**
     * Which series a dynamics query sums: one municipality or the region, optionally one category and one
     * topic. Region-wide figures come from the region series; without a category, all categories.
     */
    public record SeriesFilter(String municipality, String category, String topic) {
        boolean matches(SeriesKey key) {
            if (municipality == null ? !key.regionWide() : !municipality.equals(key.municipality())) {
                return false;
            }
            if (category != null && !category.equals(key.category())) {
                return false;
            }
            return topic == null ? key.topic() == null : topic.equals(key.topic());
        }
    }

    /** Time of a bucket's start. */
    public Instant start(long bucket) {
        return clock.start(bucket);
    }

    /** Every series' key (for gauges and tests). */
    public Collection<SeriesKey> keys() {
        return series.keySet();
    }

    /**
     * The slow level of one series as the baseline stands: messages per week (prior included), the
     * exponentially weighted (capped) messages and weeks of exposure it is the ratio of, and the bucket its
     * exposure began in (the bucket open when its first message was counted).
     */
    public record Level(double messagesPerWeek, double weightedMessages, double exposureWeeks, long countedSince) {
    }

    /** The level of a series, empty if it was never counted. Read-only: the week-ahead forecast starts from it. */
    public Optional<Level> level(SeriesKey key) {
        CountSeries one = series.get(key);
        if (one == null) {
            return Optional.empty();
        }
        return Optional.of(new Level(one.weeklyLevel(settings.priorWeekly()), one.weightedCounts, one.weightedExposure,
                one.since));
    }

    /** The weeks of the prior in a level: {@code (weighted messages + prior × this) / (exposure + this)}. */
    public static double priorWeeks() {
        return CountSeries.PRIOR_WEEKS;
    }

    /** The first bucket in which any message was counted (the start of the region's observation); empty before. */
    public java.util.OptionalLong observedSince() {
        return observedSince == Long.MAX_VALUE ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(observedSince);
    }

    /**
     * The share of a week's messages a category's profile gives any bucket (past, open or future) as the
     * profile stands now; the shares of the buckets of one week sum to 1. Read-only: a category never
     * counted answers with the city's rhythm without being added.
     */
    public double shareOfWeek(String category, long bucket) {
        WeeklyProfile profile = profiles.getOrDefault(category, cityProfile);
        return profile.share(clock.hourOfWeek(clock.start(bucket))) * settings.bucketSeconds() / 3600.0;
    }

    private CountSeries seriesOf(SeriesKey key) {
        CountSeries existing = series.get(key);
        if (existing != null) {
            return existing;
        }
        CountSeries created = new CountSeries(key, settings.historyBuckets(), openBucket);
        double prior = created.weeklyLevel(settings.priorWeekly());
        for (int back = 0; back < settings.historyBuckets() && openBucket != Long.MIN_VALUE; back++) {
            long bucket = openBucket - back;
            created.expected[created.slot(bucket)] = (float) (prior * shareAt(key.category(), bucket));
        }
        series.put(key, created);
        if (key.tested()) {
            tested.add(created);
        }
        if (key.topic() != null) {
            seriesOf(key.categorySeries()).topics.add(created);
        }
        return created;
    }

    /** Share of a week the open bucket holds for a category (cached per bucket). */
    private double share(String category) {
        Double cached = openShares.get(category);
        if (cached != null) {
            return cached;
        }
        double share = shareAt(category, openBucket);
        openShares.put(category, share);
        return share;
    }

    private double shareAt(String category, long bucket) {
        return profile(category).share(clock.hourOfWeek(clock.start(bucket))) * settings.bucketSeconds() / 3600.0;
    }

    private WeeklyProfile profile(String category) {
        return profiles.computeIfAbsent(category, ignored -> new WeeklyProfile(cityProfile, PROFILE_PSEUDO_MESSAGES));
    }
}
