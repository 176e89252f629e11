package ru.tsur.pulse.console.measures;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.PageSession;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The console's measures page as HTML: the frame links it (a logged-in operator's session), the form posts a measure through the API's door
 * (stored once for one form's key, shown in the table with its verdict, the next form carrying a new key),
 * a bad form is the API's 400 naming the field, and the part is the operator's only.
 */
@QuarkusTest
class MeasurePagesTest {

    private static final Pattern KEY = Pattern.compile("name=\"requestKey\" value=\"([0-9a-f-]{36})\"");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theFormEntersAMeasureOnceAndTheTableShowsIt() throws Exception {
        PageSession operator = PageSession.login(base.toString() + "console/measures", "operator");
        assertThat(operator.landing().statusCode()).isEqualTo(200);
        String page = operator.landing().body();
        assertThat(page).contains("<title>Меры и их результат — ЦУР Пульс</title>")
                .contains("<a href=\"/console/measures\" aria-current=\"page\">Меры</a>")
                .contains("hx-get=\"/console/parts/measures\"").doesNotContain("<script>");

        String desk = given().when().get("/console/parts/measures").then().statusCode(200).extract().asString();
        String key = key(desk);
        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        assertThat(desk).contains("<input type=\"date\" name=\"day\" value=\"" + today + "\" max=\"" + today + "\"")
                .contains("<option value=\"spb-kolomna\">");

        String title = "Покраска фасадов " + TestMessages.uniqueId();
        String topic = "Фасад " + TestMessages.uniqueId();
        String answer = submit(title, topic, key, today);
        Matcher saved = Pattern.compile("Мера № (\\d+) сохранена\\.").matcher(answer);
        assertThat(saved.find()).as(answer).isTrue();
        String id = saved.group(1);
        assertThat(key(answer)).isNotEqualTo(key);
        Matcher row = Pattern.compile("<tr data-testid=\"measure-row\" data-measure-id=\"" + id + "\">(.*?)</tr>",
                Pattern.DOTALL).matcher(answer);
        assertThat(row.find()).isTrue();
        assertThat(row.group(1)).contains("<strong>" + title + "</strong>").contains("ввёл pulse-test")
                .contains("муниципальный округ Коломна").contains("Фасад").contains("<td data-testid=\"measure-expected\">")
                .containsPattern("рано судить: прошло [01] дн\\. из 14").contains("<polyline class=\"treated\"");

        // The same form sent again (a double click): the same measure, not a second one.
        assertThat(submit(title, topic, key, today)).contains("Мера № " + id + " уже была сохранена.");
        assertThat(given().when().get("/console/parts/measures").then().statusCode(200).extract().asString())
                .containsOnlyOnce("<strong>" + title + "</strong>");

        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("title", "").formParam("municipality", "spb-kolomna")
                .formParam("category", "facade").formParam("day", today).formParam("requestKey", TestMessages.uniqueId())
                .when().post("/console/parts/measures").then().statusCode(400)
                .body(equalTo(ProblemBodies.invalid("title", "обязательное поле, не пустое")));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("title", "Ремонт").formParam("municipality", "spb-kolomna")
                .formParam("category", "facade").formParam("day", "01.02.2026").formParam("requestKey", TestMessages.uniqueId())
                .when().post("/console/parts/measures").then().statusCode(400)
                .body(equalTo(ProblemBodies.invalid("takenAt", "дата в виде ГГГГ-ММ-ДД")));
        given().header("Authorization", Tokens.bearer("official-kolpino")).when().get("/console/parts/measures")
                .then().statusCode(403);
    }

    private static String submit(String title, String topic, String key, String day) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("title", title).formParam("municipality", "spb-kolomna")
                .formParam("category", "facade").formParam("topic", topic)
                .formParam("day", day).formParam("requestKey", key).formParam("description", "")
                .when().post("/console/parts/measures").then().statusCode(200).extract().asString();
    }

    private static String key(String desk) {
        Matcher matcher = KEY.matcher(desk);
        assertThat(matcher.find()).as(desk).isTrue();
        return matcher.group(1);
    }
}
