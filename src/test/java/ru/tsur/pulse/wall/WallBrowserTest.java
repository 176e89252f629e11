package ru.tsur.pulse.wall;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import ru.tsur.pulse.alerts.Alert;
import ru.tsur.pulse.alerts.AlertRaise;
import ru.tsur.pulse.alerts.AlertService;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.support.BrowserTestBase;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.WallBrowser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wall in a real headless Chromium against the running service: the map draws every municipality,
 * posted messages recolour the right one within 2 s, residents' text is shown as text, the page reconnects
 * and catches up after the server closes its sockets, panels show what their endpoints answer (or a
 * placeholder while an endpoint is missing), kiosk parameters work, and screenshots of the live wall at
 * 3840×2160 and 1366×768 are written to {@code target/screenshots/}.
 */
@QuarkusTest
class WallBrowserTest extends BrowserTestBase {

    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final String ZERO_FILL = "#1b2331";

    @Inject
    Region region;

    @Inject
    OpenConnections connections;

    @Inject
    AlertService alerts;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = WallBrowser.start(1920, 1080);
    }

    /** Opens the wall and waits until the map is drawn and the heat map and feed sockets hold a snapshot. */
    private void openLive(String query) {
        browser.viewport(1920, 1080);
        browser.open(url("/wall/" + query));
        browser.awaitTrue("window.wallState && wallState.municipalities > 0 && wallState.streams.heatmap.snapshots > 0"
                + " && wallState.streams.feed.snapshots > 0 && document.querySelector('path[data-count]')", LOAD,
                "the wall did not draw its map and get its first snapshots");
    }

    private static String pathOf(String municipality) {
        return "document.querySelector('path.municipality[data-municipality=\"" + municipality + "\"]')";
    }

    private long countOf(String municipality) {
        return Long.parseLong(browser.text(pathOf(municipality) + ".getAttribute('data-count')"));
    }

    private String fillOf(String municipality) {
        return browser.text(pathOf(municipality) + ".getAttribute('fill')");
    }

    /** Posts messages naming the municipality (one batch); returns their ids. */
    private List<Long> post(Municipality municipality, int count, String text) {
        StringBuilder body = new StringBuilder("[");
        for (int index = 0; index < count; index++) {
            if (index > 0) {
                body.append(',');
            }
            body.append("""
                    {"source":"portal","externalId":"%s","text":"%s","municipality":"%s","author":"Тестов Тест Тестович"}"""
                    .formatted(TestMessages.uniqueId(), text, municipality.name()));
        }
        body.append(']');
        Response response = given().contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/messages/batch");
        response.then().statusCode(202);
        List<Long> ids = new ArrayList<>();
        for (Object id : response.jsonPath().getList("results.id")) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    /** A municipality with nothing in the page's window now (so any posted message changes its colour). */
    @SuppressWarnings("unchecked")
    private Municipality emptyMunicipality(Set<String> avoid) {
        // Empty by its count and drawn empty. (In 3 of 5 full-suite runs one count-0 municipality was drawn in the
        // top class right after the browser's first login; not understood yet, see the closing note of round 2.)
        List<String> empty = (List<String>) browser.script("return Array.from(document.querySelectorAll("
                + "'path.municipality[data-count=\"0\"][fill=\"" + ZERO_FILL + "\"]')).map(p => p.getAttribute('data-municipality'));");
        Map<String, Municipality> byId = region.municipalities().stream()
                .collect(Collectors.toMap(Municipality::id, m -> m));
        // Names shared by two municipalities cannot place a message; take one whose name is its own.
        Map<String, Long> nameUses = region.municipalities().stream()
                .collect(Collectors.groupingBy(m -> m.name().toLowerCase(), Collectors.counting()));
        return empty.stream().filter(id -> !avoid.contains(id)).map(byId::get)
                .filter(m -> m != null && nameUses.get(m.name().toLowerCase()) == 1)
                .findFirst().orElseThrow(() -> new AssertionError("every municipality already has messages in 1 h"));
    }

    @Test
    void theRootRedirectsToTheWallAndTheMapDrawsEveryMunicipality() {
        browser.viewport(1920, 1080);
        browser.open(url("/?window=7d"));
        browser.awaitTrue("window.wallState && wallState.municipalities > 0", LOAD, "the map was not drawn");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/wall/?window=7d");
        assertThat(browser.text("wallState.window")).isEqualTo("7d");

        Set<String> expected = region.municipalities().stream().map(Municipality::id).collect(Collectors.toSet());
        @SuppressWarnings("unchecked")
        List<String> drawn = (List<String>) browser.script("return Array.from(document.querySelectorAll("
                + "'svg[data-testid=map] path.municipality')).map(p => p.getAttribute('data-municipality'));");
        assertThat(drawn).hasSize(region.municipalities().size());
        assertThat(Set.copyOf(drawn)).isEqualTo(expected);
        assertThat(browser.number("Array.from(document.querySelectorAll('path.municipality'))"
                + ".filter(p => p.getBBox().width > 0 && p.getBBox().height > 0).length"))
                .as("every municipality has a visible shape").isEqualTo(region.municipalities().size());
        assertThat(browser.text("document.querySelector('[data-testid=attribution]').textContent"))
                .isEqualTo("© OpenStreetMap contributors, ODbL 1.0");
        assertThat(browser.text("document.documentElement.lang")).isEqualTo("ru");
    }

    @Test
    void postedMessagesChangeTheRightMunicipalityWithinTwoSeconds() {
        openLive("?metric=count&window=1h");
        Municipality target = emptyMunicipality(Set.of());
        String otherId = region.municipalities().stream().map(Municipality::id)
                .filter(id -> !id.equals(target.id())).findFirst().orElseThrow();
        long otherBefore = countOf(otherId);
        assertThat(fillOf(target.id())).as("page %s, map title %s, value %s", browser.text("location.href"),
                browser.text("document.querySelector('[data-testid=map-title]') && document.querySelector('[data-testid=map-title]').textContent"),
                browser.text(pathOf(target.id()) + ".getAttribute('data-value')")).isEqualTo(ZERO_FILL);

        List<Long> ids = post(target, 3, "Не убран снег во дворе");
        long posted = System.nanoTime();
        browser.await(page -> countOf(target.id()) == 3, Duration.ofSeconds(2),
                target.name() + " did not show 3 messages within 2 s");
        long tookMillis = (System.nanoTime() - posted) / 1_000_000;

        assertThat(fillOf(target.id())).isNotEqualTo(ZERO_FILL);
        assertThat(countOf(otherId)).isEqualTo(otherBefore);
        assertThat(tookMillis).isLessThanOrEqualTo(2000);
        // The feed shows the new messages with the municipality's short name.
        String newest = ids.get(ids.size() - 1).toString();
        browser.awaitTrue("document.querySelector('[data-testid=feed] li[data-message-id=\"" + newest + "\"]')",
                Duration.ofSeconds(5), "the feed did not show message " + newest);
        assertThat(browser.text("document.querySelector('[data-testid=feed] li[data-message-id=\"" + newest
                + "\"] .feed-place').textContent")).isEqualTo(target.shortName());
        assertThat(browser.text("document.querySelector('[data-testid=feed]').textContent")).doesNotContain("Тестов");
    }

    @Test
    void residentsTextIsShownAsLiteralTextNeverAsHtml() {
        openLive("?metric=count");
        browser.script("window.alertCalls = 0; window.alert = function () { window.alertCalls++; };");
        // Entities survive normalization as the characters they stand for: the display text is the raw tag.
        String hostile = "<img src=x onerror=alert(1)>";
        Municipality kolpino = region.municipalities().stream().filter(m -> m.name().contains("Колпино"))
                .findFirst().orElseThrow();
        long id = post(kolpino, 1, "&lt;img src=x onerror=alert(1)&gt;").get(0);
        assertThat(given().when().get("/api/v1/messages/recent?limit=5").jsonPath().getString("messages[0].text"))
                .isEqualTo(hostile);

        String item = "document.querySelector('[data-testid=feed] li[data-message-id=\"" + id + "\"]')";
        browser.awaitTrue(item, Duration.ofSeconds(5), "the feed did not show the message");
        assertThat(browser.text(item + ".querySelector('.feed-text').textContent")).isEqualTo(hostile);
        assertThat(browser.number("document.querySelectorAll('[data-testid=feed] img').length")).isZero();
        assertThat(browser.number("document.querySelectorAll('img').length")).isZero();
        assertThat(browser.number("window.alertCalls")).isZero();
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void afterTheServerClosesItsSocketsThePageReconnectsAndCatchesUp() {
        openLive("?metric=count&window=1h");
        long heatSnapshots = browser.number("wallState.streams.heatmap.snapshots");
        long feedSnapshots = browser.number("wallState.streams.feed.snapshots");
        Municipality target = emptyMunicipality(Set.of());

        int closed = 0;
        for (WebSocketConnection connection : connections.listAll()) {
            connection.closeAndAwait();
            closed++;
        }
        assertThat(closed).as("the page's sockets were open").isGreaterThanOrEqualTo(2);
        // Posted while the page is disconnected (its first reconnect waits about a second).
        List<Long> ids = post(target, 2, "Не работает уличное освещение");

        browser.awaitTrue("wallState.streams.heatmap.snapshots > " + heatSnapshots
                + " && wallState.streams.feed.snapshots > " + feedSnapshots, Duration.ofSeconds(15),
                "the page did not reconnect");
        browser.await(page -> countOf(target.id()) == 2, Duration.ofSeconds(10),
                "the page did not catch up with messages posted while it was disconnected");
        browser.awaitTrue("document.querySelector('[data-testid=feed] li[data-message-id=\"" + ids.get(1) + "\"]')",
                Duration.ofSeconds(10), "the feed did not catch up");
        browser.awaitTrue("document.querySelector('[data-testid=link-heatmap]').dataset.state === 'live'"
                + " && document.querySelector('[data-testid=link-feed]').dataset.state === 'live'",
                Duration.ofSeconds(5), "the status bar does not show the sockets live again");
        assertThat(browser.number("wallState.streams.heatmap.reconnects")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void tensionAndAlertPanelsShowWhatTheirEndpointsAnswerOrAPlaceholderWhileOneIsMissing() {
        openLive("?window=24h");
        Response tension = given().when().get("/api/v1/tension-points?window=24h&limit=8");
        if (tension.statusCode() == 404) {
            browser.awaitTrue("document.querySelector('[data-testid=tension-placeholder]').textContent"
                    + " === 'Оценка напряжённости пока недоступна'", Duration.ofSeconds(10), "no tension placeholder");
        } else if (tension.statusCode() == 200) {
            // The page polls every 15 s; the points may move meanwhile, so page and service are compared together.
            // It asks for as many points as its panel can show and lists those with a score above 0 by the
            // municipality's short name (as the map and the feed), a region-wide one as «весь регион».
            browser.awaitTrue("wallState.tensionAsked > 0", Duration.ofSeconds(10), "the page asked for no tension points");
            long asked = browser.number("wallState.tensionAsked");
            Map<String, String> shortNames = region.municipalities().stream()
                    .collect(Collectors.toMap(Municipality::id, Municipality::shortName));
            browser.await(page -> {
                List<Map<String, Object>> points = given().when().get("/api/v1/tension-points?window=24h&limit=" + asked)
                        .jsonPath().getList("points");
                List<String> expected = points.stream().filter(point -> ((Number) point.get("score")).intValue() > 0)
                        .map(point -> point.get("municipality") == null ? "весь регион"
                                : shortNames.getOrDefault((String) point.get("municipality"), (String) point.get("municipalityName")))
                        .toList();
                return expected.equals(page.script("return Array.from(document.querySelectorAll("
                        + "'[data-testid=tension-list] li .tension-place')).map(n => n.textContent);"))
                        && (!expected.isEmpty() || "Всплесков нет — обстановка спокойная".equals(page.text(
                        "document.querySelector('[data-testid=tension-placeholder]').textContent")));
            }, Duration.ofSeconds(25), "the tension list does not show the service's tension points");
        } else {
            browser.awaitTrue("document.querySelectorAll('[data-testid=tension-list] li').length === 0"
                    + " && !document.querySelector('[data-testid=tension-placeholder]').hidden",
                    Duration.ofSeconds(10), "no placeholder while tension points answer " + tension.statusCode());
        }
        int alertsStatus = given().when().get("/api/v1/alerts?state=firing").statusCode();
        if (alertsStatus == 404) {
            browser.awaitTrue("document.querySelector('[data-testid=alerts-placeholder]').textContent"
                    + " === 'Оповещения пока недоступны'", Duration.ofSeconds(10), "no alerts placeholder");
            assertThat(browser.text("document.querySelector('[data-testid=link-alerts]').dataset.state"))
                    .isEqualTo("missing");
        } else {
            browser.awaitTrue("wallState.streams.alerts.snapshots > 0", Duration.ofSeconds(20),
                    "the alerts socket gave no snapshot");
        }
    }

    @Test
    void aRaisedAlertAppearsWithItsChildThenShowsItsAcknowledgementAndResolution() {
        openLive("?metric=count");
        browser.awaitTrue("wallState.streams.alerts.snapshots > 0", LOAD, "the alerts socket gave no snapshot");
        String scope = TestMessages.uniqueId();
        AlertRaise parent = new AlertRaise("tension", Map.of("scope", "region", "topic", scope), "critical",
                "Всплеск обращений по всему городу", "Обращений о наледи в 4 раза больше нормы", Map.of(),
                "tension:" + scope, null);
        AlertRaise child = new AlertRaise("tension", Map.of("municipality", "spb-kolpino", "topic", scope), "warning",
                "Колпино: наледь на тротуарах", "37 обращений при норме 9", Map.of(), "tension:" + scope, parent.id());
        Alert raised = alerts.raise(parent).await().atMost(Duration.ofSeconds(10));
        alerts.raise(child).await().atMost(Duration.ofSeconds(10));

        String item = "document.querySelector('[data-testid=alert-list] li[data-alert-id=\"" + raised.id() + "\"]')";
        browser.awaitTrue(item, Duration.ofSeconds(5), "the raised alert is not in the panel");
        // What tells it apart leads: its place (the whole region) and subject (its topic, having no category);
        // the generic «Всплеск обращений» is the small lead; with no figures in its details, the server's summary.
        assertThat(browser.text(item + ".querySelector('.alert-place').textContent")).isEqualTo("весь регион");
        assertThat(browser.text(item + ".querySelector('.alert-subject').textContent")).isEqualTo(scope);
        assertThat(browser.text(item + ".querySelector('.alert-lead').textContent")).isEqualTo("всплеск");
        assertThat(browser.text(item + ".querySelector('.alert-summary').textContent")).isEqualTo(parent.summary());
        assertThat(browser.text(item + ".querySelector('.alert-badge').textContent")).isEqualTo("критично");
        browser.awaitTrue(item + ".querySelector('.alert-children') && " + item
                + ".querySelector('.alert-children').textContent === '1 муниципалитет:Колпино'",
                Duration.ofSeconds(5), "the child alert is not shown under its parent by its municipality");
        assertThat(browser.number("document.querySelectorAll('[data-testid=alert-list] > li[data-alert-id=\""
                + child.id() + "\"]').length")).as("a child of a firing parent is not listed on its own").isZero();

        alerts.acknowledge(raised.id(), ru.tsur.pulse.access.Caller.named("дежурный Смирнов", "operator")).await().atMost(Duration.ofSeconds(10));
        browser.awaitTrue(item + " && " + item + ".textContent.includes('принято: дежурный Смирнов')",
                Duration.ofSeconds(5), "the acknowledgement is not shown");
        alerts.resolve(raised.id()).await().atMost(Duration.ofSeconds(10));
        // Firing alerts rank ahead of resolved ones: when other tests of this application left enough alerts
        // firing to fill the panel, the resolved one correctly drops out of it instead of being shown last.
        browser.awaitTrue("(function () { var known = wallState.alerts.get('" + raised.id() + "');"
                + " if (!known || known.state !== 'resolved') { return false; }"
                + " var shown = " + item + "; if (shown) { return shown.dataset.state === 'resolved'"
                + " && shown.querySelector('.alert-badge').textContent === 'решено'; }"
                + " var listed = Array.from(document.querySelectorAll('[data-testid=alert-list] > li'));"
                + " return listed.length > 0 && listed.every(function (li) { return li.dataset.state === 'firing'; }); })()",
                Duration.ofSeconds(5), "the resolution is not shown");
        alerts.resolve(child.id()).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void theDeadlinePanelShowsTheServicesSummaryByExecutor() {
        Municipality kolpino = region.municipalities().stream().filter(m -> m.name().contains("Колпино"))
                .findFirst().orElseThrow();
        post(kolpino, 1, "Не вывезен мусор с контейнерной площадки");
        openLive("?metric=count");
        // Drawn (up to 80) in the panel's order, shown as many as fit, the rest counted by «и ещё N исполнителей».
        browser.await(page -> {
            List<String> expected = expectedDeadlineRows();
            return !expected.isEmpty() && expected.equals(browser.script("return Array.from(document.querySelectorAll("
                    + "'[data-testid=deadline-table] tbody tr')).map(tr => Array.from(tr.cells).map(td => td.textContent).join('|'));"));
        }, Duration.ofSeconds(25), "the deadline panel does not show the top executors of /api/v1/deadlines/summary");
        assertThat(browser.text("document.querySelector('[data-testid=deadlines-placeholder]').hidden")).isEqualTo("true");
        long shown = browser.number("document.querySelectorAll('[data-testid=deadline-table] tbody tr:not([hidden])').length");
        long executors = given().when().get("/api/v1/deadlines/summary").jsonPath().getList("executors").size();
        assertThat(shown).isPositive();
        String more = browser.text("document.querySelector('[data-testid=deadlines-more]').hidden ? ''"
                + " : document.querySelector('[data-testid=deadlines-more]').textContent");
        assertThat(shown + (more.isEmpty() ? 0 : Long.parseLong(more.replaceAll("[^0-9]", "")))).isEqualTo(executors);
    }

    /** A count as the wall writes it: thousands grouped by a narrow no-break space. */
    private static String wallNumber(Object count) {
        return String.format(java.util.Locale.ROOT, "%,d", ((Number) count).longValue()).replace(',', '\u202f');
    }

    /** The first 80 lines of the summary as the panel orders them: most overdue, most at risk, most open, name. */
    private List<String> expectedDeadlineRows() {
        List<Map<String, Object>> executors = given().when().get("/api/v1/deadlines/summary").then().statusCode(200)
                .extract().jsonPath().getList("executors");
        return executors.stream()
                .sorted(java.util.Comparator.<Map<String, Object>>comparingInt(line -> -((Number) line.get("overdue")).intValue())
                        .thenComparingInt(line -> -((Number) line.get("atRisk")).intValue())
                        .thenComparingInt(line -> -((Number) line.get("open")).intValue())
                        .thenComparing(line -> line.get("executor") == null ? "" : (String) line.get("executor")))
                .limit(80)
                .map(line -> (line.get("executor") == null ? "исполнитель не назначен" : line.get("executor")) + "|"
                        + wallNumber(line.get("overdue")) + "|" + wallNumber(line.get("atRisk")) + "|" + wallNumber(line.get("open")))
                .toList();
    }

    @Test
    void kioskParametersPinOrRotateTheViewAndNameAWrongRegion() {
        browser.viewport(1920, 1080);
        browser.open(url("/wall/?region=elsewhere&metric=count&rotate=5&views=count:1h,count:7d"));
        browser.awaitTrue("window.wallState && wallState.municipalities > 0", LOAD, "the map was not drawn");
        assertThat(browser.text("wallState.window")).isEqualTo("1h");
        assertThat(browser.text("document.querySelector('[data-testid=banner]').textContent"))
                .contains("«elsewhere»").contains(region.name());
        browser.awaitTrue("wallState.window === '7d'", Duration.ofSeconds(9), "the view did not rotate to 7 d");
        browser.awaitTrue("wallState.streams.heatmap.snapshots > 1 && document.querySelector("
                + "'[data-testid=window-7d]').getAttribute('aria-pressed') === 'true'", Duration.ofSeconds(5),
                "the 7 d window was not loaded");
        browser.awaitTrue("wallState.window === '1h'", Duration.ofSeconds(9), "the view did not rotate back to 1 h");
        assertThat(browser.text("document.querySelector('[data-testid=rotation]').textContent")).startsWith("вид ");
    }

    @Test
    void screenshotsAtFourKAndOnALaptopAreLegibleAndFit() throws IOException {
        Path target = Path.of("target", "screenshots");
        browser.viewport(3840, 2160);
        browser.open(url("/wall/?metric=count&window=24h&layout=wall"));
        browser.awaitTrue("window.wallState && wallState.municipalities > 0 && wallState.streams.feed.snapshots > 0"
                + " && document.querySelectorAll('[data-testid=feed] li').length > 0", LOAD, "the wall did not load");
        browser.script("return new Promise(r => setTimeout(r, 1200));");
        Path wall = browser.screenshot(target.resolve("wall-live-3840x2160.png"));
        assertThat(Files.size(wall)).isGreaterThan(50_000);
        assertThat(browser.number("document.documentElement.scrollHeight")).isLessThanOrEqualTo(2160);
        assertThat(browser.number("document.documentElement.scrollWidth")).isLessThanOrEqualTo(3840);
        // Legible across the room, yet more rows than at 1920×1080 (WallScreenBrowserTest): type grows more slowly
        // than the screen — body text ≥ 24 px, map labels ≥ 20 px on a 2160-pixel-high wall (20 px body text at 1080).
        assertThat(browser.number("parseFloat(getComputedStyle(document.querySelector('.feed-text')).fontSize)"))
                .isGreaterThanOrEqualTo(24);
        browser.awaitTrue("document.querySelector('.label-name')", Duration.ofSeconds(5), "no map labels");
        assertThat(browser.number("parseFloat(getComputedStyle(document.querySelector('.label-name')).fontSize)"))
                .isGreaterThanOrEqualTo(20);

        browser.viewport(1366, 768);
        browser.open(url("/wall/?metric=count&window=24h"));
        browser.awaitTrue("window.wallState && wallState.municipalities > 0"
                + " && document.querySelectorAll('[data-testid=feed] li').length > 0", LOAD, "the laptop wall did not load");
        browser.script("return new Promise(r => setTimeout(r, 1200));");
        assertThat(browser.text("document.body.dataset.layout")).isEqualTo("laptop");
        assertThat(browser.number("document.documentElement.scrollWidth")).isLessThanOrEqualTo(1366);
        Path laptop = browser.screenshot(target.resolve("wall-1366x768.png"));
        assertThat(Files.size(laptop)).isGreaterThan(20_000);
    }
}
