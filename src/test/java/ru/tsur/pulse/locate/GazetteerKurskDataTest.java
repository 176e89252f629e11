package ru.tsur.pulse.locate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.csv.Csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures the gazetteer on the labelled Kursk messages ({@code ../shared/data/kursk/train.csv}): the truth is
 * the municipality the executor's own name gives («Администрация Льговского района» → Льговский район), and the
 * question is how often {@code find(text)} answers (coverage) and how often its answer is that municipality
 * (precision). Prints the figures; skipped when the reference data is not next to the project.
 */
class GazetteerKurskDataTest {

    private static final Path DATA = Path.of("../shared/data/kursk/train.csv");

    private record Labelled(String text, String executor, String truth) {
    }

    private static Gazetteer gazetteer;
    private static List<Labelled> rows;

    @BeforeAll
    static void load() throws IOException {
        assumeTrue(Files.isReadable(DATA), "reference data " + DATA + " not present");
        Region kursk = RegionPack.load("kursk", new ObjectMapper()).region();
        gazetteer = new Gazetteer(kursk.municipalities());
        TextNormalizer normalizer = new TextNormalizer();
        List<Csv.Row> records;
        try (Reader reader = Files.newBufferedReader(DATA, StandardCharsets.UTF_8)) {
            records = Csv.read(reader);
        }
        List<String> header = records.get(0).fields();
        int text = header.indexOf("text");
        int executor = header.indexOf("executor");
        rows = new ArrayList<>();
        for (Csv.Row record : records.subList(1, records.size())) {
            String truth = gazetteer.find(record.get(executor)).map(Gazetteer.Match::municipalityId).orElse(null);
            rows.add(new Labelled(normalizer.normalize(record.get(text)), record.get(executor), truth));
        }
    }

    private record Figures(int rows, int answered, int right) {
        double precision() {
            return answered == 0 ? 0 : right / (double) answered;
        }

        double coverage() {
            return rows == 0 ? 0 : answered / (double) rows;
        }

        @Override
        public String toString() {
            return String.format("%d rows, answered %d (coverage %.1f%%), right %d (precision %.1f%%)",
                    rows, answered, 100 * coverage(), right, 100 * precision());
        }
    }

    private static Figures measure(List<Labelled> subset, Function<String, Optional<String>> locate) {
        int answered = 0;
        int right = 0;
        for (Labelled row : subset) {
            Optional<String> found = locate.apply(row.text());
            if (found.isPresent()) {
                answered++;
                if (found.get().equals(row.truth())) {
                    right++;
                }
            }
        }
        return new Figures(subset.size(), answered, right);
    }

    @Test
    void findsTheExecutorsMunicipalityInTheText() {
        List<Labelled> administrations = rows.stream()
                .filter(row -> row.truth() != null && row.executor().startsWith("Администрация")).toList();
        List<Labelled> municipal = rows.stream().filter(row -> row.truth() != null).toList();
        Function<String, Optional<String>> find = text -> gazetteer.find(text).map(Gazetteer.Match::municipalityId);
        Figures byAdministrations = measure(administrations, find);
        Figures byMunicipalBodies = measure(municipal, find);
        System.out.println("Gazetteer on Kursk, executor = an administration of a district/town/the city: " + byAdministrations);
        System.out.println("Gazetteer on Kursk, executor names a municipality (administrations and city committees): "
                + byMunicipalBodies);
        Function<String, Optional<String>> withPassing = text -> gazetteer.mentions(text).stream()
                .reduce((best, next) -> next.strength().compareTo(best.strength()) > 0 ? next : best)
                .map(mention -> mention.match().municipalityId());
        System.out.println("  if passing mentions («дорога на Курчатов») were answers too: "
                + measure(administrations, withPassing));
        Map<String, Figures> perMunicipality = administrations.stream()
                .collect(Collectors.groupingBy(Labelled::truth, LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).limit(8)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> measure(entry.getValue(), find),
                        (a, b) -> a, LinkedHashMap::new));
        perMunicipality.forEach((id, figures) -> System.out.println("  " + id + ": " + figures));

        assertThat(byAdministrations.rows()).isGreaterThan(800);
        assertThat(byAdministrations.precision()).isGreaterThanOrEqualTo(0.93);
        assertThat(byAdministrations.coverage()).isGreaterThanOrEqualTo(0.15);
        assertThat(byMunicipalBodies.precision()).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void theRuleAmongSeveralMentionsIsTheBestOfTheSimpleOnes() {
        Map<String, Function<List<Gazetteer.Mention>, String>> rules = new LinkedHashMap<>();
        rules.put("first administrative, else first (the rule)", mentions -> mentions.stream()
                .filter(mention -> mention.strength() == Gazetteer.Strength.ADMINISTRATIVE).findFirst()
                .orElse(mentions.get(0)).match().municipalityId());
        rules.put("first", mentions -> mentions.get(0).match().municipalityId());
        rules.put("last", mentions -> mentions.get(mentions.size() - 1).match().municipalityId());
        rules.put("most mentioned", mentions -> mentions.stream()
                .collect(Collectors.groupingBy(mention -> mention.match().municipalityId(), LinkedHashMap::new,
                        Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        rules.put("first that is not the city of Kursk", mentions -> mentions.stream()
                .map(mention -> mention.match().municipalityId()).filter(id -> !id.equals("kursk-gorod-kursk"))
                .findFirst().orElse(mentions.get(0).match().municipalityId()));
        Map<String, Integer> right = new LinkedHashMap<>();
        int cases = 0;
        for (Labelled row : rows) {
            if (row.truth() == null) {
                continue;
            }
            List<Gazetteer.Mention> mentions = gazetteer.mentions(row.text()).stream()
                    .filter(mention -> mention.strength() != Gazetteer.Strength.PASSING).toList();
            if (mentions.stream().map(mention -> mention.match().municipalityId()).distinct().count() < 2) {
                continue;
            }
            cases++;
            rules.forEach((name, rule) -> right.merge(name, rule.apply(mentions).equals(row.truth()) ? 1 : 0,
                    Integer::sum));
        }
        System.out.println("Texts naming two or more municipalities: " + cases + "; right by rule: " + right);
        int ours = right.get("first administrative, else first (the rule)");
        assertThat(right.values()).allMatch(count -> count <= ours);
    }
}
