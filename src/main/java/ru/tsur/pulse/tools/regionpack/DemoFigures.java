package ru.tsur.pulse.tools.regionpack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The counts-only figures of a {@code demo-profile.json}: the weekly rhythm scaled to mean 1.0, category
 * shares, and each category's most frequent topics with their share within the category. Only counts and
 * the data's own category and topic labels leave the data, never a message text.
 */
final class DemoFigures {

    /** Topics listed per category. */
    static final int TOPICS_PER_CATEGORY = 8;
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private DemoFigures() {
    }

    /** One (category id, topic label) pair of a message. */
    record Labelled(String category, String topic) {
    }

    /** Each value divided by the mean, rounded to 3 decimals. */
    static List<Double> meanOne(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        List<Double> scaled = new ArrayList<>(values.length);
        for (double value : values) {
            scaled.add(PackJson.round(value / mean, 3));
        }
        return scaled;
    }

    /** Per category, its most frequent topics (ties by name) with their share within the category (4 decimals). */
    static Map<String, List<Map<String, Object>>> topTopics(List<Labelled> messages) {
        Map<String, Tally<String>> byCategory = new LinkedHashMap<>();
        for (Labelled message : messages) {
            byCategory.computeIfAbsent(message.category(), category -> new Tally<>()).add(message.topic().strip());
        }
        Map<String, List<Map<String, Object>>> topics = new LinkedHashMap<>();
        byCategory.forEach((category, tally) -> {
            int total = tally.total();
            List<Map<String, Object>> top = new ArrayList<>();
            for (Map.Entry<String, Integer> topic : tally.byCountThenKey(Comparator.naturalOrder())) {
                if (top.size() == TOPICS_PER_CATEGORY) {
                    break;
                }
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("name", SPACES.matcher(topic.getKey()).replaceAll(" "));
                json.put("share", PackJson.round(topic.getValue() / (double) total, 4));
                top.add(json);
            }
            topics.put(category, top);
        });
        return topics;
    }

    /** Categories by share (ties by id), each with its share (4 decimals) and top topics. */
    static List<Map<String, Object>> categoryShares(List<String> labels, Map<String, List<Map<String, Object>>> topics) {
        Tally<String> counts = new Tally<>();
        labels.forEach(counts::add);
        List<Map<String, Object>> shares = new ArrayList<>();
        for (Map.Entry<String, Integer> category : counts.byCountThenKey(Comparator.naturalOrder())) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", category.getKey());
            json.put("share", PackJson.round(category.getValue() / (double) labels.size(), 4));
            json.put("topics", topics.get(category.getKey()));
            shares.add(json);
        }
        return shares;
    }
}
