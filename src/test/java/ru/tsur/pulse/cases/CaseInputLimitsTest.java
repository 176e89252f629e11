package ru.tsur.pulse.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.TestMessages;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What an executor, operator or resident may send to a case is bounded, and a refusal names the field in
 * Russian, whole: answers at most {@code pulse.cases.max-answer-length} (4000), reasons and comments
 * {@code pulse.cases.max-reason-length} (500), executors 300 and {@code by} 200 characters; a path id that
 * is no case number is a 404; query parameters are bounded too (an executor filter of 300 characters is
 * still read). Nothing refused changes the case.
 */
@QuarkusTest
class CaseInputLimitsTest {

    @Test
    void overlongAnswersReasonsCommentsExecutorsAndNamesAreRefusedNamingTheField() {
        long caseId = CaseFixtures.caseOf(CaseFixtures.post("spb-kolomna", "Сломанная лавочка " + TestMessages.uniqueId(),
                "Сломана лавочка у подъезда", Instant.now()));
        String moves = "/api/v1/cases/" + caseId;

        assertRefused(post(moves + "/answer", "{\"text\":\"" + "о".repeat(4001) + "\"}"),
                ProblemBodies.invalid("text", "не длиннее 4000 символов (получено 4001)"));
        assertRefused(post(moves + "/resolve", "{\"text\":\"" + "о".repeat(4001) + "\"}"),
                ProblemBodies.invalid("text", "не длиннее 4000 символов (получено 4001)"));
        assertRefused(post(moves + "/reject", "{\"reason\":\"" + "п".repeat(501) + "\"}"),
                ProblemBodies.invalid("reason", "не длиннее 500 символов (получено 501)"));
        assertRefused(post(moves + "/reject", "{}"), ProblemBodies.invalid("reason", "обязательное поле, не пустое"));
        assertRefused(post(moves + "/reopen", "{\"comment\":\"" + "к".repeat(501) + "\"}"),
                ProblemBodies.invalid("comment", "не длиннее 500 символов (получено 501)"));
        assertRefused(post(moves + "/confirm", "{\"comment\":\"" + "к".repeat(501) + "\"}"),
                ProblemBodies.invalid("comment", "не длиннее 500 символов (получено 501)"));
        assertRefused(post(moves + "/reassign", "{\"executor\":\"" + "И".repeat(301) + "\"}"),
                ProblemBodies.invalid("executor", "не длиннее 300 символов (получено 301)"));
        assertRefused(post(moves + "/assign", "{\"executor\":\"ООО Светосервис\\nи другие\"}"),
                ProblemBodies.invalid("executor", "одна строка: без переводов строки и табуляции (позиция 15)"));
        assertRefused(post(moves + "/reject", "{\"by\":\"ЖКС\",\"reason\":\"не наш\"}"), ProblemBodies.invalid("by", "неизвестное поле"));
        assertRefused(post(moves + "/reassign", "{\"executor\":\"ООО Рога и копыта\"}"), ProblemBodies.invalid("executor",
                "такого исполнителя регион не знает: его нет ни в таблице маршрутизации, ни в переопределениях, "
                        + "ни среди добавленных администратором"));

        given().when().get(moves).then().statusCode(200).body("case.status", equalTo("assigned"))
                .body("events.action", equalTo(java.util.List.of("opened", "assigned")));
        // The longest allowed answer is taken whole.
        given().contentType(ContentType.JSON).body("{\"text\":\"" + "о".repeat(4000) + "\"}")
                .when().post(moves + "/resolve").then().statusCode(200).body("status", equalTo("resolved"));
    }

    @Test
    void anIdThatIsNoCaseNumberIsNotFoundWithoutAskingPostgres() {
        String noSuchCase = ProblemBodies.notFound("Нет такого обращения: номер обращения — целое положительное число");
        for (String id : new String[]{"abc", "0", "-5", "1.5", "99999999999999999999"}) {
            Response response = given().when().get("/api/v1/cases/" + id);
            assertThat(response.statusCode()).as(id).isEqualTo(404);
            assertThat(response.asString()).as(id).isEqualTo(noSuchCase);
        }
        assertRefused(post("/api/v1/cases/abc/accept", "{}"), 404, noSuchCase);
    }

    @Test
    void queryParametersAreCheckedAndEveryBadOneIsNamed() {
        Response response = given().when().get("/api/v1/cases?executor=" + "и".repeat(300) + "&municipality=" + "м".repeat(201)
                + "&overdue=yes&repeat=1&size=500&page=-1");
        assertRefused(response, ProblemBodies.invalid(
                "municipality", "не длиннее 200 символов (получено 201)", "overdue", "true или false",
                "repeat", "true или false", "size", "целое число от 1 до 200", "page", "целое число от 0 до 42949672"));
        assertRefused(given().when().get("/api/v1/cases/repeat-rate?by=district&days=367"), ProblemBodies.invalid(
                "by", "одно из значений: municipality, topic, executor", "days", "целое число от 1 до 366"));
        given().when().get("/api/v1/cases?size=200&page=0&overdue=false").then().statusCode(200).body("size", equalTo(200));
    }

    private static Response post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path);
    }

    private static void assertRefused(Response response, String body) {
        assertRefused(response, 400, body);
    }

    private static void assertRefused(Response response, int status, String body) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.asString()).isEqualTo(body);
    }
}
