package ru.tsur.pulse.tools.regionpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.tsur.pulse.classify.KeywordClassifier;
import ru.tsur.pulse.csv.CsvReader;
import ru.tsur.pulse.locate.Gazetteer;
import ru.tsur.pulse.locate.NameIndex;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.route.RoutingTableTrainer;
import ru.tsur.pulse.training.LabelledData;
import ru.tsur.pulse.training.LabelledMessage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds the Kursk oblast pack from a labelled sample without times or points: municipalities from the map
 * and the reference table of official names and aliases (plus the curated town names of district centres),
 * categories named by hand over the data's numeric codes, keywords from the sample, and a demo profile whose
 * rate and weekly rhythm are scaled from St Petersburg's. A message's municipality is found the way training
 * finds it ({@link RoutingTableTrainer#municipalityOf}: the place its text names, else the place its
 * executor's name names, by the service's {@link Gazetteer}).
 */
final class KurskPack {

    private static final List<String> TABLE_COLUMNS = List.of("name", "aliases", "official_name_pattern",
            "population_thousand");

    /** What the README takes from this pack. */
    record Built(Map<String, String> files, int municipalities, int categories, double accuracy,
                 double messagesPerDay, double located) {
    }

    private final RegionSource.Common common;
    private final RegionSource.Region source;
    private final Path data;
    private final TextNormalizer normalizer;
    private final Consumer<String> report;
    private final Consumer<String> progress;

    KurskPack(RegionSource.Common common, RegionSource.Region source, Path data, TextNormalizer normalizer,
              Consumer<String> report, Consumer<String> progress) {
        this.common = common;
        this.source = source;
        this.data = data;
        this.normalizer = normalizer;
        this.report = report;
        this.progress = progress;
    }

    /** {@code rhythmFrom}: the St Petersburg pack, whose rate and weekly rhythm this one is scaled from. */
    Built build(SpbPack.Built rhythmFrom, RegionSource.Settings rhythmSettings) throws IOException {
        RegionSource.Settings settings = source.settings();
        progress.accept("kursk: reading the map " + settings.boundaries() + " and " + settings.municipalityTable());
        Map<String, MunicipalityDraft> municipalities = municipalities();
        progress.accept("kursk: reading " + settings.messages());
        List<LabelledMessage> rows = LabelledData.read(data.resolve(settings.messages()));
        int count = rows.size();
        report.accept("");
        report.accept("== kursk: " + municipalities.size() + " municipalities, " + count + " data rows");

        Map<String, Map<String, String>> categoriesByCode = new LinkedHashMap<>();
        source.categories().forEach(row -> categoriesByCode.put(row.get("code"), row));
        Tally<String> codeCounts = new Tally<>();
        for (LabelledMessage row : rows) {
            if (!categoriesByCode.containsKey(row.category())) {
                throw new IllegalStateException("Category code «" + row.category()
                        + "» of the data is not in regions-source/kursk/categories.csv");
            }
            codeCounts.add(row.category());
        }
        List<String> codes = new ArrayList<>(categoriesByCode.keySet());
        codes.sort(Comparator.comparingInt((String code) -> -codeCounts.get(code)).thenComparingInt(Integer::parseInt));
        List<String> order = codes.stream().map(code -> categoriesByCode.get(code).get("id")).toList();
        List<String> labels = rows.stream().map(row -> categoriesByCode.get(row.category()).get("id")).toList();
        Set<String> withoutKeywords = new LinkedHashSet<>();
        source.categories().stream().filter(row -> row.get("keywords").equals("none"))
                .forEach(row -> withoutKeywords.add(row.get("id")));
        List<String> texts = rows.stream().map(LabelledMessage::text).toList();
        progress.accept("kursk: counting keyword statistics");
        KeywordStatistics statistics = new KeywordStatistics(normalizer, common.stopWords(), common.stopPrefixes());
        Map<String, List<String>> keywords = statistics.derive(texts, labels, order,
                new KeywordStatistics.Curation(source.keywordSeed(), source.keywordDrop(), withoutKeywords,
                        settings::minimumDocuments));
        List<Map<String, Object>> categories = new ArrayList<>();
        for (String code : codes) {
            Map<String, String> category = categoriesByCode.get(code);
            categories.add(PackParts.category(category.get("id"), category.get("name"), code,
                    keywords.get(category.get("id"))));
        }
        categories.add(PackParts.otherCategory());

        String regionJson = PackParts.regionJson(settings, categories, municipalities);
        String geoJson = PackParts.geoJson(settings, municipalities);
        RegionPack pack = PackParts.load(regionJson, geoJson);
        PackParts.checkAliases(municipalities, new NameIndex(pack.region().municipalities()));
        KeywordClassifier classifier = new KeywordClassifier(pack.region().categories(), normalizer);
        PackParts.Evaluation evaluation = PackParts.evaluate(classifier, normalizer, texts, labels);
        report.accept("  keyword classifier on Kursk data: accuracy " + PackJson.fixed(100 * evaluation.accuracy(), 1)
                + "% (n=" + evaluation.messages() + "; " + PackJson.fixed(100 * evaluation.unmatchedShare(), 1)
                + "% matched no keyword -> other)");
        report.accept("    top confusions (true -> predicted): " + String.join("; ", evaluation.confusions().stream()
                .map(confusion -> confusion.getKey() + " " + confusion.getValue()).toList()));

        progress.accept("kursk: finding the municipality of " + count + " messages");
        Gazetteer gazetteer = new Gazetteer(pack.region().municipalities());
        Tally<String> located = new Tally<>();
        int byText = 0;
        int byExecutor = 0;
        for (LabelledMessage row : rows) {
            String municipality = RoutingTableTrainer.municipalityOf(gazetteer, row.text(), row.executor());
            if (municipality == null) {
                continue;
            }
            located.add(municipality);
            if (gazetteer.find(Objects.requireNonNullElse(row.text(), "")).isPresent()) {
                byText++;
            } else {
                byExecutor++;
            }
        }
        int matched = located.total();
        report.accept("  municipality found for " + matched + " of " + count + " messages (text " + byText
                + ", executor " + byExecutor + "); top: " + String.join(", ",
                located.byCountThenKey(Comparator.naturalOrder()).stream().limit(5)
                        .map(place -> place.getKey() + "=" + place.getValue()).toList()));

        double perDay = rhythmFrom.messagesPerDay() * settings.population() / rhythmSettings.population();
        double[] flattened = new double[rhythmFrom.hourOfWeek().size()];
        for (int hour = 0; hour < flattened.length; hour++) {
            flattened[hour] = 0.5 + 0.5 * rhythmFrom.hourOfWeek().get(hour);
        }
        List<DemoFigures.Labelled> topicLabels = new ArrayList<>();
        List<String> profileLabels = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String category = labels.get(index);
            if (!withoutKeywords.contains(category)) {
                topicLabels.add(new DemoFigures.Labelled(category, Objects.requireNonNullElse(rows.get(index).topic(), "")));
                profileLabels.add(category);
            }
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("source", Template.fill(source.demoProfileSource(), Map.of(
                "messages", Integer.toString(count), "population", Long.toString(settings.population()),
                "rhythmPopulation", Long.toString(rhythmSettings.population()),
                "populationSource", settings.populationSource(), "located", Integer.toString(matched),
                "municipalities", Integer.toString(municipalities.size())),
                "regions-source/kursk/demo-profile-source.txt"));
        profile.put("messagesPerDay", PackJson.round(perDay, 1));
        profile.put("hourOfWeek", DemoFigures.meanOne(flattened));
        profile.put("categories", DemoFigures.categoryShares(profileLabels, DemoFigures.topTopics(topicLabels)));
        List<Map<String, Object>> shares = new ArrayList<>();
        for (String id : municipalities.keySet()) {
            Map<String, Object> share = new LinkedHashMap<>();
            share.put("id", id);
            share.put("share", PackJson.round((located.get(id) + 1) / (double) (matched + municipalities.size()), 5));
            shares.add(share);
        }
        profile.put("municipalities", shares);

        Set<String> categoryIds = new LinkedHashSet<>(order);
        categoryIds.add("other");
        RegionSource.checkTemplates(source.demoTemplates(), categoryIds, common.templatePlaceholders().keySet());
        int[] templates = PackParts.templatesInOwnCategory(classifier, normalizer, source.demoTemplates(),
                withoutKeywords);
        report.accept("  categories: " + order.size() + " (+ other); demo templates: "
                + source.demoTemplates().values().stream().mapToInt(List::size).sum()
                + " (keyword classifier puts " + templates[0] + " of " + templates[1]
                + " non-'other' templates in their own category)");

        Map<String, String> files = new LinkedHashMap<>();
        files.put("kursk/region.json", regionJson);
        files.put("kursk/municipalities.geojson", geoJson);
        files.put("kursk/demo-profile.json", PackJson.pretty(profile));
        files.put("kursk/demo-templates.json", PackParts.templatesJson(common.templatePlaceholders(),
                source.demoStreets(), source.demoTemplates()));
        return new Built(files, municipalities.size(), order.size(), evaluation.accuracy(), perDay,
                matched / (double) count);
    }

    /** The map's municipalities with the reference table's aliases and populations and the curated town names. */
    private Map<String, MunicipalityDraft> municipalities() throws IOException {
        RegionSource.Settings settings = source.settings();
        Map<String, Map<String, String>> table = new HashMap<>();
        try (CsvReader csv = CsvReader.open(data.resolve(settings.municipalityTable()))) {
            if (!csv.header().containsAll(TABLE_COLUMNS)) {
                throw new IOException(settings.municipalityTable() + ": expected the columns " + TABLE_COLUMNS);
            }
            for (Map<String, String> row = csv.next(); row != null; row = csv.next()) {
                table.put(row.get("name"), row);
            }
        }
        JsonNode map = new ObjectMapper().readTree(data.resolve(settings.boundaries()).toFile());
        Map<String, MunicipalityDraft> municipalities = new TreeMap<>();
        for (JsonNode feature : map.path("features")) {
            JsonNode properties = feature.path("properties");
            String name = properties.path("name").asText();
            Map<String, String> row = table.get(name);
            if (row == null) {
                throw new IllegalStateException("Municipality «" + name + "» of the map is not in " + settings.municipalityTable());
            }
            String id = properties.path("mo_type").asText().equals("urban_okrug")
                    ? "kursk-gorod-" + common.slug(name)
                    : "kursk-" + common.slug(name.replace(" район", "")) + "-rayon";
            MunicipalityDraft municipality = new MunicipalityDraft(id, name, name.replace(" район", " р-н"),
                    feature.path("geometry"));
            for (String alias : row.get("aliases").split("\\|")) {
                if (!alias.strip().isEmpty()) {
                    municipality.aliases.add(alias.strip());
                }
            }
            if (!properties.path("name_osm").asText("").isEmpty()) {
                municipality.aliases.add(properties.path("name_osm").asText());
            }
            if (!row.get("official_name_pattern").isEmpty()) {
                municipality.aliases.add(row.get("official_name_pattern"));
            }
            municipality.aliases.addAll(source.extraAliases().getOrDefault(name, List.of()));
            municipality.aliases.remove(name);
            double thousands = properties.path("population_thousand").asDouble(0);
            if (thousands == 0 && !row.get("population_thousand").isEmpty()) {
                thousands = Double.parseDouble(row.get("population_thousand"));
            }
            municipality.population = thousands == 0 ? null : (int) Math.rint(thousands * 1000);
            if (municipalities.put(id, municipality) != null) {
                throw new IllegalStateException("Two municipalities of the map have the id " + id);
            }
        }
        for (String name : source.extraAliases().keySet()) {
            if (municipalities.values().stream().noneMatch(municipality -> municipality.name.equals(name))) {
                throw new IllegalStateException("regions-source/kursk/extra-aliases.json names «" + name
                        + "», which is not a municipality of the map");
            }
        }
        return municipalities;
    }
}
