package ru.tsur.pulse.wall;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.support.BrowserTestBase;
import ru.tsur.pulse.support.WallBrowser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wall uses its screen, fed a crowded day (src/test/resources/wall/crowded-wall.js: 170 alerts, forty
 * tension points, forty executors, forty messages) through its own code after detaching it from the live
 * service: at 3840×2160 every list shows more rows than at 1920×1080 on the same data, and «и ещё N» counts
 * the rest; no alert's place or category is cut; every number is written one way (decimal comma, narrow
 * no-break space between thousands); the last-hour figure of the dynamics panel is the map's own; points
 * with a score of 0 are not listed. Screenshots of both sizes go to {@code target/screenshots/}.
 */
@QuarkusTest
class WallScreenBrowserTest extends BrowserTestBase {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String WHOLE_REGION = "весь регион";

    @Inject
    Region region;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = WallBrowser.start(1920, 1080);
    }

    /** Opens the wall at the size, detaches it and feeds it the crowded day; returns what the fixture fed. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> crowdedWall(int width, int height, String query) throws IOException {
        browser.viewport(width, height);
        browser.open(url("/wall/" + query));
        browser.awaitTrue("window.wallState && wallState.municipalities > 0 && wallState.streams.heatmap.snapshots > 0",
                Duration.ofSeconds(20), "the wall did not load");
        browser.script("wallHooks.detach();");
        List<Map<String, String>> categories = region.categories().stream()
                .map(category -> Map.of("id", category.id(), "name", category.name())).toList();
        Map<String, String> shortNames = region.municipalities().stream()
                .collect(Collectors.toMap(Municipality::id, Municipality::shortName));
        Map<String, Object> fed = (Map<String, Object>) browser.asyncScript(fixture(), categories, shortNames);
        assertThat(((Number) fed.get("municipalities")).intValue()).isEqualTo(region.municipalities().size());
        return fed;
    }

    private static String fixture() throws IOException {
        try (InputStream in = WallScreenBrowserTest.class.getResourceAsStream("/wall/crowded-wall.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The figure after a label's colon («за 1 час: 1 752» → 1752), digits grouped by a narrow no-break space. */
    private static long figureOf(String text) {
        return Long.parseLong(text.substring(text.lastIndexOf(": ") + 2).replace("\u202f", ""));
    }

    /**
     * The rows of each list that are wholly visible (not hidden, inside their panel), and what each list's
     * «и ещё N» line counts (0 when it is not shown).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Long> visibleRows() {
        Map<String, Object> counted = (Map<String, Object>) browser.script("""
                function visible(node) {
                  if (node.closest('[hidden]')) return false;
                  const box = node.getBoundingClientRect();
                  const panel = node.closest('.panel').getBoundingClientRect();
                  return box.height > 0 && box.top >= panel.top - 1 && box.bottom <= panel.bottom + 1;
                }
                const rows = selector => Array.from(document.querySelectorAll(selector)).filter(visible).length;
                const more = id => {
                  const line = document.querySelector('[data-testid=' + id + ']');
                  return line.hidden ? 0 : Number(line.textContent.replace(/[^0-9]/g, ''));
                };
                return {
                  alerts: rows('[data-testid=alert-list] > li'), alertsMore: more('alerts-more'),
                  tension: rows('[data-testid=tension-list] > li'), tensionMore: more('tension-more'),
                  deadlines: rows('[data-testid=deadline-table] tbody tr'), deadlinesMore: more('deadlines-more'),
                  feed: rows('[data-testid=feed] > li'),
                  labels: rows('svg[data-testid=map] .label')
                };""");
        Map<String, Long> rows = new LinkedHashMap<>();
        counted.forEach((list, count) -> rows.put(list, ((Number) count).longValue()));
        return rows;
    }

    @Test
    void aFourKWallShowsMoreOfEveryListThanAFullHdOneOnTheSameData() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Map<String, Object> fed = crowdedWall(1920, 1080, "?metric=tension&window=24h");
        Map<String, Long> fullHd = visibleRows();
        browser.screenshot(SCREENSHOTS.resolve("wall-1920x1080.png"));
        crowdedWall(3840, 2160, "?metric=tension&window=24h");
        Map<String, Long> fourK = visibleRows();
        browser.screenshot(SCREENSHOTS.resolve("wall-3840x2160.png"));
        System.out.printf("visible rows at 1920×1080 %s, at 3840×2160 %s%n", fullHd, fourK);

        for (String list : List.of("alerts", "tension", "deadlines", "feed", "labels")) {
            assertThat(fourK.get(list)).as("%s at 3840×2160 against 1920×1080 (%s)", list, fullHd.get(list))
                    .isGreaterThan(fullHd.get(list));
            assertThat(fullHd.get(list)).as("%s at 1920×1080", list).isGreaterThanOrEqualTo(3);
        }
        long topAlerts = ((Number) fed.get("topAlerts")).longValue();
        long points = ((Number) fed.get("tensionPoints")).longValue();
        long executors = ((Number) fed.get("executors")).longValue();
        for (Map<String, Long> rows : List.of(fullHd, fourK)) {
            assertThat(rows.get("alerts") + rows.get("alertsMore")).as("alerts shown and counted").isEqualTo(topAlerts);
            assertThat(rows.get("tension") + rows.get("tensionMore")).as("tension points shown and counted (score above 0)").isEqualTo(points);
            assertThat(rows.get("deadlines") + rows.get("deadlinesMore")).as("executors shown and counted").isEqualTo(executors);
        }
        assertThat(Files.size(SCREENSHOTS.resolve("wall-1920x1080.png"))).isGreaterThan(50_000);
        assertThat(Files.size(SCREENSHOTS.resolve("wall-3840x2160.png"))).isGreaterThan(50_000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void noAlertTitleHidesItsPlaceOrCategory() throws IOException {
        Map<String, String> categoryNames = region.categories().stream().collect(Collectors.toMap(Category::id, Category::name));
        Map<String, String> shortNames = region.municipalities().stream().collect(Collectors.toMap(Municipality::id, Municipality::shortName));
        for (int[] size : new int[][] {{1920, 1080}, {3840, 2160}}) {
            crowdedWall(size[0], size[1], "?metric=tension&window=24h");
            List<Map<String, Object>> shown = (List<Map<String, Object>>) browser.script("""
                    return Array.from(document.querySelectorAll('[data-testid=alert-list] > li'))
                      .filter(li => !li.hidden).map(li => {
                        const alert = wallState.alerts.get(li.dataset.alertId);
                        const title = li.querySelector('[data-testid=alert-title]');
                        const subject = li.querySelector('[data-testid=alert-subject]');
                        const place = li.querySelector('[data-testid=alert-place]');
                        const box = li.getBoundingClientRect();
                        const list = li.parentNode.getBoundingClientRect();
                        const inside = node => !node || Array.from(node.getClientRects()).every(r =>
                          r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1
                          && r.top >= list.top - 1 && r.bottom <= list.bottom + 1);
                        return {kind: alert.kind, scope: alert.labels.scope || '', municipality: alert.labels.municipality || '',
                          category: alert.labels.category || '', subject: subject.textContent, place: place ? place.textContent : '',
                          clipped: title.scrollWidth > title.clientWidth + 1 || title.scrollHeight > title.clientHeight + 1,
                          inside: inside(subject) && inside(place)};
                      });""");
            assertThat(shown).as("alerts shown at %dx%d", size[0], size[1]).hasSizeGreaterThanOrEqualTo(3);
            assertThat(shown).filteredOn(alert -> "tension".equals(alert.get("kind"))).isNotEmpty();
            for (Map<String, Object> alert : shown) {
                assertThat(alert.get("clipped")).as("title clipped: %s", alert).isEqualTo(false);
                assertThat(alert.get("inside")).as("place or subject outside its row: %s", alert).isEqualTo(true);
                if ("tension".equals(alert.get("kind"))) {
                    assertThat((String) alert.get("subject")).as("the category leads the subject: %s", alert)
                            .startsWith(categoryNames.get((String) alert.get("category")));
                    assertThat(alert.get("place")).as("the scope is the place: %s", alert).isEqualTo("region".equals(alert.get("scope"))
                            ? WHOLE_REGION : shortNames.get((String) alert.get("municipality")));
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyNumberOnTheWallIsWrittenOneWay() throws IOException {
        crowdedWall(1920, 1080, "?metric=count&window=24h");
        Map<String, Object> scan = (Map<String, Object>) browser.script("""
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const wrong = [], resident = [];
                let grouped = 0, decimals = 0;
                while (walker.nextNode()) {
                  const text = walker.currentNode.nodeValue;
                  const parent = walker.currentNode.parentElement;
                  // Not figures: the map's licence («ODbL 1.0»).
                  if (!parent || parent.closest('script, noscript, [data-testid=attribution]')) continue;
                  if (parent.closest('.feed-text')) { resident.push(text); continue; }  // residents' own words, as written
                  if (/\\d\\.\\d/.test(text) || /\\d[ \\u00a0\\u2009]\\d{3}(?!\\d)/.test(text)) wrong.push(text);
                  if (/\\d\\u202f\\d{3}/.test(text)) grouped++;
                  if (/\\d,\\d/.test(text)) decimals++;
                }
                return {wrong, grouped, decimals, residentDecimals: resident.filter(t => /\\d\\.\\d/.test(t)).length};""");
        assertThat((List<String>) scan.get("wrong")).as("texts with a decimal point or another thousands separator").isEmpty();
        assertThat(((Number) scan.get("grouped")).longValue()).as("texts with grouped thousands").isPositive();
        assertThat(((Number) scan.get("decimals")).longValue()).as("texts with a decimal comma").isPositive();
        assertThat(((Number) scan.get("residentDecimals")).longValue()).as("residents' texts are shown as written").isPositive();
    }

    @Test
    void theLastHourFigureOfTheDynamicsPanelIsTheMapsOwn() throws IOException {
        crowdedWall(1920, 1080, "?metric=count&window=1h");
        String latest = "document.querySelector('[data-testid=dynamics-latest]')";
        assertThat(browser.text(latest + ".dataset.source")).isEqualTo("heatmap");
        assertThat(browser.text(latest + ".textContent"))
                .isEqualTo("за 1 час: " + browser.text("document.querySelector('[data-testid=total-count]').textContent"));
        assertThat(figureOf(browser.text(latest + ".textContent"))).isPositive();

        String chosen = region.municipalities().get(5).id();
        browser.script("wallState.selected = arguments[0]; wallHooks.dynamics([{at: new Date().toISOString(), observed: 999999,"
                + " expected: 1, upper: 2}]);", chosen);
        long count = browser.number("Number(document.querySelector('path.municipality[data-municipality=\"" + chosen + "\"]').dataset.count)");
        assertThat(browser.text(latest + ".textContent")).startsWith("за 1 час: ");
        assertThat(figureOf(browser.text(latest + ".textContent"))).isEqualTo(count);

        // Another window: the chart's last bucket, named by its start, not a last-hour total.
        crowdedWall(1920, 1080, "?metric=count&window=24h");
        assertThat(browser.text(latest + ".dataset.source")).isEqualTo("dynamics");
        assertThat(browser.text(latest + ".textContent")).matches("с \\d{2}:\\d{2}: [0-9\u202f]+");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pointsWithAScoreOfZeroAreNotListed() throws IOException {
        Map<String, Object> fed = crowdedWall(1920, 1080, "?metric=tension&window=24h");
        assertThat(browser.number("document.querySelectorAll('[data-testid=tension-list] > li').length"))
                .as("rows drawn (shown or counted), of the forty points answered").isEqualTo(((Number) fed.get("tensionPoints")).longValue());
        List<String> scores = (List<String>) browser.script("return Array.from(document.querySelectorAll("
                + "'[data-testid=tension-list] > li:not(.learning) .tension-score')).map(badge => badge.textContent);");
        assertThat(scores).isNotEmpty().allSatisfy(score -> assertThat(Integer.parseInt(score)).isBetween(1, 100));
    }

    /**
     * The forecast view: the map coloured by the messages expected in the next 7 days, and «Прогноз на 7 дней»
     * in the tension panel's place listing the pairs expected to rise (thirty of the forty answered; ten fall),
     * shown and counted, the first with its rise, interval and last week in the wall's number format.
     * Screenshot: target/screenshots/wall-forecast.png (docs/wall-forecast.png in the README).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theForecastViewColoursTheMapByTheWeekAheadAndListsTheRises() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        crowdedWall(1920, 1080, "?metric=forecast&window=7d");
        List<String> ids = region.municipalities().stream().map(Municipality::id).toList();
        List<String> categories = region.categories().stream().map(Category::id).toList();
        browser.script("""
                const ids = arguments[0], categories = arguments[1];
                const municipalities = ids.map((id, i) => ({municipality: id, expected: (i % 17) * 9.75 + 0.42,
                  median: (i % 17) * 10, low: (i % 17) * 7, high: (i % 17) * 13 + 1, lastWeek: (i % 13) * 9}));
                const series = [];
                for (let i = 0; i < 40; i++) {
                  const rising = i < 30;
                  const expected = rising ? 1120 - 3 * i + 0.25 : 5, lastWeek = rising ? 1060 - i : 10;
                  series.push({municipality: ids[i % ids.length], category: categories[i % categories.length],
                    expected, median: Math.round(expected), low: Math.round(expected * 0.8), high: Math.round(expected * 1.25),
                    lastWeek, rise: expected - lastWeek, days: []});
                }
                wallHooks.forecast({status: 200, body: {firstDay: '2026-12-04', lastDay: '2026-12-10', learning: false,
                  learningDaysLeft: null, coverage: 0.8, series, municipalities, categories: []}});""", ids, categories);
        browser.awaitTrue("document.querySelector('[data-testid=map-title]').textContent === 'Прогноз на 7 дней'",
                Duration.ofSeconds(5), "the map did not switch to the forecast");
        try {
            Thread.sleep(1000); // the fills' 0.6 s transition, for the screenshot
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        browser.screenshot(SCREENSHOTS.resolve("wall-forecast.png"));

        assertThat(browser.text("String(document.querySelector('[data-testid=forecast-panel]').hidden)")).isEqualTo("false");
        assertThat(browser.text("String(document.querySelector('[data-testid=tension-panel]').hidden)")).isEqualTo("true");
        assertThat(browser.text("document.querySelector('[data-testid=map-note]').textContent")).isEqualTo("4–10 декабря");
        assertThat(browser.text("document.querySelector('[data-testid=forecast-note]').textContent")).isEqualTo("4–10 декабря · где ждать роста");
        assertThat(browser.text("document.querySelector('[data-testid=total-label]').textContent")).isEqualTo("ожидается за 7 дней");
        double total = 0;
        for (int i = 0; i < ids.size(); i++) {
            total += (i % 17) * 9.75 + 0.42;
        }
        assertThat(browser.text("document.querySelector('[data-testid=total-count]').textContent"))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%,d", Math.round(total)).replace(",", "\u202f"));
        String third = ids.get(3);
        assertThat(browser.text("document.querySelector('path.municipality[data-municipality=\"" + third + "\"]').dataset.value"))
                .isEqualTo(String.valueOf(Math.round((3 * 9.75 + 0.42) * 10) / 10.0));
        assertThat(browser.text("document.querySelector('path.municipality[data-municipality=\"" + third + "\"] title').textContent"))
                .isEqualTo(region.municipalities().get(3).name() + " — ожидается 29,7 (21–40), за прошлые 7 дней 27");

        Map<String, Object> rows = (Map<String, Object>) browser.script("""
                const items = Array.from(document.querySelectorAll('[data-testid=forecast-list] > li'));
                const visible = items.filter(li => !li.hidden && li.getBoundingClientRect().height > 0);
                const more = document.querySelector('[data-testid=forecast-more]');
                return {drawn: items.length, shown: visible.length,
                  more: more.hidden ? 0 : Number(more.textContent.replace(/[^0-9]/g, '')),
                  first: items[0].querySelector('.forecast-rise').textContent + ' | '
                    + items[0].querySelector('.tension-place').textContent + ' | '
                    + items[0].querySelector('.tension-numbers').textContent};""");
        assertThat(((Number) rows.get("drawn")).longValue()).as("rows drawn: the rises").isEqualTo(30);
        assertThat(((Number) rows.get("shown")).longValue()).as("rows shown").isGreaterThanOrEqualTo(3);
        assertThat(((Number) rows.get("shown")).longValue() + ((Number) rows.get("more")).longValue()).isEqualTo(30);
        assertThat(rows.get("first")).isEqualTo("+60 | " + region.municipalities().get(0).shortName()
                + " | ожидается 1\u202f120,3 (896–1\u202f400) · было 1\u202f060");
        assertThat(Files.size(SCREENSHOTS.resolve("wall-forecast.png"))).isGreaterThan(50_000);
    }
}
