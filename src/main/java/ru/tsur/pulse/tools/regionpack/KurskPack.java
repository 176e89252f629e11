package ru.tsur.pulse.tools.regionpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.tsur.pulse.classify.KeywordClassifier;
import ru.tsur.pulse.csv.CsvReader;
import ru.tsur.pulse.locate.Gazetteer;
import ru.tsur.pulse.locate.NameIndex;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.route.RoutingTableTrainer;
import ru.tsur.pulse.tools.training.LabelledData;
import ru.tsur.pulse.tools.training.LabelledMessage;

import java.io.IOException;
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

    private final PackParts.Inputs inputs;

    KurskPack(PackParts.Inputs inputs) {
        this.inputs = inputs;
    }

    /** {@code rhythmFrom}: the St Petersburg pack, whose rate and weekly rhythm this one is scaled from. */
    Built build(SpbPack.Built rhythmFrom, RegionSource.Settings rhythmSettings) throws IOException {
        RegionSource.Settings settings = inputs.source().settings();
        inputs.progress().accept("kursk: reading the map " + settings.boundaries() + " and " + settings.municipalityTable());
        Map<String, MunicipalityDraft> municipalities = municipalities();
        inputs.progress().accept("kursk: reading " + settings.messages());
        List<LabelledMessage> rows = LabelledData.read(inputs.data().resolve(settings.messages()));
        int count = rows.size();
        inputs.report().accept("");
        inputs.report().accept("== kursk: " + municipalities.size() + " municipalities, " + count + " data rows");

        Map<String, Map<String, String>> categoriesByCode = new LinkedHashMap<>();
        inputs.source().categories().forEach(row -> categoriesByCode.put(row.get("code"), row));
        Tally<String> codeCounts = PackParts.categoryCounts(rows, categoriesByCode.keySet(), code ->
                "Category code «" + code + "» of the data is not in regions-source/kursk/categories.csv");
        List<String> codes = new ArrayList<>(categoriesByCode.keySet());
        codes.sort(Comparator.comparingInt((String code) -> -codeCounts.get(code)).thenComparingInt(Integer::parseInt));
        List<String> order = codes.stream().map(code -> categoriesByCode.get(code).get("id")).toList();
        List<String> labels = rows.stream().map(row -> categoriesByCode.get(row.category()).get("id")).toList();
        Set<String> withoutKeywords = new LinkedHashSet<>();
        inputs.source().categories().stream().filter(row -> row.get("keywords").equals("none"))
                .forEach(row -> withoutKeywords.add(row.get("id")));
        List<String> texts = rows.stream().map(LabelledMessage::text).toList();
        inputs.progress().accept("kursk: counting keyword statistics");
        KeywordStatistics statistics = new KeywordStatistics(inputs.normalizer(), inputs.common().stopWords(), inputs.common().stopPrefixes());
        Map<String, List<String>> keywords = statistics.derive(texts, labels, order,
                new KeywordStatistics.Curation(inputs.source().keywordSeed(), inputs.source().keywordDrop(), withoutKeywords,
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
        KeywordClassifier classifier = new KeywordClassifier(pack.region().categories());
        PackParts.Evaluation evaluation = PackParts.evaluate(classifier, inputs.normalizer(), texts, labels);
        evaluation.report("Kursk").forEach(inputs.report());

        inputs.progress().accept("kursk: finding the municipality of " + count + " messages");
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
        inputs.report().accept("  municipality found for " + matched + " of " + count + " messages (text " + byText
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
        profile.put("source", Template.fill(inputs.source().demoProfileSource(), Map.of(
                "messages", Integer.toString(count), "population", Long.toString(settings.population()),
                "rhythmPopulation", Long.toString(rhythmSettings.population()),
                "populationSource", settings.populationSource(), "located", Integer.toString(matched),
                "municipalities", Integer.toString(municipalities.size())),
                "regions-source/kursk/demo-profile-source.txt"));
        profile.put("messagesPerDay", PackJson.round(perDay, 1));
        profile.put("hourOfWeek", DemoFigures.meanOne(flattened));
        profile.put("categories", DemoFigures.categoryShares(profileLabels, DemoFigures.topTopics(topicLabels)));
        profile.put("municipalities", PackParts.municipalityShares(municipalities.keySet(),
                id -> (located.get(id) + 1) / (double) (matched + municipalities.size())));
        String streetsSource = Template.fill(inputs.source().demoStreetsSource(), Map.of(),
                "regions-source/kursk/demo-streets-source.txt");
        Map<String, String> files = PackParts.files(inputs, order, withoutKeywords, classifier, regionJson, geoJson,
                profile, DemoStreets.json(streetsSource, Map.of()));
        return new Built(files, municipalities.size(), order.size(), evaluation.accuracy(), perDay,
                matched / (double) count);
    }

    /** The map's municipalities with the reference table's aliases and populations and the curated town names. */
    private Map<String, MunicipalityDraft> municipalities() throws IOException {
        RegionSource.Settings settings = inputs.source().settings();
        Map<String, Map<String, String>> table = new HashMap<>();
        try (CsvReader csv = CsvReader.open(inputs.data().resolve(settings.municipalityTable()))) {
            if (!csv.header().containsAll(TABLE_COLUMNS)) {
                throw new IOException(settings.municipalityTable() + ": expected the columns " + TABLE_COLUMNS);
            }
            for (Map<String, String> row = csv.next(); row != null; row = csv.next()) {
                table.put(row.get("name"), row);
            }
        }
        JsonNode map = new ObjectMapper().readTree(inputs.data().resolve(settings.boundaries()).toFile());
        Map<String, MunicipalityDraft> municipalities = new TreeMap<>();
        for (JsonNode feature : map.path("features")) {
            JsonNode properties = feature.path("properties");
            String name = properties.path("name").asText();
            Map<String, String> row = table.get(name);
            if (row == null) {
                throw new IllegalStateException("Municipality «" + name + "» of the map is not in " + settings.municipalityTable());
            }
            String id = properties.path("mo_type").asText().equals("urban_okrug")
                    ? "kursk-gorod-" + inputs.common().slug(name)
                    : "kursk-" + inputs.common().slug(name.replace(" район", "")) + "-rayon";
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
            municipality.aliases.addAll(inputs.source().extraAliases().getOrDefault(name, List.of()));
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
        for (String name : inputs.source().extraAliases().keySet()) {
            if (municipalities.values().stream().noneMatch(municipality -> municipality.name.equals(name))) {
                throw new IllegalStateException("regions-source/kursk/extra-aliases.json names «" + name
                        + "», which is not a municipality of the map");
            }
        }
        return municipalities;
    }
}
