package ru.tsur.pulse.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo generator imitates, shipped in the region pack: the figures derived from the region's real data
 * ({@code demo-profile.json}: messages per day, the hour-of-week rhythm, category and topic mix, the share of
 * each municipality), hand-written message templates keyed by category and topic ({@code demo-templates.json}),
 * and real street names with a point per municipality ({@code demo-streets.json}, empty where the region's data
 * has no addresses).
 *
 * @param streets   municipality id → its streets, most written about first (a municipality may have none)
 * @param templates category id → topic → templates of that topic
 */
public record DemoProfile(double messagesPerDay, double[] hourOfWeek, List<Weighted<CategoryMix>> categories,
                          List<Weighted<String>> municipalities, Map<String, List<DemoStreet>> streets,
                          Map<String, Map<String, List<String>>> templates) {

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

    /** The templates of one topic of one category; empty when there are none. */
    public List<String> templates(String categoryId, String topic) {
        return templates.getOrDefault(categoryId, Map.of()).getOrDefault(topic, List.of());
    }

    /** The streets of one municipality; empty when the data has none there. */
    public List<DemoStreet> streets(String municipalityId) {
        return streets.getOrDefault(municipalityId, List.of());
    }

    public static DemoProfile load(String regionId, ObjectMapper json) {
        JsonNode profile = read("regions/" + regionId + "/demo-profile.json", json, true);
        JsonNode templates = read("regions/" + regionId + "/demo-templates.json", json, true);
        JsonNode streets = read("regions/" + regionId + "/demo-streets.json", json, false);
        double[] hourOfWeek = new double[168];
        for (int hour = 0; hour < 168; hour++) {
            hourOfWeek[hour] = profile.path("hourOfWeek").path(hour).asDouble(1.0);
        }
        List<Weighted<CategoryMix>> categories = new ArrayList<>();
        for (JsonNode category : profile.path("categories")) {
            List<Weighted<String>> topics = new ArrayList<>();
            category.path("topics").forEach(topic ->
                    topics.add(new Weighted<>(topic.path("name").asText(), topic.path("share").asDouble())));
            categories.add(new Weighted<>(new CategoryMix(category.path("id").asText(), List.copyOf(topics)),
                    category.path("share").asDouble()));
        }
        List<Weighted<String>> municipalities = new ArrayList<>();
        profile.path("municipalities").forEach(municipality -> municipalities.add(
                new Weighted<>(municipality.path("id").asText(), municipality.path("share").asDouble())));
        Map<String, Map<String, List<String>>> byCategory = new LinkedHashMap<>();
        templates.path("templates").fields().forEachRemaining(category -> {
            Map<String, List<String>> byTopic = new LinkedHashMap<>();
            category.getValue().fields().forEachRemaining(topic -> {
                List<String> texts = new ArrayList<>();
                topic.getValue().forEach(text -> texts.add(text.asText()));
                byTopic.put(topic.getKey(), List.copyOf(texts));
            });
            byCategory.put(category.getKey(), Collections.unmodifiableMap(byTopic));
        });
        Map<String, List<DemoStreet>> byMunicipality = new LinkedHashMap<>();
        streets.path("municipalities").fields().forEachRemaining(municipality -> {
            List<DemoStreet> list = new ArrayList<>();
            municipality.getValue().forEach(street -> list.add(new DemoStreet(street.path("name").asText(),
                    street.path("lat").asDouble(), street.path("lon").asDouble())));
            byMunicipality.put(municipality.getKey(), List.copyOf(list));
        });
        return new DemoProfile(profile.path("messagesPerDay").asDouble(), hourOfWeek, List.copyOf(categories),
                List.copyOf(municipalities), Collections.unmodifiableMap(byMunicipality),
                Collections.unmodifiableMap(byCategory));
    }

    private static JsonNode read(String path, ObjectMapper json, boolean required) {
        try (InputStream stream = DemoProfile.class.getClassLoader().getResourceAsStream(path)) {
            if (stream == null) {
                if (required) {
                    throw new IllegalStateException("No resource " + path);
                }
                return json.createObjectNode();
            }
            return json.readTree(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
