package ru.tsur.pulse.tools.regionpack;

import com.fasterxml.jackson.databind.ObjectMapper;
import ru.tsur.pulse.classify.KeywordClassifier;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.locate.NameIndex;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.tools.training.LabelledMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The parts both kinds of region pack are made of: the texts of {@code region.json},
 * {@code municipalities.geojson}, {@code demo-templates.json} and {@code demo-streets.json}, the pack as the
 * service will load it, and the measures taken on it with the service's own classes (the keyword classifier's
 * accuracy on the data, the name index's view of the aliases).
 */
final class PackParts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PackParts() {
    }

    /**
     * What building one region takes: the curated data (shared and the region's), the reference data folder,
     * the service's normalizer, and where report lines and progress go.
     */
    record Inputs(RegionSource.Common common, RegionSource.Region source, Path data, TextNormalizer normalizer,
                  Consumer<String> report, Consumer<String> progress) {
    }

    /**
     * How many messages carry each category label of the data; a label the curated table lacks stops the build
     * with {@code missing}'s message for it.
     */
    static Tally<String> categoryCounts(List<LabelledMessage> rows, Set<String> known,
                                        Function<String, String> missing) {
        Tally<String> counts = new Tally<>();
        for (LabelledMessage row : rows) {
            if (!known.contains(row.category())) {
                throw new IllegalStateException(missing.apply(row.category()));
            }
            counts.add(row.category());
        }
        return counts;
    }

    /** Each municipality's demo share, in id order, rounded to 5 decimals. */
    static List<Map<String, Object>> municipalityShares(Set<String> ids, ToDoubleFunction<String> share) {
        List<Map<String, Object>> shares = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("share", PackJson.round(share.applyAsDouble(id), 5));
            shares.add(json);
        }
        return shares;
    }

    /**
     * Checks the demo templates against the region's categories, the demo profile's topics and the documented
     * placeholders, reports how much of the profile's mix has templates and how many templates the service's
     * keyword classifier puts in their own category, and returns the region's five files.
     *
     * @param streets the JSON of {@code demo-streets.json}
     */
    static Map<String, String> files(Inputs inputs, List<String> categoryOrder, Set<String> skippedCategories,
                                     KeywordClassifier classifier, String regionJson, String geoJson,
                                     Map<String, Object> profile, Map<String, Object> streets) {
        RegionSource.Region source = inputs.source();
        Map<String, String> placeholders = inputs.common().templatePlaceholders();
        Set<String> categoryIds = new LinkedHashSet<>(categoryOrder);
        categoryIds.add(Category.OTHER_ID);
        Map<String, Map<String, Double>> topics = profileTopics(profile);
        Map<String, Set<String>> topicNames = new LinkedHashMap<>();
        topics.forEach((category, shares) -> topicNames.put(category, shares.keySet()));
        Map<String, Map<String, List<String>>> templates = source.demoTemplates();
        RegionSource.checkTemplates(templates, categoryIds, topicNames, placeholders.keySet());
        int[] inOwnCategory = templatesInOwnCategory(classifier, inputs.normalizer(), templates, skippedCategories);
        int topicCount = topics.values().stream().mapToInt(Map::size).sum();
        int written = 0;
        double covered = 0;
        for (Map<String, Object> category : categoriesOf(profile)) {
            String id = (String) category.get("id");
            for (Map.Entry<String, Double> topic : topics.get(id).entrySet()) {
                if (!templates.getOrDefault(id, Map.of()).getOrDefault(topic.getKey(), List.of()).isEmpty()) {
                    written++;
                    covered += ((Number) category.get("share")).doubleValue() * topic.getValue();
                }
            }
        }
        inputs.report().accept("  categories: " + categoryOrder.size() + " (+ other); demo templates: "
                + templates.values().stream().flatMap(byTopic -> byTopic.values().stream()).mapToInt(List::size).sum()
                + " for " + written + " of the profile's " + topicCount + " topics (their messages are "
                + PackJson.fixed(100 * covered, 1) + "% of the data's; keyword classifier puts " + inOwnCategory[0]
                + " of " + inOwnCategory[1] + " templates in their own category)");
        String id = source.settings().id();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(id + "/region.json", regionJson);
        files.put(id + "/municipalities.geojson", geoJson);
        files.put(id + "/demo-profile.json", PackJson.pretty(profile));
        files.put(id + "/demo-templates.json", templatesJson(placeholders, templates));
        files.put(id + "/demo-streets.json", PackJson.pretty(streets));
        return files;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> categoriesOf(Map<String, Object> profile) {
        return (List<Map<String, Object>>) profile.get("categories");
    }

    /** Category id → the profile's topics of it with their shares within the category, in profile order. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Double>> profileTopics(Map<String, Object> profile) {
        Map<String, Map<String, Double>> topics = new LinkedHashMap<>();
        for (Map<String, Object> category : categoriesOf(profile)) {
            Map<String, Double> shares = new LinkedHashMap<>();
            for (Map<String, Object> topic : (List<Map<String, Object>>) category.get("topics")) {
                shares.put((String) topic.get("name"), ((Number) topic.get("share")).doubleValue());
            }
            topics.put((String) category.get("id"), shares);
        }
        return topics;
    }

    /** One category of {@code region.json}; {@code code} only where the source data has numeric codes. */
    static Map<String, Object> category(String id, String name, String code, List<String> keywords) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        if (code != null) {
            json.put("code", code);
        }
        json.put("keywords", keywords);
        return json;
    }

    /** The «Прочее» category every region ends with. */
    static Map<String, Object> otherCategory() {
        return category(Category.OTHER_ID, "Прочее", null, List.of());
    }

    static String regionJson(RegionSource.Settings settings, List<Map<String, Object>> categories,
                             Map<String, MunicipalityDraft> municipalities) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("id", settings.id());
        region.put("name", settings.name());
        region.put("timeZone", settings.timeZone());
        region.put("attribution", settings.attribution());
        region.put("categories", categories);
        region.put("municipalities", municipalities.values().stream().map(MunicipalityDraft::json).toList());
        return PackJson.pretty(region);
    }

    /** The boundaries, one feature per municipality in the map's order (by id). */
    static String geoJson(RegionSource.Settings settings, Map<String, MunicipalityDraft> municipalities) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("attribution", settings.attribution());
        collection.put("features", municipalities.values().stream().map(MunicipalityDraft::feature).toList());
        return PackJson.compact(collection);
    }

    static String templatesJson(Map<String, String> placeholders, Map<String, Map<String, List<String>>> templates) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("placeholders", placeholders);
        json.put("templates", templates);
        return PackJson.pretty(json);
    }

    /** The pack exactly as the service reads it from these two texts. */
    static RegionPack load(String regionJson, String geoJson) {
        try {
            return RegionPack.parse(regionJson, geoJson, JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("The region pack just built cannot be read back", e);
        }
    }

    /**
     * Stops the build when an alias (or name) does not lead back to its own municipality through the service's
     * {@link NameIndex} — i.e. when two municipalities share it and the service would ignore it.
     */
    static void checkAliases(Map<String, MunicipalityDraft> municipalities, NameIndex names) {
        for (MunicipalityDraft municipality : municipalities.values()) {
            List<String> spellings = new ArrayList<>(municipality.aliases);
            spellings.add(municipality.name);
            for (String spelling : spellings) {
                String found = names.find(spelling).orElse(null);
                if (!municipality.id.equals(found)) {
                    throw new IllegalStateException("Alias «" + spelling + "» of " + municipality.id
                            + (found == null ? " is shared with another municipality" : " leads to " + found));
                }
            }
        }
    }

    /** How the service's keyword classifier does on labelled texts. */
    record Evaluation(int messages, int right, int unmatched, List<Map.Entry<String, Integer>> confusions) {

        double accuracy() {
            return right / (double) messages;
        }

        double unmatchedShare() {
            return unmatched / (double) messages;
        }

        /** Two report lines: accuracy and share unmatched, then the most frequent confusions. */
        List<String> report(String region) {
            return List.of("  keyword classifier on " + region + " data: accuracy " + PackJson.fixed(100 * accuracy(), 1)
                            + "% (n=" + messages + "; " + PackJson.fixed(100 * unmatchedShare(), 1)
                            + "% matched no keyword -> other)",
                    "    top confusions (true -> predicted): " + (confusions.isEmpty() ? "none" : String.join("; ",
                            confusions.stream().map(confusion -> confusion.getKey() + " " + confusion.getValue()).toList())));
        }
    }

    static Evaluation evaluate(KeywordClassifier classifier, TextNormalizer normalizer, List<String> texts,
                               List<String> labels) {
        int right = 0;
        int unmatched = 0;
        Tally<String> confusions = new Tally<>();
        for (int index = 0; index < texts.size(); index++) {
            String predicted = classify(classifier, normalizer, texts.get(index));
            if (predicted.equals(labels.get(index))) {
                right++;
            } else {
                confusions.add(labels.get(index) + "->" + predicted);
            }
            if (predicted.equals(Category.OTHER_ID)) {
                unmatched++;
            }
        }
        return new Evaluation(texts.size(), right, unmatched, confusions.mostCommon(6));
    }

    /** How many demo templates (outside the skipped categories) the classifier puts in their own category. */
    private static int[] templatesInOwnCategory(KeywordClassifier classifier, TextNormalizer normalizer,
                                                Map<String, Map<String, List<String>>> templates, Set<String> skipped) {
        int right = 0;
        int total = 0;
        for (Map.Entry<String, Map<String, List<String>>> category : templates.entrySet()) {
            if (skipped.contains(category.getKey())) {
                continue;
            }
            for (List<String> texts : category.getValue().values()) {
                for (String text : texts) {
                    total++;
                    if (classify(classifier, normalizer, text).equals(category.getKey())) {
                        right++;
                    }
                }
            }
        }
        return new int[]{right, total};
    }

    private static String classify(KeywordClassifier classifier, TextNormalizer normalizer, String raw) {
        IncomingMessage message = new IncomingMessage("region-pack", "0", Instant.EPOCH, raw, null, null, null, null,
                null, null, null);
        Classification classification = classifier.classify(message, normalizer.normalize(raw));
        return classification.categoryId();
    }
}
