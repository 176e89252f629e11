package ru.tsur.pulse.ingest;

import ru.tsur.pulse.csv.CsvReader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import ru.tsur.pulse.counters.CounterService;
import ru.tsur.pulse.counters.CounterStore;
import ru.tsur.pulse.domain.CountedCell;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.tools.replay.Replay;
import ru.tsur.pulse.tools.replay.ReplayCommand;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first week of the real St Petersburg stream replayed through the API: Redis ends up with exactly
 * the per-municipality counts PostgreSQL has, and at least 99% of rows land in the municipality the
 * portal itself recorded. The replay is the replay command's own ({@code scripts/replay.sh}); the test lives
 * here, not beside it in {@code ru.tsur.pulse.tools}, because bean discovery skips that package, and with it
 * the {@code @QuarkusTest} classes there.
 */
@QuarkusTest
class ReplayWeekIT {

    static final Path SPB = Path.of("../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz");

    @Inject
    Pool pool;
    @Inject
    CounterStore store;
    @Inject
    CounterService counters;
    @Inject
    MunicipalityLocator locator;

    @TestHTTPResource("/")
    URL base;

    @Test
    void firstWeekLandsInTheRightMunicipalitiesAndRedisAgreesWithPostgres() throws Exception {
        assertThat(SPB).as("shared St Petersburg data").exists();
        String url = "http://127.0.0.1:" + base.getPort();
        // The replay posts as the portal did, with a source key an admin made for it (as scripts/keys.sh does).
        String key = io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body("{\"name\":\"replay of the first week\",\"sources\":[\"portal\"]}")
                .when().post("/api/v1/admin/keys").then().statusCode(201).extract().path("key");
        Replay.Summary summary = new Replay(CommandLine.populateCommand(new ReplayCommand(),
                SPB.toString(), "--speed", "max", "--days", "7", "--url", url, "--batch", "500", "--api-key", key).options()).run();
        System.out.println(summary);
        assertThat(summary.sent()).isGreaterThan(1000);
        assertThat(summary.accepted()).isEqualTo(summary.sent());

        await().atMost(Duration.ofSeconds(60)).until(() -> uncounted() == 0);
        assertThat(redisPerMunicipality()).isEqualTo(postgresPerMunicipality());

        Map<String, String> landed = new HashMap<>();
        pool.query("SELECT external_id, municipality_id FROM message WHERE source = 'portal'").execute()
                .await().indefinitely().forEach(row -> landed.put(row.getString("external_id"), row.getString("municipality_id")));
        long rows = 0;
        long same = 0;
        LocalDateTime until = null;
        try (CsvReader csv = CsvReader.open(SPB)) {
            Map<String, String> row;
            while ((row = csv.next()) != null) {
                LocalDateTime createdAt = LocalDateTime.parse(row.get("created_at"));
                if (until == null) {
                    until = createdAt.toLocalDate().plusDays(7).atStartOfDay();
                }
                if (!createdAt.isBefore(until)) {
                    break;
                }
                rows++;
                Optional<String> portalSays = locator.names().find(row.get("municipality"));
                if (portalSays.isPresent() && portalSays.get().equals(landed.get(row.get("id")))) {
                    same++;
                }
            }
        }
        double agreement = (double) same / rows;
        System.out.printf(Locale.ROOT, "replay-week rows=%d same_municipality=%d agreement=%.4f%n", rows, same, agreement);
        assertThat(rows).isEqualTo(summary.sent());
        assertThat(agreement).isGreaterThanOrEqualTo(0.99);
    }

    private long uncounted() {
        return pool.query("SELECT count(*) AS n FROM message WHERE counted_at IS NULL").execute()
                .await().indefinitely().iterator().next().getLong("n");
    }

    private Map<String, Long> redisPerMunicipality() {
        Map<String, Long> totals = new HashMap<>();
        for (CountedCell cell : store.totals(counters.municipalityIds()).await().indefinitely()) {
            totals.merge(cell.municipalityId(), cell.count(), Long::sum);
        }
        return totals;
    }

    private Map<String, Long> postgresPerMunicipality() {
        Map<String, Long> totals = new HashMap<>();
        for (Row row : pool.query("SELECT municipality_id, count(*) AS n FROM message GROUP BY 1").execute()
                .await().indefinitely()) {
            totals.put(row.getString("municipality_id"), row.getLong("n"));
        }
        return totals;
    }
}
