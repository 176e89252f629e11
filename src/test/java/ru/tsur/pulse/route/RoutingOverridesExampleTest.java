package ru.tsur.pulse.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Route;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.region.RegionModels;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example overrides file the README points control rooms to is valid for Kursk and, laid over the
 * shipped routing table, wins where it matches and explains itself.
 */
class RoutingOverridesExampleTest {

    @Test
    void exampleFileValidatesAndOverridesTheShippedTable() throws Exception {
        RegionPack kursk = RegionPack.load("kursk", new ObjectMapper());
        RoutingOverrides overrides;
        try (Reader reader = Files.newBufferedReader(Path.of("config/routing-overrides.kursk.example.csv"),
                StandardCharsets.UTF_8)) {
            overrides = RoutingOverrides.read(reader, kursk.region());
        }
        assertThat(overrides.rules()).hasSize(3);
        RoutingTable table = RegionModels.routing("kursk").orElseThrow().withOverrides(overrides);
        Route manhole = table.route("Отсутствие люков", "k03-housing-utilities", "kursk-gorod-kursk");
        assertThat(manhole.executor()).isEqualTo("Комитет ЖКХ города Курска");
        assertThat(manhole.deadlineClass()).isEqualTo("urgent");
        assertThat(manhole.rule()).startsWith("override");
        Route elsewhere = table.route("Ямы во дворах", "k03-housing-utilities", "kursk-gorod-kursk");
        assertThat(elsewhere.rule()).doesNotStartWith("override");
    }
}
