package ru.tsur.pulse.prevention.report;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.AuthenticatedRestAssured;
import ru.tsur.pulse.support.PageSession;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prevention report on the real PostgreSQL, as an official of Kolpino reads it: page, CSV and PDF of one
 * three-week period of March 2015 that only this test writes ({@link ReportFixtures}: marked rows, removed
 * before each run, so the figures are known whatever else the kept test database holds), and who may read it.
 *
 * <p>The data: 13 cases of Kolpino created in the period — 4 a week, repeats 0, 1, 3 (33.3 %; Cochran–Armitage
 * slope 0.375 a week, se √((1/3)(2/3)/8) = 0.1667, interval [+4.8, +70.2] p. p.: rising), plus one merged case
 * that counts nowhere. Executor X resolved 3 in the period, all came back (one also reopened); Y resolved 5,
 * one came back: overall 4 of 8, so X (3 + 5)/13 = 61.5 %, Y (1 + 5)/15 = 40.0 %. Four of the cases have a
 * message with an address: icicles at one building on days 1, 8, 15 (3 episodes, 2 returns, both 5 days after
 * a resolution; exposure 19.5 days) and litter at another on day 18 (exposure 2.5): scores 8.8455 and 6.9715
 * (README «Prevention»: 90·(r + 30·m)/(T + 30), m the topic's rate shrunk towards the pooled 2/22 a day).
 */
@QuarkusTest
@AuthenticatedRestAssured.Anonymous
class PreventionReportTest {

    private static final String QUERY = "municipality=spb-kolpino&from=2015-03-02&to=2015-03-22";
    private static final Instant DAY_ZERO_NOON = Instant.parse("2015-03-02T09:00:00Z");

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URL base;

    private ReportFixtures fixtures;
    private String run;
    private String icicles;
    private String litter;
    private String executorX;
    private String executorY;

    @BeforeEach
    void storeThePeriod() {
        fixtures = new ReportFixtures(pool);
        fixtures.clear();
        run = TestMessages.uniqueId().substring(0, 8);
        icicles = "Наледь " + run;
        litter = "Мусор " + run;
        executorX = "Исполнитель X " + run;
        executorY = "Исполнитель Y " + run;
        // Week 1 (days 0–6): no repeats.
        long c1 = storedCase("resolved", executorX, icicles, 1, 3, 1, null, true);
        long c5 = storedCase("resolved", executorX, "Другое " + run, 2, 4, 0, null, true);
        long c6 = storedCase("resolved", executorY, "Другое " + run, 2, 5, 0, null, true);
        storedCase("confirmed", executorY, "Другое " + run, 3, 6, 0, null, false);
        storedCase("merged", executorY, "Другое " + run, 2, 4, 0, null, true);
        // Week 2 (days 7–13): one repeat.
        long c2 = storedCase("resolved", executorX, icicles, 8, 10, 0, c1, true);
        storedCase("confirmed", executorY, "Другое " + run, 8, 12, 0, null, false);
        storedCase("confirmed", executorY, "Другое " + run, 9, 12, 0, null, false);
        storedCase("confirmed", executorY, "Другое " + run, 9, 13, 0, null, false);
        // Week 3 (days 14–20): three repeats; resolved after the period, so not the executors' section's.
        long c3 = storedCase("confirmed", executorX, icicles, 15, 30, 0, c2, false);
        long c4 = storedCase("confirmed", executorY, litter, 18, 30, 0, c6, false);
        storedCase("confirmed", executorY, "Другое " + run, 16, 30, 0, c5, false);
        storedCase("confirmed", executorY, "Другое " + run, 17, 30, 0, null, false);
        storedMessage(c1, "ул. Отчётная, 1", icicles, 1);
        storedMessage(c2, "ул. Отчётная, 1", icicles, 8);
        storedMessage(c3, "ул. Отчётная, 1", icicles, 15);
        storedMessage(c4, "ул. Отчётная, 2", litter, 18);
        // An outage on day 10, resolved; another municipality's incident on day 11 is not Kolpino's report's.
        fixtures.storedIncident("spb-kolpino", "Нет горячей воды " + run, "теплоснабжение: авария на сети/ИТП",
                DAY_ZERO_NOON.plus(Duration.ofDays(10)), 6, 8, "resolved");
        fixtures.storedIncident("spb-kolomna", "Нет горячей воды " + run, "теплоснабжение: авария на сети/ИТП",
                DAY_ZERO_NOON.plus(Duration.ofDays(11)), 4, 4, "detected");
    }

    @Test
    void theCsvIsTheWholeReportOfThePeriod() {
        Instant before = Instant.now();
        Response response = given().header("Authorization", Tokens.bearer("official-kolpino"))
                .when().get("/api/v1/prevention/report.csv?" + QUERY).then().statusCode(200).extract().response();
        assertThat(response.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"prevention-report-spb-kolpino-2015-03-02-2015-03-22.csv\"");
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
        String[] lines = body.split("\n", -1);
        Instant built = Instant.parse(lines[1].substring(lines[1].lastIndexOf(',') + 1));
        assertThat(built).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(body.replace(built.toString(), "BUILT")).isEqualTo("""
                \uFEFFраздел,отчёт,охват,муниципалитет,с,по,построен
                report,Отчёт о профилактике,город Колпино,spb-kolpino,2015-03-02,2015-03-22,BUILT

                раздел,место в рейтинге,место,муниципалитет,тема,сообщений за 30 дней,сообщений за 90 дней,возвратов,возвратов после решения,медиана дней до возврата,тенденция,исполнитель,оценка (возвратов за 90 дней)
                places,1,"ул. Отчётная, 1",город Колпино,%1$s,3,3,2,2,5.0000,,%3$s,8.8455
                places,2,"ул. Отчётная, 2",город Колпино,%2$s,1,1,0,0,,,%4$s,6.9715

                раздел,обращений,повторных,доля повторных,наклон в неделю,наклон: нижняя граница 95 %%,наклон: верхняя граница 95 %%,z,тенденция
                repeat_rate,12,4,0.3333,0.3750,0.0483,0.7017,2.2500,rising

                раздел,неделя,с,по,обращений,повторных,доля повторных
                repeat_rate_week,1,2015-03-02,2015-03-08,4,0,0.0000
                repeat_rate_week,2,2015-03-09,2015-03-15,4,1,0.2500
                repeat_rate_week,3,2015-03-16,2015-03-22,4,3,0.7500

                раздел,место в рейтинге,исполнитель,решено,переоткрыто,повторились,вернулись всего,доля вернувшихся,доля с поправкой на малое число
                executors,1,%3$s,3,1,3,3,1.0000,0.6154
                executors,2,%4$s,5,0,1,1,0.2000,0.4000

                раздел,инцидентов,открыто,из них подтверждено,решено,отклонено
                incidents,1,0,0,1,0

                раздел,вероятная причина,инцидентов,сообщений
                incident_causes,теплоснабжение: авария на сети/ИТП,1,8

                раздел,номер,начало,муниципалитет,тема,вероятная причина,адресов,сообщений,статус
                incident,%5$s,2015-03-12T09:00:00Z,город Колпино,prevention-report-test Нет горячей воды %6$s,теплоснабжение: авария на сети/ИТП,6,8,решён

                раздел,мер,стало меньше,стало больше,явного изменения нет,рано или мало данных
                measures,0,0,0,0,0

                раздел,номер,когда,что сделано,где,тема,сообщений до,сообщений после,ожидалось после,изменение в %%,нижняя граница 95 %% в %%,верхняя граница 95 %% в %%,вывод

                """.formatted(icicles, litter, executorX, executorY, incidentId("spb-kolpino"), run));
    }

    private long incidentId(String municipality) {
        return pool.preparedQuery("SELECT id FROM incident WHERE topic = $1 AND municipality_id = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(ReportFixtures.MARKER + " Нет горячей воды " + run, municipality))
                .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong("id");
    }

    @Test
    void thePdfReadsBackWithTheFiguresInRussian() throws Exception {
        Response response = given().header("Authorization", Tokens.bearer("official-kolpino"))
                .when().get("/api/v1/prevention/report.pdf?" + QUERY).then().statusCode(200).extract().response();
        assertThat(response.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"prevention-report-spb-kolpino-2015-03-02-2015-03-22.pdf\"");
        PdfReader reader = new PdfReader(response.asByteArray());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        assertThat(text.toString()).contains("Отчёт о профилактике: город Колпино", "Период: 02.03.2015 — 22.03.2015",
                "ул. Отчётная, 1", icicles, "8,85", "ул. Отчётная, 2", "6,97",
                "Обращений за период — 12, повторных — 4 (33,3 %)", "растёт: +37,5 п. п. в неделю",
                "09.03—15.03", "75,0 %", executorX, "61,5 %", executorY, "40,0 %");
        reader.close();
    }

    @Test
    void thePageShowsTheSectionsWithTheirFiguresAndTheChart() throws Exception {
        PageSession official = PageSession.login(url("/reports/prevention?" + QUERY), "official-kolpino");
        HttpResponse<String> page = official.landing();
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<title>Отчёт о профилактике — ЦУР Пульс</title>",
                "Отчёт о профилактике: <span data-testid=\"report-scope\">город Колпино</span>",
                "Период: 02.03.2015 — 22.03.2015.", "<a href=\"/reports/prevention\" aria-current=\"page\">Профилактика</a>",
                "<td>1</td><td>ул. Отчётная, 1</td><td>город Колпино</td><td>" + icicles + "</td>",
                "<td class=\"number\">5,0</td>", "<td class=\"number\">8,85</td>",
                "Обращений за период — 12, повторных — 4 (33,3 %).",
                "растёт: +37,5 п. п. в неделю (95 % интервал от +4,8 п. п. до +70,2 п. п.)",
                "<tr data-testid=\"week-row\"><td>16.03—22.03</td><td class=\"number\">4</td><td class=\"number\">3</td><td class=\"number\">75,0 %</td></tr>",
                "<td>1</td><td>" + executorX + "</td><td class=\"number\">3</td><td class=\"number\">1</td>",
                "61,5 %", "<td>2</td><td>" + executorY + "</td>", "40,0 %",
                "href=\"/reports/prevention.csv?" + QUERY.replace("&", "&amp;") + "\"",
                "href=\"/reports/prevention.pdf?" + QUERY.replace("&", "&amp;") + "\"");
        // The chart: three bars 0 %, 25 %, 75 % high on a 0–80 % scale (plot 188 high), and the trend's line.
        assertThat(html).contains("<rect class=\"bar\" x=\"77.2\" y=\"200.0\" width=\"136.3\" height=\"0.0\">",
                "<rect class=\"bar\" x=\"271.9\" y=\"141.3\" width=\"136.3\" height=\"58.8\">",
                "<rect class=\"bar\" x=\"466.5\" y=\"23.8\" width=\"136.3\" height=\"176.3\">", "<line class=\"trend\"");
        assertThat(html).doesNotContain("style=", "<script>");
        // The downloads by the session cookie, as the page's links use them.
        HttpResponse<String> csv = official.get(url("/reports/prevention.csv?" + QUERY));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFраздел,отчёт").contains("repeat_rate,12,4,0.3333");
        assertThat(official.get(url("/reports/prevention.pdf?" + QUERY)).headers().firstValue("Content-Type")).hasValue("application/pdf");
        // Another municipality is not Kolpino's official's: 403 on the page and on the API.
        assertThat(official.get(url("/reports/prevention?municipality=spb-kolomna")).statusCode()).isEqualTo(403);
    }

    @Test
    void whoMayReadTheReport() throws Exception {
        assertThat(status(null, "/api/v1/prevention/report.csv")).isEqualTo(401);
        assertThat(status(null, "/api/v1/prevention/report.pdf")).isEqualTo(401);
        assertThat(status("wall", "/api/v1/prevention/report.csv")).isEqualTo(403);
        assertThat(status("executor-zhks1", "/api/v1/prevention/report.pdf")).isEqualTo(403);
        assertThat(status("official-kolpino", "/api/v1/prevention/report.csv?municipality=spb-kolomna")).isEqualTo(403);
        assertThat(status("official-kolpino", "/api/v1/prevention/report.pdf?municipality=spb-kolomna")).isEqualTo(403);
        assertThat(status("operator", "/api/v1/prevention/report.csv?municipality=spb-kolomna")).isEqualTo(200);
        assertThat(status("official", "/api/v1/prevention/report.csv")).isEqualTo(200);
        given().header("Authorization", Tokens.bearer("operator"))
                .when().get("/api/v1/prevention/report.csv?from=2015-03-22&to=2015-03-02&municipality=nowhere")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("municipality", "from"));
        given().header("Authorization", Tokens.bearer("operator"))
                .when().get("/api/v1/prevention/report.csv?from=2015-01-01&to=2016-01-02")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("to"));
        // The page without a session goes to the identity provider's login.
        Response page = given().redirects().follow(false).when().get("/reports/prevention").then().extract().response();
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.header("Location")).contains("/protocol/openid-connect/auth");
        // An executor logged in is refused the page; so are its downloads by the cookie.
        PageSession executor = PageSession.login(url("/reports/prevention"), "executor-zhks1");
        assertThat(executor.landing().statusCode()).isEqualTo(403);
        assertThat(executor.get(url("/reports/prevention.csv")).statusCode()).isEqualTo(403);
    }

    private static int status(String user, String path) {
        var request = given().redirects().follow(false);
        if (user != null) {
            request.header("Authorization", Tokens.bearer(user));
        }
        return request.when().get(path).then().extract().statusCode();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + base.getPort() + path;
    }

    /** A case of Kolpino created at noon of day {@code createdDay} of the period, resolved at noon of {@code resolvedDay}. */
    private long storedCase(String status, String executor, String topic, int createdDay, int resolvedDay, int reopened,
                            Long repeatOf, boolean cameBack) {
        return fixtures.storedCase("spb-kolpino", status, executor, topic, noon(createdDay), noon(resolvedDay), reopened,
                repeatOf, cameBack);
    }

    private void storedMessage(long caseId, String address, String topic, int day) {
        fixtures.storedMessage("spb-kolpino", caseId, address, topic, noon(day));
    }

    private static Instant noon(int day) {
        return DAY_ZERO_NOON.plus(Duration.ofDays(day));
    }
}
