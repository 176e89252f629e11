package ru.tsur.pulse.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Figures the demo generator imitates, derived from the region's real data and shipped in the region pack
 * ({@code demo-profile.json}: messages per day, the hour-of-week rhythm, category and topic mix, the share
 * of each municipality) together with hand-written message templates ({@code demo-templates.json}).
 */
public record DemoProfile(double messagesPerDay, double[] hourOfWeek, List<Weighted<CategoryMix>> categories,
                          List<Weighted<String>> municipalities, List<String> streets,
                          Map<String, List<String>> templates) {

    /** An item with its relative weight. */
    public record Weighted<T>(T item, double weight) {
    }

    /** A category and the topics seen under it, weighted. */
    public record CategoryMix(String categoryId, List<Weighted<String>> topics) {
    }

    /**
     * The share of all messages the generator means for one municipality × category (its municipality's share
     * times its category's): the normal rate a scripted scene multiplies.
     */
    public double share(String municipalityId, String categoryId) {
        return weightOf(municipalities, municipalityId) * weightOf(categories.stream()
                .map(mix -> new Weighted<>(mix.item().categoryId(), mix.weight())).toList(), categoryId);
    }

    private static double weightOf(List<Weighted<String>> weighted, String item) {
        double total = 0;
        double mine = 0;
        for (Weighted<String> one : weighted) {
            total += one.weight();
            if (one.item().equals(item)) {
                mine += one.weight();
            }
        }
        return total == 0 ? 0 : mine / total;
    }

    public static DemoProfile load(String regionId, ObjectMapper json) {
        JsonNode profile = read("regions/" + regionId + "/demo-profile.json", json);
        JsonNode templates = read("regions/" + regionId + "/demo-templates.json", json);
        double[] hourOfWeek = new double[168];
        for (int hour = 0; hour < 168; hour++) {
            hourOfWeek[hour] = profile.path("hourOfWeek").path(hour).asDouble(1.0);
        }
        List<Weighted<CategoryMix>> categories = new ArrayList<>();
        for (JsonNode category : profile.path("categories")) {
            List<Weighted<String>> topics = new ArrayList<>();
            category.path("topics").forEach(topic ->
                    topics.add(new Weighted<>(topic.path("name").asText(), topic.path("share").asDouble())));
            categories.add(new Weighted<>(new CategoryMix(category.path("id").asText(), topics),
                    category.path("share").asDouble()));
        }
        List<Weighted<String>> municipalities = new ArrayList<>();
        profile.path("municipalities").forEach(municipality -> municipalities.add(
                new Weighted<>(municipality.path("id").asText(), municipality.path("share").asDouble())));
        List<String> streets = new ArrayList<>();
        templates.path("streets").forEach(street -> streets.add(street.asText()));
        Map<String, List<String>> byCategory = new LinkedHashMap<>();
        templates.path("templates").fields().forEachRemaining(entry -> {
            List<String> texts = new ArrayList<>();
            entry.getValue().forEach(text -> texts.add(text.asText()));
            byCategory.put(entry.getKey(), List.copyOf(texts));
        });
        return new DemoProfile(profile.path("messagesPerDay").asDouble(), hourOfWeek, List.copyOf(categories),
                List.copyOf(municipalities), List.copyOf(streets), Map.copyOf(byCategory));
    }

    private static JsonNode read(String path, ObjectMapper json) {
        try (InputStream stream = DemoProfile.class.getClassLoader().getResourceAsStream(path)) {
            if (stream == null) {
                throw new IllegalStateException("No resource " + path);
            }
            return json.readTree(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
