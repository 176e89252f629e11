package ru.tsur.pulse.prevention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chronic-places register: which place × topic keeps producing messages, as of an instant, from the
 * messages of the {@value #WINDOW_DAYS} days before it — ranked so that an official reads first where a
 * problem will most likely come back. Plain logic over {@link PlaceMessage}s, used by the service and by
 * {@code scripts/evaluate-prevention.sh} alike.
 *
 * <p><b>What is counted.</b> Messages in the {@value #RECENT_DAYS} and {@value #WINDOW_DAYS} days before the
 * instant. An <em>episode</em> is a run of messages with no gap longer than {@link Settings#episodeGap()}
 * (24 h): five residents reporting one icicle on one day are one occurrence, not five. A <em>return</em> is
 * every episode after the first; a <em>return after a resolution</em> one that began after an earlier message
 * of the same place × topic had been resolved, with the days from that (latest) resolution to it — how soon
 * the fix failed. The trend compares messages per day in the last 30 days with the 60 before them, over the
 * days the data cover (the earliest message given marks where they begin).
 *
 * <p><b>The score</b> estimates how often the problem comes back: returns per 90 days, with a small-number
 * correction —
 * <pre>score = 90 × (r + β·m) / (T + β)</pre>
 * where {@code r} is the place × topic's returns, {@code T} its exposure in days (from its first message in
 * the window to the instant: a problem cannot come back before it first came), {@code m} its topic's return
 * rate pooled over every place (all returns over all exposure; itself pulled towards the rate of all topics
 * with the same β, for topics seen at few places), and β = {@link Settings#priorDays()} (30): the topic's
 * experience is worth a month of watching this one place. It is the posterior mean of a Poisson return rate
 * under a gamma prior of mean {@code m} and weight β days — empirical Bayes, the scorecards' {@code (k + w·p)
 * / (n + w)} with days of exposure in place of cases. Why this and not a count:
 * <ul>
 *   <li><em>Returns, not messages</em>: a count rewards one loud day; a place that comes back week after week
 *       is what prevention is for.</li>
 *   <li><em>Per exposure</em>: one message two days ago has had no time to come back, one message 70 days ago
 *       and silence since most likely was fixed; dividing by exposure tells them apart, and that is where
 *       recency enters.</li>
 *   <li><em>Shrunk towards the topic</em>: a building with 1 return in its first 10 days has a raw rate of 9
 *       per 90 days, one with 29 returns in 90 days 29; shrunk (m = 0.01 a day) they score 2.9 and 22.0, so
 *       two messages do not outrank forty. And with no return yet, a place scores by what its topic tends to
 *       do: graffiti and dirty entrances come back, a pothole once filled mostly does not.</li>
 * </ul>
 * Returns after a resolution, the executors and the trend are shown, not scored: a resolution is only as
 * good as the closing (a portal closes many messages automatically), and counting such returns twice ranked
 * worse; recency, which the trend describes, enters through the exposure. What the score buys over ranking
 * by the last 30 days' count, and the variants tried, are in the README («Prevention»). Rows are ordered by
 * score, then messages in 90 days, then the latest message, then key.
 */
public final class ChronicPlaces {

    /** Days of the recent count and of the trend's recent side. */
    public static final int RECENT_DAYS = 30;
    /** Days of messages the register reads: the longer count, the exposure's limit. */
    public static final int WINDOW_DAYS = 90;

    private static final double SECONDS_PER_DAY = 86_400;

    /**
     * The register's two knobs.
     *
     * @param episodeGap a message later than this after the previous one of its place × topic starts a new episode
     * @param priorDays  β: how many days of watching one place the topic's rate is worth
     */
    public record Settings(Duration episodeGap, double priorDays) {

        public Settings {
            if (episodeGap == null || episodeGap.isNegative() || episodeGap.isZero()) {
                throw new IllegalArgumentException("The episode gap must be positive");
            }
            if (!(priorDays > 0) || Double.isInfinite(priorDays)) {
                throw new IllegalArgumentException("The prior's days must be positive");
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofHours(24), 30);
        }
    }

    private final Settings settings;

    public ChronicPlaces(Settings settings) {
        this.settings = settings;
    }

    /**
     * The register as of {@code asOf}: every place × topic with a message in the {@value #WINDOW_DAYS} days
     * before it (messages at or after it are ignored), best first.
     */
    public List<ChronicPlace> rank(Collection<PlaceMessage> messages, Instant asOf) {
        Instant windowStart = asOf.minus(Duration.ofDays(WINDOW_DAYS));
        Instant observedSince = null;
        Map<PlaceTopic, List<PlaceMessage>> groups = new LinkedHashMap<>();
        for (PlaceMessage message : messages) {
            if (!message.createdAt().isBefore(asOf)) {
                continue;
            }
            if (observedSince == null || message.createdAt().isBefore(observedSince)) {
                observedSince = message.createdAt();
            }
            if (!message.createdAt().isBefore(windowStart)) {
                groups.computeIfAbsent(message.placeTopic(), key -> new ArrayList<>()).add(message);
            }
        }
        List<History> histories = new ArrayList<>(groups.size());
        Map<String, double[]> topics = new HashMap<>();
        double allReturns = 0;
        double allExposure = 0;
        for (Map.Entry<PlaceTopic, List<PlaceMessage>> group : groups.entrySet()) {
            History history = history(group.getKey(), group.getValue(), asOf);
            histories.add(history);
            double[] pooled = topics.computeIfAbsent(group.getKey().topic(), topic -> new double[2]);
            pooled[0] += history.returns();
            pooled[1] += history.exposureDays();
            allReturns += history.returns();
            allExposure += history.exposureDays();
        }
        double beta = settings.priorDays();
        double overallRate = allExposure > 0 ? allReturns / allExposure : 0;
        List<ChronicPlace> rows = new ArrayList<>(histories.size());
        for (History history : histories) {
            double[] pooled = topics.get(history.key().topic());
            double topicRate = (pooled[0] + beta * overallRate) / (pooled[1] + beta);
            double score = WINDOW_DAYS * (history.returns() + beta * topicRate) / (history.exposureDays() + beta);
            rows.add(row(history, observedSince, asOf, topicRate, score));
        }
        rows.sort(ORDER);
        return rows;
    }

    /** Best first: score, then messages in 90 days, then the latest message, then key. */
    static final Comparator<ChronicPlace> ORDER = Comparator.comparingDouble(ChronicPlace::score).reversed()
            .thenComparing(Comparator.comparingInt(ChronicPlace::messages90).reversed())
            .thenComparing(ChronicPlace::lastMessageAt, Comparator.reverseOrder())
            .thenComparing(ChronicPlace::placeKey)
            .thenComparing(row -> row.placeTopic().topic());

    /** One place × topic's messages in the window, in time order, and the figures that need only them. */
    private record History(PlaceTopic key, List<PlaceMessage> messages, int episodes, int returnsAfterResolution,
                           List<Double> daysToReturn, double exposureDays) {

        int returns() {
            return episodes - 1;
        }
    }

    private History history(PlaceTopic key, List<PlaceMessage> messages, Instant asOf) {
        List<PlaceMessage> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing(PlaceMessage::createdAt));
        int episodes = 0;
        int afterResolution = 0;
        List<Double> daysToReturn = new ArrayList<>();
        for (int index = 0; index < sorted.size(); index++) {
            Instant created = sorted.get(index).createdAt();
            if (index > 0 && Duration.between(sorted.get(index - 1).createdAt(), created).compareTo(settings.episodeGap()) <= 0) {
                continue;
            }
            episodes++;
            Instant resolution = index == 0 ? null : latestResolution(sorted.subList(0, index), created);
            if (resolution != null) {
                afterResolution++;
                daysToReturn.add(days(resolution, created));
            }
        }
        return new History(key, sorted, episodes, afterResolution, daysToReturn, days(sorted.get(0).createdAt(), asOf));
    }

    /** The latest resolution of {@code earlier} messages known at {@code moment}; null if none was resolved by then. */
    private static Instant latestResolution(List<PlaceMessage> earlier, Instant moment) {
        Instant latest = null;
        for (PlaceMessage message : earlier) {
            Instant resolved = message.resolvedAt();
            if (resolved != null && !resolved.isAfter(moment) && (latest == null || resolved.isAfter(latest))) {
                latest = resolved;
            }
        }
        return latest;
    }

    private ChronicPlace row(History history, Instant observedSince, Instant asOf, double topicRate, double score) {
        Instant recentStart = asOf.minus(Duration.ofDays(RECENT_DAYS));
        List<PlaceMessage> messages = history.messages();
        int recent = 0;
        Map<String, Integer> municipalities = new HashMap<>();
        Map<String, Integer> categories = new HashMap<>();
        Map<String, Integer> executors = new HashMap<>();
        boolean hasTopic = false;
        double latitudes = 0;
        double longitudes = 0;
        int points = 0;
        for (PlaceMessage message : messages) {
            recent += message.createdAt().isBefore(recentStart) ? 0 : 1;
            count(municipalities, message.municipality());
            count(categories, message.category());
            count(executors, message.executor());
            hasTopic |= message.topic() != null;
            if (message.latitude() != null && message.longitude() != null) {
                latitudes += message.latitude();
                longitudes += message.longitude();
                points++;
            }
        }
        PlaceMessage last = messages.get(messages.size() - 1);
        Place place = last.place();
        Double latitude = points == 0 ? null : latitudes / points;
        Double longitude = points == 0 ? null : longitudes / points;
        if (place.kind() == Place.Kind.CELL && points > 0) {
            PlaceGrid.Cell cell = PlaceGrid.cellOf(latitude, longitude);
            latitude = cell.latitude();
            longitude = cell.longitude();
        }
        List<ChronicPlace.ExecutorCount> executorCounts = new ArrayList<>();
        executors.forEach((executor, count) -> executorCounts.add(new ChronicPlace.ExecutorCount(executor, count)));
        executorCounts.sort(Comparator.comparingInt(ChronicPlace.ExecutorCount::messages).reversed()
                .thenComparing(ChronicPlace.ExecutorCount::executor));
        double exposure = history.exposureDays();
        return new ChronicPlace(place.key(), place.kind(), place.label(), latitude, longitude, mostFrequent(municipalities),
                hasTopic ? mostFrequent(categories) : history.key().topic(), hasTopic ? history.key().topic() : null,
                recent, messages.size(), history.episodes(), history.returns(), history.returnsAfterResolution(),
                median(history.daysToReturn()), trend(recent, messages.size() - recent, observedSince, asOf),
                executorCounts, messages.get(0).createdAt(), last.createdAt(), exposure,
                exposure > 0 ? WINDOW_DAYS * history.returns() / exposure : 0, WINDOW_DAYS * topicRate, score);
    }

    /**
     * (recent − before) / (recent + before) of the daily rates in the last 30 days and the 60 before, each
     * over the days the data cover; null when they cover less than a day before the last 30.
     */
    static Double trend(int recentMessages, int earlierMessages, Instant observedSince, Instant asOf) {
        Instant recentStart = asOf.minus(Duration.ofDays(RECENT_DAYS));
        Instant windowStart = asOf.minus(Duration.ofDays(WINDOW_DAYS));
        Instant earlierFrom = observedSince.isAfter(windowStart) ? observedSince : windowStart;
        double earlierDays = days(earlierFrom, recentStart);
        if (earlierDays < 1) {
            return null;
        }
        Instant recentFrom = observedSince.isAfter(recentStart) ? observedSince : recentStart;
        double recentRate = recentMessages / days(recentFrom, asOf);
        double earlierRate = earlierMessages / earlierDays;
        return recentRate + earlierRate == 0 ? null : (recentRate - earlierRate) / (recentRate + earlierRate);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0 / SECONDS_PER_DAY;
    }

    private static void count(Map<String, Integer> counts, String value) {
        if (value != null && !value.isBlank()) {
            counts.merge(value, 1, Integer::sum);
        }
    }

    /** The most frequent value, ties to the alphabetically first; null for none. */
    private static String mostFrequent(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }
}
