package ru.tsur.pulse.wall;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.support.BrowserTestBase;
import ru.tsur.pulse.support.WallBrowser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A centre whose region has not been observed for the learning period (here: 14 days, against the test
 * database's half hour of warm-up): the heat map's frames say every municipality learns for 14 more days, and
 * the wall shows it — on the tension map every municipality is hatched instead of coloured by its score, the
 * legend explains the hatch and each municipality's tooltip says «обучение: ещё 14 дн.». Screenshot in
 * {@code target/screenshots/wall-learning-1920x1080.png}.
 */
@QuarkusTest
@TestProfile(WallLearningBrowserTest.Learning.class)
class WallLearningBrowserTest extends BrowserTestBase {

    /** The production learning period on the test profile's minute buckets. */
    public static class Learning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pulse.tension.learning", "14d");
        }
    }

    private static final Duration LOAD = Duration.ofSeconds(20);

    @Inject
    Region region;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = WallBrowser.start(1920, 1080);
    }

    @Test
    void everyMunicipalityIsShownLearningWithItsDaysLeftInsteadOfAColouredScore() throws IOException {
        Map<String, Integer> everyMunicipality14 = new TreeMap<>();
        for (Municipality municipality : region.municipalities()) {
            everyMunicipality14.put(municipality.id(), 14);
        }
        await().atMost(LOAD).untilAsserted(() -> {
            JsonPath snapshot = given().when().get("/api/v1/heatmap?window=24h").then().statusCode(200).extract().jsonPath();
            assertThat(new TreeMap<>(snapshot.<String, Integer>getMap("learning"))).isEqualTo(everyMunicipality14);
        });

        browser.viewport(1920, 1080);
        browser.open(url("/wall/?metric=tension&window=24h"));
        browser.awaitTrue("window.wallState && wallState.streams.heatmap.snapshots > 0"
                + " && document.querySelectorAll('path[data-learning]').length === " + region.municipalities().size(),
                LOAD, "the wall did not mark every municipality as learning");
        Municipality first = region.municipalities().get(0);
        String path = "document.querySelector('path.municipality[data-municipality=\"" + first.id() + "\"]')";
        assertThat(browser.text(path + ".getAttribute('data-learning')")).isEqualTo("14");
        assertThat(browser.text(path + ".getAttribute('fill')"))
                .isEqualTo(browser.text("document.querySelectorAll('path[data-learning]')[1].getAttribute('fill')"));
        assertThat(browser.text(path + ".querySelector('title').textContent")).contains("обучение: ещё 14 дн.");
        assertThat(browser.text("document.querySelector('[data-testid=legend-learning]').textContent"))
                .isEqualTo("обучение: оценки ещё нет");
        browser.screenshot(Path.of("target", "screenshots", "wall-learning-1920x1080.png"));
    }
}
