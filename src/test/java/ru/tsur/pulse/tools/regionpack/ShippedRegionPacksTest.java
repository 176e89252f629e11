package ru.tsur.pulse.tools.regionpack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region packs in {@code src/main/resources/regions/} are exactly what the builder makes from the curated
 * {@code regions-source/} and the shared reference data ({@code ../shared/data}, see the README): an edit to
 * either side without regenerating fails here. Fails, naming the folder, when the reference data is absent.
 * Takes about 10 s (it reads and classifies all 32,506 messages).
 */
class ShippedRegionPacksTest {

    private static final Path DATA = Path.of("../shared/data");
    private static final Path SHIPPED = Path.of("src/main/resources/regions");

    @Test
    void theShippedPacksAreWhatTheBuilderMakesFromTheSharedData() throws IOException {
        assertThat(DATA).as("the shared reference data folder (../shared/data, see the README) is needed to "
                + "rebuild the region packs").isDirectory();

        RegionPackBuilder.Output output = new RegionPackBuilder(Path.of("regions-source"), DATA, step -> { }).build();

        Map<String, String> shipped = new TreeMap<>();
        for (String name : RegionPackBuilderTest.packFiles()) {
            shipped.put(name, Files.readString(SHIPPED.resolve(name), StandardCharsets.UTF_8));
        }
        assertThat(new TreeMap<>(output.files())).isEqualTo(shipped);
    }
}
