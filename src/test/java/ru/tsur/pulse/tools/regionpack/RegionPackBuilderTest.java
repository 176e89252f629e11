package ru.tsur.pulse.tools.regionpack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The region-pack builder on a tiny fixture ({@code src/test/resources/region-pack-fixture/}): St Petersburg
 * as three squares (two touching, one far away) with nine messages — one named by a name newer than the map,
 * one a few metres outside every square, one named for the square next to the one it lies in — and Kursk as a
 * city square that is a hole in its district, with eight labelled messages. Every output file and the report
 * must equal the expected ones, which were checked by hand (see {@code expected/}): keywords, aliases with
 * «ё» spellings, districts, shares, the weekly rhythm, boundaries rounded to 5 decimals, the demo streets (a
 * street crossing into the neighbouring square counted there; the medoid of three points; a tie of two broken by
 * file order; an address naming no kind of street and a point outside every square skipped), the share of the
 * data's messages whose topic has demo templates.
 */
class RegionPackBuilderTest {

    private static final Path FIXTURE = Path.of("src/test/resources/region-pack-fixture");

    @Test
    void theFixtureBuildsExactlyTheExpectedPacks() throws IOException {
        RegionPackBuilder.Output output = build(FIXTURE.resolve("source"), FIXTURE.resolve("data"));

        assertThat(new TreeMap<>(output.files())).isEqualTo(expectedFiles());
        assertThat(String.join("\n", output.report()) + "\n")
                .isEqualTo(Files.readString(FIXTURE.resolve("expected/report.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
        assertThat(build(FIXTURE.resolve("source"), FIXTURE.resolve("data")).files())
                .isEqualTo(build(FIXTURE.resolve("source"), FIXTURE.resolve("data")).files());
    }

    @Test
    void anAliasTwoMunicipalitiesShareStopsTheBuild(@TempDir Path copy) throws IOException {
        assertThatThrownBy(() -> buildWith(copy, "kursk/extra-aliases.json", "{\"Курск\": [\"Курского района\"]}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Alias «Курского района» of kursk-gorod-kursk is shared with another municipality");
    }

    @Test
    void aDataCategoryWithoutAnIdStopsTheBuild(@TempDir Path copy) throws IOException {
        assertThatThrownBy(() -> buildWith(copy, "spb/categories.csv", "category,id\nБлагоустройство,improvement\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Category «Кровля» of the data has no id: add it to regions-source/spb/categories.csv");
    }

    @Test
    void aTemplatePlaceholderThatIsNotDocumentedStopsTheBuild(@TempDir Path copy) throws IOException {
        assertThatThrownBy(() -> buildWith(copy, "kursk/demo-templates.json",
                "{\"k00-roads\": {\"Ямы на дорогах\": [\"Яма у дома {hosue}\", \"Яма\"]}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder {hosue} in «Яма у дома {hosue}»");
    }

    @Test
    void aTemplateTopicTheDemoProfileDoesNotListStopsTheBuild(@TempDir Path copy) throws IOException {
        assertThatThrownBy(() -> buildWith(copy, "kursk/demo-templates.json",
                "{\"k00-roads\": {\"Ямы\": [\"Яма у дома {house}\", \"Яма\"]}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demo template topic «Ямы» is not a topic of k00-roads in the demo profile");
    }

    @Test
    void aTopicWithOneTemplateStopsTheBuild(@TempDir Path copy) throws IOException {
        assertThatThrownBy(() -> buildWith(copy, "kursk/demo-templates.json",
                "{\"k00-roads\": {\"Ямы на дорогах\": [\"Яма у дома {house}\"]}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demo template topic «Ямы на дорогах» of k00-roads has 1 template(s); at least 2 are needed");
    }

    @Test
    void aTopicWhoseEveryTemplateNamesAStreetStopsTheBuild(@TempDir Path copy) throws IOException {
        assertThatThrownBy(() -> buildWith(copy, "spb/demo-templates.json",
                "{\"roof\": {\"Сосульки\": [\"Сосульки, {street}\", \"Наледь, {street} {house}\"]}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("every demo template of the topic «Сосульки» of roof names a {street}; at least one must do without");
    }

    /** Builds from a copy of the fixture's curated folder in which one file reads {@code content}. */
    private static RegionPackBuilder.Output buildWith(Path copy, String file, String content) throws IOException {
        Path source = copyOf(FIXTURE.resolve("source"), copy.resolve("source"));
        Files.writeString(source.resolve(file), content);
        return build(source, FIXTURE.resolve("data"));
    }

    private static RegionPackBuilder.Output build(Path source, Path data) throws IOException {
        return new RegionPackBuilder(source, data, step -> { }).build();
    }

    private static Map<String, String> expectedFiles() throws IOException {
        Path expected = FIXTURE.resolve("expected");
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(expected)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String name = expected.relativize(file).toString().replace('\\', '/');
                if (!name.equals("report.txt")) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(files).hasSize(11);
        return files;
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }

    static List<String> packFiles() {
        return List.of("README.md", "kursk/demo-profile.json", "kursk/demo-streets.json", "kursk/demo-templates.json",
                "kursk/municipalities.geojson", "kursk/region.json", "spb/demo-profile.json", "spb/demo-streets.json",
                "spb/demo-templates.json", "spb/municipalities.geojson", "spb/region.json");
    }
}
