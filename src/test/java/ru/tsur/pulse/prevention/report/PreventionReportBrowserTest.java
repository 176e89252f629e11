package ru.tsur.pulse.prevention.report;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.BrowserTestBase;
import ru.tsur.pulse.support.Tokens;
import ru.tsur.pulse.support.WallBrowser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prevention report in headless Chromium as Kolpino's official opens it, on eight weeks of autumn 2016
 * that only the report's tests write ({@link ReportFixtures}): ten chronic places, about 35 cases a week whose
 * repeat share falls from 30 % to 12 %, six executors. The page draws its chart with the stylesheet's colours
 * under the service's CSP (no inline style), and the print sheet leaves the bar and the form off paper. Its
 * screenshot is {@code target/screenshots/prevention-report.png} (in the README as {@code docs/prevention-report.png}),
 * beside it the print sheet's and the report's PDF.
 */
@QuarkusTest
class PreventionReportBrowserTest extends BrowserTestBase {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Monday 3 October 2016, 10:00 in Kolpino. */
    private static final Instant START = Instant.parse("2016-10-03T07:00:00Z");
    /** The period's end: midnight after Sunday 27 November 2016. */
    private static final Instant END = Instant.parse("2016-11-27T21:00:00Z");
    private static final String QUERY = "municipality=spb-kolpino&from=2016-10-03&to=2016-11-27";
    private static final List<String> EXECUTORS = List.of("СПб ГКУ «Жилищное агентство Колпинского района»",
            "ООО «Жилкомсервис № 1 Колпинского района»", "ООО «Жилкомсервис № 2 Колпинского района»",
            "СПб ГБУ «Мостотрест»", "Администрация Колпинского района");

    @Inject
    Pool pool;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = WallBrowser.start(1366, 900);
    }

    @Test
    void anOfficialReadsTheReportOnScreenAndOnPaper() throws IOException {
        storeEightWeeks();
        browser.open(url("/reports/prevention?" + QUERY), "official-kolpino");
        browser.awaitTrue("document.querySelector('[data-testid=repeat-chart]')", WAIT, "the report page");
        assertThat(browser.text("document.querySelector('[data-testid=report-scope]').textContent")).isEqualTo("город Колпино");
        assertThat(browser.number("document.querySelectorAll('[data-testid=place-row]').length")).isEqualTo(10);
        assertThat(browser.text("document.querySelector('[data-testid=place-row] td:nth-child(2)').textContent"))
                .isEqualTo("ул. Труда, 12");
        assertThat(browser.number("document.querySelectorAll('[data-testid=week-row]').length")).isEqualTo(8);
        assertThat(browser.text("document.querySelector('[data-testid=repeat-trend]').textContent")).startsWith("снижается: −");
        assertThat(browser.number("document.querySelectorAll('[data-testid=executor-row]').length")).isEqualTo(6);
        // The chart's colours come from report.css: the CSP admits the stylesheet, and the SVG drew.
        assertThat(browser.text("getComputedStyle(document.querySelector('.chart .bar')).fill")).isEqualTo("rgb(47, 111, 168)");
        assertThat(browser.number("Math.round(document.querySelector('[data-testid=repeat-chart]').getBoundingClientRect().width)"))
                .isGreaterThan(600);
        long height = Math.min(3000, browser.number("document.documentElement.scrollHeight"));
        browser.viewport(1366, (int) height);
        Path screenshot = browser.screenshot(SCREENSHOTS.resolve("prevention-report.png"));
        assertThat(Files.size(screenshot)).isGreaterThan(50_000);
        // On paper: no bar, no form, black on white.
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.text("getComputedStyle(document.querySelector('header.bar')).display")).isEqualTo("none");
        assertThat(browser.text("getComputedStyle(document.querySelector('.report-form')).display")).isEqualTo("none");
        assertThat(browser.text("getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(255, 255, 255)");
        browser.screenshot(SCREENSHOTS.resolve("prevention-report-print.png"));
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        // The same report as the PDF the page links to, kept beside the screenshots.
        byte[] pdf = given().header("Authorization", Tokens.bearer("official-kolpino"))
                .when().get("/api/v1/prevention/report.pdf?" + QUERY).then().statusCode(200).extract().asByteArray();
        Files.write(SCREENSHOTS.resolve("prevention-report.pdf"), pdf);
    }

    /** Eight weeks of Kolpino: the repeat share falls week by week; ten places come back as often as listed. */
    private void storeEightWeeks() {
        ReportFixtures fixtures = new ReportFixtures(pool);
        fixtures.clear();
        long anchor = fixtures.storedCase("spb-kolpino", "confirmed", EXECUTORS.get(0), "Прочее",
                START.minus(Duration.ofDays(120)), START.minus(Duration.ofDays(118)), 0, null, false);
        int[] cases = {34, 31, 36, 29, 33, 30, 35, 32};
        int[] repeats = {10, 9, 9, 7, 6, 5, 5, 4};
        int[] resolvedBy = new int[EXECUTORS.size()];
        for (int week = 0; week < cases.length; week++) {
            for (int index = 0; index < cases[week]; index++) {
                Instant created = START.plus(Duration.ofDays(7L * week + index % 7)).plus(Duration.ofMinutes(13L * index));
                int executor = index % EXECUTORS.size();
                int count = resolvedBy[executor]++;
                // Every 3rd resolution of the agency comes back, every 4th of Zhilkomservis 1, every 6th of the
                // bridges; Zhilkomservis 2 has every 7th reopened; the administration's hold.
                boolean cameBack = switch (executor) {
                    case 0 -> count % 3 == 0;
                    case 1 -> count % 4 == 1;
                    case 3 -> count % 6 == 2;
                    default -> false;
                };
                int reopened = executor == 2 && count % 7 == 3 ? 1 : 0;
                fixtures.storedCase("spb-kolpino", "confirmed", EXECUTORS.get(executor), "Прочее", created,
                        created.plus(Duration.ofDays(3)), reopened, index < repeats[week] ? anchor : null, cameBack);
            }
        }
        // A small contractor: 2 resolutions, 1 came back — 50 %, but ranked by the shrunk share.
        for (int index = 0; index < 2; index++) {
            Instant created = START.plus(Duration.ofDays(20 + index));
            fixtures.storedCase("spb-kolpino", "confirmed", "ООО «Кровля-Сервис»", "Протечка кровли", created,
                    created.plus(Duration.ofDays(2)), 0, null, index == 0);
        }
        List<Map.Entry<String, int[]>> places = List.of(
                Map.entry("ул. Труда, 12|Наледь и сосульки на кровле", new int[]{85, 70, 55, 41, 26, 12, 3}),
                Map.entry("Ижорский бульвар, 5|Мусор на контейнерной площадке", new int[]{80, 60, 45, 30, 14, 6}),
                Map.entry("ул. Веры Слуцкой, 38|Яма на проезжей части", new int[]{75, 50, 20, 8}),
                Map.entry("пр. Ленина, 61|Не работает уличное освещение", new int[]{40, 25, 10}),
                Map.entry("ул. Анисимова, 3|Протечка кровли", new int[]{65, 33, 5}),
                Map.entry("Тверская ул., 24|Грязь в подъезде", new int[]{88, 58, 28}),
                Map.entry("ул. Павловская, 87|Граффити на фасаде", new int[]{20, 9}),
                Map.entry("бульвар Трудящихся, 30|Сломанное оборудование детской площадки", new int[]{15}),
                Map.entry("ул. Пролетарская, 40|Нет горячей воды", new int[]{50, 35}),
                Map.entry("Заводской пр., 14|Парковка на газоне", new int[]{60}));
        int placeIndex = 0;
        for (Map.Entry<String, int[]> place : places) {
            String address = place.getKey().substring(0, place.getKey().indexOf('|'));
            String topic = place.getKey().substring(place.getKey().indexOf('|') + 1);
            String executor = EXECUTORS.get(placeIndex++ % 4);
            for (int daysBefore : place.getValue()) {
                Instant created = END.minus(Duration.ofDays(daysBefore)).minus(Duration.ofHours(10));
                long caseId = fixtures.storedCase("spb-kolpino", "confirmed", executor, topic, created,
                        created.plus(Duration.ofDays(2)), 0, null, false);
                fixtures.storedMessage("spb-kolpino", caseId, address, topic, created);
            }
        }
    }
}
