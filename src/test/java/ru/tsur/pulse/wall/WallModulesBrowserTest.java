package ru.tsur.pulse.wall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.BrowserTestBase;
import ru.tsur.pulse.support.WallBrowser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wall is ES modules loaded without a bundler ({@code wall.js} imports {@code modules/*.mjs}): every
 * module file is loaded by the page, none it asks for is missing, and each is sent as JavaScript (a browser
 * refuses a module of any other type) and revalidated at every load like the other page assets
 * ({@code access.PageAssetCaching}), so a kiosk never runs a new {@code wall.js} against old modules.
 */
@QuarkusTest
class WallModulesBrowserTest extends BrowserTestBase {

    private static final Path MODULES = Path.of("src/main/resources/META-INF/resources/wall/modules");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = WallBrowser.start(1920, 1080);
    }

    @Test
    void everyModuleIsLoadedAsJavaScriptAndRevalidated() throws IOException {
        browser.open(url("/wall/"));
        browser.awaitTrue("window.wallState && wallState.municipalities > 0", Duration.ofSeconds(30), "the wall did not load");
        String answers = browser.text("""
                Promise.all(performance.getEntriesByType('resource').map(entry => new URL(entry.name).pathname)
                    .filter(path => /^\\/wall\\/.*\\.m?js$/.test(path))
                    .map(path => fetch(path, {cache: 'no-store'}).then(r => ({path: path,
                      served: r.status + ' ' + r.headers.get('Content-Type') + ' ' + r.headers.get('Cache-Control')
                        + (r.headers.get('Last-Modified') ? ' with Last-Modified' : ' without Last-Modified')}))))
                  .then(list => JSON.stringify(list))""");
        Map<String, String> served = new TreeMap<>();
        for (JsonNode answer : JSON.readTree(answers)) {
            served.put(answer.path("path").asText(), answer.path("served").asText());
        }

        String asExpected = "200 text/javascript;charset=UTF-8 no-cache with Last-Modified";
        Map<String, String> expected = new TreeMap<>();
        expected.put("/wall/wall.js", asExpected);
        try (Stream<Path> files = Files.list(MODULES)) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".mjs"))
                    .forEach(name -> expected.put("/wall/modules/" + name, asExpected));
        }
        assertThat(served).isEqualTo(expected);
    }
}
