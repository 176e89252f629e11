package ru.tsur.pulse.demo;

import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.tension.CountTail;
import ru.tsur.pulse.tension.SeriesHistoryRepository.HistoryRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The demo's past as hourly counts, so the tension baselines expect what the live demo will send. The live
 * stream's messages are classified and located by the pipeline, which does not always agree with what the
 * generator meant (a social post the model files under another category, a hotline address it places in a
 * neighbouring district), so the counts follow what the pipeline <em>decides</em>. Sampling whole messages
 * would need millions of samples to see the rare cells (a category of 1% in a district of 0.5% is one message
 * in 20,000), so {@link #calibrate} learns the two decisions apart, per channel: where the locator puts a
 * message meant for each municipality, and what the classifier makes of each meant topic (a few dozen samples
 * each); the profile's exact shares then combine them. Each hour's expected total (the demo rate × the
 * hour-of-week rhythm) is spread over the decided cells in those shares, each cell's count Poisson-drawn: a
 * rate of thousands of messages an hour costs rows per series, not per message. Deterministic for a seed;
 * plain, not thread-safe.
 */
public final class DemoHistory {

    /** Where the pipeline put one generated message: municipality (or «unknown»), category, topic (or null). */
    public record Decided(String municipality, String category, String topic) {
    }

    private static final int TOPIC_SAMPLES_FACTOR = 20;

    private final Map<String, Double> localShares;
    private final Map<String, Double> topicShares;

    private DemoHistory(Map<String, Double> localShares, Map<String, Double> topicShares) {
        this.localShares = localShares;
        this.topicShares = topicShares;
    }

    /**
     * Learns where the pipeline ({@code decide}) puts the generator's messages: {@code samples} messages meant for
     * each municipality and twenty times as many for each topic, tallied per channel (the message's source), combined with the
     * profile's shares into the share of each decided municipality × category and region × topic cell.
     */
    public static DemoHistory calibrate(DemoProfile profile, DemoMessageGenerator generator,
                                        Function<IncomingMessage, Decided> decide, int samples, Instant at) {
        SplittableRandom random = new SplittableRandom(samples);
        List<DemoProfile.Weighted<String[]>> topics = new ArrayList<>();
        // The generator's own mix: the profile's topics that have templates to write from.
        for (DemoProfile.Weighted<DemoProfile.CategoryMix> category : generator.mix()) {
            if (category.item().topics().isEmpty()) {
                topics.add(new DemoProfile.Weighted<>(new String[]{category.item().categoryId(), null}, category.weight()));
            }
            double topicTotal = category.item().topics().stream().mapToDouble(DemoProfile.Weighted::weight).sum();
            for (DemoProfile.Weighted<String> topic : category.item().topics()) {
                topics.add(new DemoProfile.Weighted<>(new String[]{category.item().categoryId(), topic.item()},
                        category.weight() * topic.weight() / topicTotal));
            }
        }
        // The generator is not thread-safe, the decisions are: messages are written first, decided in parallel.
        List<IncomingMessage> forPlaces = new ArrayList<>();
        List<Double> placeWeights = new ArrayList<>();
        for (DemoProfile.Weighted<String> municipality : normalised(profile.municipalities())) {
            for (int index = 0; index < samples; index++) {
                String[] topic = pick(topics, random);
                forPlaces.add(generator.message(at, municipality.item(), topic[0], topic[1]));
                placeWeights.add(municipality.weight() / samples);
            }
        }
        List<Decided> places = forPlaces.parallelStream().map(decide).toList();
        Map<String, Map<String, Double>> placed = new TreeMap<>();
        for (int index = 0; index < places.size(); index++) {
            placed.computeIfAbsent(forPlaces.get(index).source(), ignored -> new HashMap<>())
                    .merge(places.get(index).municipality(), placeWeights.get(index), Double::sum);
        }
        // A region-wide topic series is busy (every district's messages), so its share must be sharper than a
        // district's placement: twenty times the samples (with five, DemoBaselineTest saw region-wide topic
        // alerts from the estimate's own noise).
        int topicSamples = samples * TOPIC_SAMPLES_FACTOR;
        List<IncomingMessage> forTopics = new ArrayList<>();
        List<Double> topicWeights = new ArrayList<>();
        for (DemoProfile.Weighted<String[]> topic : normalised(topics)) {
            for (int index = 0; index < topicSamples; index++) {
                forTopics.add(generator.message(at, pick(profile.municipalities(), random), topic.item()[0], topic.item()[1]));
                topicWeights.add(topic.weight() / topicSamples);
            }
        }
        List<Decided> files = forTopics.parallelStream().map(decide).toList();
        Map<String, Map<String, Double>> filed = new TreeMap<>();
        Map<String, Double> channels = new TreeMap<>();
        for (int index = 0; index < files.size(); index++) {
            String source = forTopics.get(index).source();
            Decided decided = files.get(index);
            filed.computeIfAbsent(source, ignored -> new HashMap<>())
                    .merge(decided.category() + '\t' + (decided.topic() == null ? "" : decided.topic()),
                            topicWeights.get(index), Double::sum);
            channels.merge(source, topicWeights.get(index), Double::sum);
        }
        Map<String, Double> local = new TreeMap<>();
        Map<String, Double> regionTopics = new TreeMap<>();
        channels.forEach((channel, channelShare) -> {
            Map<String, Double> where = placed.getOrDefault(channel, Map.of());
            double whereTotal = where.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, Double> what = filed.getOrDefault(channel, Map.of());
            double whatTotal = what.values().stream().mapToDouble(Double::doubleValue).sum();
            what.forEach((cell, whatShare) -> {
                int tab = cell.indexOf('\t');
                String category = cell.substring(0, tab);
                double share = channelShare * whatShare / whatTotal;
                if (tab + 1 < cell.length()) {
                    regionTopics.merge(category + '\t' + cell.substring(tab + 1), share, Double::sum);
                }
                where.forEach((municipality, whereShare) ->
                        local.merge(municipality + '\t' + category, share * whereShare / whereTotal, Double::sum));
            });
        });
        return new DemoHistory(local, regionTopics);
    }

    private static <T> List<DemoProfile.Weighted<T>> normalised(List<DemoProfile.Weighted<T>> weighted) {
        double total = weighted.stream().mapToDouble(DemoProfile.Weighted::weight).sum();
        return weighted.stream().map(one -> new DemoProfile.Weighted<>(one.item(), one.weight() / total)).toList();
    }

    private static <T> T pick(List<DemoProfile.Weighted<T>> weighted, SplittableRandom random) {
        double total = weighted.stream().mapToDouble(DemoProfile.Weighted::weight).sum();
        double target = random.nextDouble() * total;
        for (DemoProfile.Weighted<T> item : weighted) {
            target -= item.weight();
            if (target < 0) {
                return item.item();
            }
        }
        return weighted.get(weighted.size() - 1).item();
    }

    /** Cells the calibration found: municipality × category, then region × topic. */
    public int cells() {
        return localShares.size() + topicShares.size();
    }

    /** One hour's rows for an expected {@code total} of messages in it (cells drawing 0 give no row). */
    public List<HistoryRow> hour(Instant hour, double total, SplittableRandom random) {
        List<HistoryRow> rows = new ArrayList<>();
        localShares.forEach((cell, share) -> {
            int messages = CountTail.samplePoisson(total * share, random);
            if (messages > 0) {
                int tab = cell.indexOf('\t');
                rows.add(new HistoryRow(hour, cell.substring(0, tab), cell.substring(tab + 1), "", messages));
            }
        });
        topicShares.forEach((cell, share) -> {
            int messages = CountTail.samplePoisson(total * share, random);
            if (messages > 0) {
                int tab = cell.indexOf('\t');
                rows.add(new HistoryRow(hour, "", cell.substring(0, tab), cell.substring(tab + 1), messages));
            }
        });
        return rows;
    }

    /** The expected messages of the hour starting at {@code hour}: the demo rate × that hour's rhythm. */
    public static double expectedInHour(DemoMessageGenerator generator, double ratePerSecond, Instant hour) {
        return ratePerSecond * 3600 * generator.intensity(hour);
    }

    /** Shares as a map for tests and the log (cell → share). */
    Map<String, Double> localShares() {
        return new HashMap<>(localShares);
    }
}
