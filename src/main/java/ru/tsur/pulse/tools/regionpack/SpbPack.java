package ru.tsur.pulse.tools.regionpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import ru.tsur.pulse.classify.KeywordClassifier;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.locate.NameIndex;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.tools.training.LabelledData;
import ru.tsur.pulse.tools.training.LabelledMessage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the St Petersburg pack from a stream of portal messages that each carry a point and the name of
 * their municipality: municipalities from the map (ids and aliases by the naming rules below, spellings the
 * data uses added as aliases, names newer than the map resolved by where their messages lie), categories and
 * keywords from the messages, and a demo profile. Messages are placed the way the service places them
 * ({@link MunicipalityLocator#byCoordinates}); data names are read the way the service reads a municipality
 * hint ({@link NameIndex}).
 */
final class SpbPack {

    private static final Pattern NUMBERED = Pattern.compile("^муниципальный округ N (\\d+)$");
    private static final Pattern TOWN = Pattern.compile("^(город|поселок) (.+)$");
    private static final Pattern OKRUG = Pattern.compile("^муниципальный округ (?:округ )?(.+)$");
    private static final Pattern OKRUG_PREFIX = Pattern.compile("^муниципальный округ\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final double METRES_PER_DEGREE = 111320.0;
    private static final int MISMATCH_PAIRS_LISTED = 8;
    /** Stands for «no municipality» where a place is counted. */
    private static final String NOWHERE = "none";

    /** Where the messages of a data name the map does not know lie: the winner, its count, the top four. */
    private record ByPoints(String id, int inside, List<Map.Entry<String, Integer>> top) {
    }

    /** What the Kursk pack and the README take from this one. */
    record Built(Map<String, String> files, List<Double> hourOfWeek, double messagesPerDay, int municipalities,
                 int categories, double agreement, double accuracy, List<Double> mismatchDistances,
                 List<Map.Entry<String, Integer>> mismatchPairs, List<String> newNames) {
    }

    private final PackParts.Inputs inputs;

    SpbPack(PackParts.Inputs inputs) {
        this.inputs = inputs;
    }

    Built build() throws IOException {
        RegionSource.Settings settings = inputs.source().settings();
        inputs.progress().accept("spb: reading the map " + settings.boundaries());
        Map<String, MunicipalityDraft> municipalities = municipalitiesFromMap(inputs.data().resolve(settings.boundaries()));
        String geoJson = PackParts.geoJson(settings, municipalities);
        RegionPack mapOnly = PackParts.load(PackParts.regionJson(settings, List.of(), municipalities), geoJson);
        MunicipalityLocator locator = new MunicipalityLocator(mapOnly);
        NameIndex mapNames = new NameIndex(mapOnly.region().municipalities());

        inputs.progress().accept("spb: reading " + settings.messages());
        List<LabelledMessage> rows = LabelledData.read(inputs.data().resolve(settings.messages()));
        int count = rows.size();
        inputs.report().accept("");
        inputs.report().accept("== spb: " + municipalities.size() + " municipalities, " + count + " data rows");

        inputs.progress().accept("spb: locating " + count + " messages by their points");
        List<String> located = new ArrayList<>(count);
        int insideNone = 0;
        int placedByNearest = 0;
        for (LabelledMessage row : rows) {
            boolean inside = locator.containing(row.lat(), row.lon()).isPresent();
            String place = locator.byCoordinates(row.lat(), row.lon()).orElse(null);
            if (!inside) {
                insideNone++;
                placedByNearest += place == null ? 0 : 1;
            }
            located.add(place);
        }

        // data name → map id: by name where the service's name index knows it, else by where its messages lie
        Tally<String> dataNames = new Tally<>();
        rows.forEach(row -> dataNames.add(row.municipality()));
        Map<String, String> resolved = new TreeMap<>();
        Map<String, ByPoints> byPoints = new TreeMap<>();
        for (String dataName : new TreeSet<>(dataNames.keys())) {
            mapNames.find(dataName).ifPresent(id -> resolved.put(dataName, id));
        }
        for (String dataName : new TreeSet<>(dataNames.keys())) {
            if (resolved.containsKey(dataName)) {
                continue;
            }
            Tally<String> places = new Tally<>();
            for (int index = 0; index < count; index++) {
                if (rows.get(index).municipality().equals(dataName)) {
                    places.add(Objects.requireNonNullElse(located.get(index), NOWHERE));
                }
            }
            Map.Entry<String, Integer> best = places.byCountThenKey(Comparator.naturalOrder()).get(0);
            if (best.getKey().equals(NOWHERE)) {
                throw new IllegalStateException("Most messages named «" + dataName + "» lie outside every municipality");
            }
            byPoints.put(dataName, new ByPoints(best.getKey(), best.getValue(), places.mostCommon(4)));
            resolved.put(dataName, best.getKey());
        }
        List<String> newNames = new ArrayList<>();
        for (Map.Entry<String, ByPoints> entry : byPoints.entrySet()) {
            ByPoints where = entry.getValue();
            MunicipalityDraft municipality = municipalities.get(where.id());
            List<String> next = where.top().subList(1, where.top().size()).stream()
                    .map(place -> place.getKey() + "=" + place.getValue()).toList();
            inputs.report().accept("  new name '" + entry.getKey() + "' -> " + where.id() + " (" + municipality.name + "): "
                    + where.inside() + " of its " + dataNames.get(entry.getKey())
                    + " rows fall inside that polygon; next: " + (next.isEmpty() ? "-" : String.join(", ", next)));
            newNames.add("  - «" + entry.getKey() + "» → `" + where.id() + "` (" + municipality.name + "): "
                    + where.inside() + " of " + dataNames.get(entry.getKey()) + " rows inside that polygon");
        }
        resolved.forEach((dataName, id) -> {
            MunicipalityDraft municipality = municipalities.get(id);
            String verbatim = SPACES.matcher(dataName).replaceAll(" ").strip();
            if (!verbatim.equals(municipality.name)) {
                municipality.aliases.add(verbatim);
            }
            if (byPoints.containsKey(dataName)) {
                String base = OKRUG_PREFIX.matcher(dataName).replaceFirst("").strip();
                municipality.aliases.addAll(List.of(base, "МО " + base, "муниципальный округ " + base, "округ " + base));
            }
        });

        // district: the city district most of a municipality's located messages name
        Map<String, Tally<String>> districts = new HashMap<>();
        for (int index = 0; index < count; index++) {
            if (located.get(index) != null) {
                districts.computeIfAbsent(located.get(index), id -> new Tally<>()).add(rows.get(index).district());
            }
        }
        for (MunicipalityDraft municipality : municipalities.values()) {
            Tally<String> tally = districts.get(municipality.id);
            municipality.district = tally == null ? null
                    : tally.byCountThenKey(Comparator.naturalOrder()).get(0).getKey();
            Set<String> withYo = withYoSpellings(municipality.aliases);
            municipality.aliases.addAll(withYo);
            municipality.aliases.remove(municipality.name);
        }

        // categories and keywords
        Map<String, String> idsByDataCategory = new LinkedHashMap<>();
        inputs.source().categories().forEach(row -> idsByDataCategory.put(row.get("category"), row.get("id")));
        Tally<String> categoryCounts = PackParts.categoryCounts(rows, idsByDataCategory.keySet(), category ->
                "Category «" + category + "» of the data has no id: add it to regions-source/spb/categories.csv");
        List<String> dataCategories = categoryCounts.byCountThenKey(Comparator.naturalOrder()).stream()
                .map(Map.Entry::getKey).toList();
        List<String> order = dataCategories.stream().map(idsByDataCategory::get).toList();
        List<String> labels = rows.stream().map(row -> idsByDataCategory.get(row.category())).toList();
        List<String> texts = rows.stream().map(LabelledMessage::text).toList();
        inputs.progress().accept("spb: counting keyword statistics");
        KeywordStatistics statistics = new KeywordStatistics(inputs.normalizer(), inputs.common().stopWords(), inputs.common().stopPrefixes());
        Map<String, List<String>> keywords = statistics.derive(texts, labels, order,
                new KeywordStatistics.Curation(inputs.source().keywordSeed(), inputs.source().keywordDrop(), Set.of(),
                        inputs.source().settings()::minimumDocuments));
        List<Map<String, Object>> categories = new ArrayList<>();
        for (String dataCategory : dataCategories) {
            String id = idsByDataCategory.get(dataCategory);
            categories.add(PackParts.category(id, dataCategory, null, keywords.get(id)));
        }
        categories.add(PackParts.otherCategory());

        String regionJson = PackParts.regionJson(settings, categories, municipalities);
        RegionPack pack = PackParts.load(regionJson, geoJson);
        NameIndex names = new NameIndex(pack.region().municipalities());
        PackParts.checkAliases(municipalities, names);

        // the data's municipality column, read as the service reads a name, against the place of the point
        int agree = 0;
        int agreeInside = 0;
        Tally<String> mismatchPairs = new Tally<>();
        List<Double> mismatchDistances = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            LabelledMessage row = rows.get(index);
            String named = names.find(row.municipality()).orElseThrow(() ->
                    new IllegalStateException("The pack's names do not find «" + row.municipality() + "»"));
            String place = located.get(index);
            if (named.equals(place)) {
                agree++;
            } else {
                mismatchPairs.add(named + " -> " + Objects.requireNonNullElse(place, NOWHERE));
                mismatchDistances.add(metresToBoundary(pack.boundaries().get(named), row.lon(), row.lat()));
            }
            if (named.equals(locator.containing(row.lat(), row.lon()).orElse(null))) {
                agreeInside++;
            }
        }
        mismatchDistances.sort(Comparator.naturalOrder());
        inputs.report().accept("  rows inside no polygon: " + insideNone + " (placed on the nearest boundary within "
                + "the locator's tolerance: " + placedByNearest + ")");
        inputs.report().accept("  name-vs-coordinates agreement: " + agree + " / " + count + " = "
                + PackJson.fixed(100.0 * agree / count, 2) + "% (inside the polygon only: "
                + PackJson.fixed(100.0 * agreeInside / count, 2) + "%)");
        if (!mismatchDistances.isEmpty()) {
            inputs.report().accept("  mismatched rows: " + mismatchDistances.size() + "; distance to the polygon named in the data: median "
                    + PackJson.fixed(median(mismatchDistances), 0) + " m, " + within(mismatchDistances, 100)
                    + " within 100 m, max " + PackJson.fixed(mismatchDistances.get(mismatchDistances.size() - 1), 0) + " m");
        }
        inputs.report().accept("  main mismatch pairs (name column -> polygon by coordinates):");
        for (Map.Entry<String, Integer> pair : mismatchPairs.mostCommon(12)) {
            inputs.report().accept(String.format("    %4d  %s", pair.getValue(), pair.getKey()));
        }
        inputs.report().accept("  municipalities with no data rows (district=null): " + String.join(", ",
                municipalities.values().stream().filter(municipality -> municipality.district == null)
                        .map(municipality -> municipality.id).toList()));

        KeywordClassifier classifier = new KeywordClassifier(pack.region().categories());
        inputs.progress().accept("spb: measuring the keyword classifier on " + count + " messages");
        PackParts.Evaluation evaluation = PackParts.evaluate(classifier, inputs.normalizer(), texts, labels);
        evaluation.report("SPb").forEach(inputs.report());

        // demo profile: counts only
        double[] hourOfWeek = new double[168];
        TreeSet<LocalDate> days = new TreeSet<>();
        for (LabelledMessage row : rows) {
            hourOfWeek[(row.createdAt().getDayOfWeek().getValue() - 1) * 24 + row.createdAt().getHour()]++;
            days.add(row.createdAt().toLocalDate());
        }
        LocalDate first = days.first();
        LocalDate last = days.last();
        int spanDays = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        double perDay = count / (double) spanDays;
        List<Double> rhythm = DemoFigures.meanOne(hourOfWeek);
        List<DemoFigures.Labelled> topicLabels = new ArrayList<>(count);
        for (LabelledMessage row : rows) {
            topicLabels.add(new DemoFigures.Labelled(idsByDataCategory.get(row.category()), Objects.requireNonNullElse(row.topic(), "")));
        }
        Tally<String> locatedCounts = new Tally<>();
        located.stream().filter(Objects::nonNull).forEach(locatedCounts::add);
        int locatedTotal = locatedCounts.total();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("source", Template.fill(inputs.source().demoProfileSource(), Map.of(
                "file", Path.of(settings.messages()).getFileName().toString(),
                "messages", Integer.toString(count), "first", first.toString(), "last", last.toString(),
                "days", Integer.toString(spanDays), "located", Integer.toString(locatedTotal)),
                "regions-source/spb/demo-profile-source.txt"));
        profile.put("messagesPerDay", PackJson.round(perDay, 1));
        profile.put("hourOfWeek", rhythm);
        profile.put("categories", DemoFigures.categoryShares(labels, DemoFigures.topTopics(topicLabels)));
        profile.put("municipalities", PackParts.municipalityShares(municipalities.keySet(),
                id -> locatedCounts.get(id) / (double) locatedTotal));
        inputs.progress().accept("spb: deriving the demo streets from the addresses of " + settings.messages());
        DemoStreets.Derived streets = DemoStreets.derive(inputs.data().resolve(settings.messages()), pack);
        inputs.report().accept("  demo streets: " + streets.streets() + " in " + streets.byMunicipality().size()
                + " of " + municipalities.size() + " municipalities, from the " + streets.placed() + " rows whose"
                + " address names a street and whose point lies inside a boundary (of " + streets.rows() + " rows; "
                + streets.withStreet() + " name a street)");
        String streetsSource = Template.fill(inputs.source().demoStreetsSource(), Map.of(
                "file", Path.of(settings.messages()).getFileName().toString(),
                "rows", Integer.toString(streets.rows()), "withStreet", Integer.toString(streets.withStreet()),
                "placed", Integer.toString(streets.placed()), "most", Integer.toString(DemoStreets.MOST_PER_MUNICIPALITY)),
                "regions-source/spb/demo-streets-source.txt");
        Map<String, String> files = PackParts.files(inputs, order, Set.of(), classifier, regionJson, geoJson, profile,
                DemoStreets.json(streetsSource, streets.byMunicipality()));
        return new Built(files, rhythm, perDay, municipalities.size(), order.size(), agree / (double) count,
                evaluation.accuracy(), List.copyOf(mismatchDistances),
                mismatchPairs.mostCommon(MISMATCH_PAIRS_LISTED), newNames);
    }

    static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    static long within(List<Double> distances, double metres) {
        return distances.stream().filter(distance -> distance <= metres).count();
    }

    /** The municipalities of the map, keyed and ordered by id; aliases from the naming rules. */
    private Map<String, MunicipalityDraft> municipalitiesFromMap(Path boundaries) throws IOException {
        JsonNode map = new ObjectMapper().readTree(boundaries.toFile());
        Map<String, MunicipalityDraft> municipalities = new TreeMap<>();
        for (JsonNode feature : map.path("features")) {
            String name = feature.path("properties").path("name").asText();
            MunicipalityDraft municipality = record(name, feature.path("geometry"));
            if (municipalities.put(municipality.id, municipality) != null) {
                throw new IllegalStateException("Two municipalities of the map have the id " + municipality.id);
            }
        }
        return municipalities;
    }

    /**
     * Id, short name and aliases from a map name: «муниципальный округ N 65» → {@code spb-mo-65}, «МО №65»;
     * «город Колпино» → {@code spb-kolpino}, «Колпино», «г. Колпино»; «муниципальный округ Гражданка» →
     * {@code spb-grazhdanka}, «Гражданка», «МО Гражданка», «округ Гражданка».
     */
    private MunicipalityDraft record(String name, JsonNode geometry) {
        Matcher numbered = NUMBERED.matcher(name);
        if (numbered.matches()) {
            String number = numbered.group(1);
            MunicipalityDraft municipality = new MunicipalityDraft("spb-mo-" + number, name, "МО №" + number, geometry);
            municipality.aliases.addAll(List.of("муниципальный округ №" + number, "муниципальный округ № " + number,
                    "МО №" + number, "МО № " + number, "МО " + number, "МО N " + number, "округ №" + number,
                    "муниципальный округ " + number));
            return municipality;
        }
        Matcher town = TOWN.matcher(name);
        if (town.matches()) {
            String base = town.group(2);
            MunicipalityDraft municipality = new MunicipalityDraft("spb-" + inputs.common().slug(base), name, base, geometry);
            municipality.aliases.add(base);
            if (town.group(1).equals("город")) {
                municipality.aliases.addAll(List.of("г. " + base, "г." + base));
            } else {
                municipality.aliases.addAll(List.of("пос. " + base, "п. " + base, "посёлок " + base));
            }
            return municipality;
        }
        Matcher okrug = OKRUG.matcher(name);
        if (!okrug.matches()) {
            throw new IllegalStateException("Unexpected municipality name on the map: " + name);
        }
        String base = okrug.group(1);
        MunicipalityDraft municipality = new MunicipalityDraft("spb-" + inputs.common().slug(base), name, base, geometry);
        municipality.aliases.addAll(List.of(base, "МО " + base, "муниципальный округ " + base));
        if (!base.endsWith(" округ")) {
            municipality.aliases.add("округ " + base);
        }
        return municipality;
    }

    /** Each alias also spelled with «ё» where the curated list says the name has one (Черная → Чёрная). */
    private Set<String> withYoSpellings(Set<String> aliases) {
        Set<String> spelled = new LinkedHashSet<>();
        for (String alias : aliases) {
            String withYo = alias;
            for (Map.Entry<String, String> word : inputs.source().yoSpellings().entrySet()) {
                withYo = Pattern.compile("\\b" + Pattern.quote(word.getKey()) + "\\b", Pattern.UNICODE_CHARACTER_CLASS)
                        .matcher(withYo).replaceAll(Matcher.quoteReplacement(word.getValue()));
            }
            spelled.add(withYo);
        }
        return spelled;
    }

    /**
     * Metres from a point to a boundary line (every ring), on a local equirectangular projection at the point's
     * latitude: a measure for the README, not a placing decision.
     */
    static double metresToBoundary(Geometry boundary, double lon, double lat) {
        double metresPerDegreeLongitude = Math.cos(Math.toRadians(lat)) * METRES_PER_DEGREE;
        AffineTransformation projection = AffineTransformation.scaleInstance(metresPerDegreeLongitude, METRES_PER_DEGREE);
        Geometry projected = projection.transform(boundary.getBoundary());
        Coordinate point = new Coordinate(lon * metresPerDegreeLongitude, lat * METRES_PER_DEGREE);
        return projected.distance(projected.getFactory().createPoint(point));
    }

}
