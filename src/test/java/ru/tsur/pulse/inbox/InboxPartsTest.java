package ru.tsur.pulse.inbox;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.AuthenticatedRestAssured;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The executor's parts and the answer-check API, as htmx and a client call them with a bearer token: the
 * inbox lists the executor's own cases only; the check names the flags in Russian; a flagged answer is held
 * back once (the check comes back in place of the case, with «Отправить как есть») and sent on the second,
 * explicit click — recorded with its flags; a rejection needs its reason; another executor's case is a 404
 * problem, exactly as a missing one.
 */
@QuarkusTest
@AuthenticatedRestAssured.Anonymous
class InboxPartsTest {

    static final String KOLPINO = "СПб ГКУ ЖА Колпинского района";
    static final String NEVSKY = "СПб ГКУ ЖА Невского района";
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    private static String flat(String html) {
        return html.replaceAll("\\s+", " ").replace("> <", "><").strip();
    }

    private static String code() {
        return TestMessages.uniqueId().replaceAll("[^a-z]", "").substring(0, 6);
    }

    @Test
    void theInboxListsTheExecutorsOwnCasesOnly() {
        long own = CaseFixtures.assignedCase("spb-kolpino", KOLPINO, "Течёт крыша над квартирой " + code());
        long others = CaseFixtures.assignedCase("spb-nevskiy-okrug", NEVSKY, "Течёт крыша над квартирой " + code());
        String inbox = as("executor-zhks1").when().get("/executor/parts/inbox").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(inbox).contains("<a id=\"case-link-" + own + "\" href=\"/executor/cases/" + own + "\">№ " + own + "</a>")
                .doesNotContain("/executor/cases/" + others + "\"").contains("<dd>" + KOLPINO + "</dd>");
        assertThat(inbox).containsPattern("осталось \\d+ ч( \\d+ мин)? рабочего времени|осталось \\d+ мин рабочего времени|просрочено");
    }

    @Test
    void theCheckNamesTheFlagsInRussianAndTheApiSaysTheSame() {
        String brushOff = TestMessages.brushOff();
        String check = as("executor-zhks1").contentType(FORM).formParam("text", brushOff)
                .when().post("/executor/parts/answer-check").then().statusCode(200).extract().asString();
        assertThat(flat(check)).isEqualTo("<div id=\"answer-check\" class=\"answer-check\" aria-live=\"polite\" data-testid=\"answer-check\">"
                + "<div class=\"warning\" data-testid=\"answer-warning\"><strong>похоже на отписку: нет срока и действия</strong>"
                + "<ul><li>нет ни срока, ни действия: не сказано, что сделано или будет сделано и когда</li></ul>"
                + "<p class=\"hint\">Ответ с пометками можно отправить, но понадобится второе подтверждение.</p></div></div>");

        as("executor-zhks1").contentType("application/json").body("{\"text\":\"Ок " + code() + "\"}")
                .when().post("/api/v1/answers/check").then().statusCode(200)
                .body(equalTo("{\"flagged\":true,\"warning\":\"похоже на отписку: слишком короткий; нет срока и действия\","
                        + "\"flags\":[{\"flag\":\"too_short\",\"explanation\":\"слишком короткий ответ: жителю не из чего понять, что сделано\"},"
                        + "{\"flag\":\"no_action\",\"explanation\":\"нет ни срока, ни действия: не сказано, что сделано или будет сделано и когда\"}]}"));
        as("operator").contentType("application/json")
                .body("{\"text\":\"Кровля над квартирой отремонтирована 02.12, протечка устранена. " + code() + "\"}")
                .when().post("/api/v1/answers/check").then().statusCode(200)
                .body(equalTo("{\"flagged\":false,\"warning\":null,\"flags\":[]}"));
    }

    @Test
    void aFlaggedAnswerIsHeldBackOnceAndSentAsItIsOnTheSecondClick() {
        long own = CaseFixtures.assignedCase("spb-kolpino", KOLPINO, "Течёт крыша над квартирой " + code());
        as("executor-zhks1").contentType(FORM).when().post("/executor/parts/cases/" + own + "/accept").then().statusCode(200);
        String brushOff = TestMessages.brushOff();

        Response held = as("executor-zhks1").contentType(FORM).formParam("text", brushOff)
                .when().post("/executor/parts/cases/" + own + "/answer");
        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(held.header("HX-Retarget")).isEqualTo("#answer-check");
        assertThat(flat(held.asString())).contains("<strong>похоже на отписку: нет срока и действия</strong>",
                "<button type=\"submit\" name=\"as-is\" value=\"yes\" class=\"danger\" data-testid=\"send-as-is\">Отправить как есть</button>");
        as("operator").when().get("/api/v1/cases/" + own).then().statusCode(200).body("case.status", equalTo("in_progress"));

        String sent = as("executor-zhks1").contentType(FORM).formParam("text", brushOff).formParam("as-is", "yes")
                .when().post("/executor/parts/cases/" + own + "/answer").then().statusCode(200).extract().asString();
        assertThat(flat(sent)).contains("<p class=\"done\" role=\"status\" data-testid=\"done\">Ответ отправлен как есть, с пометками проверки</p>",
                "<li class=\"flag\">нет ни срока, ни действия: не сказано, что сделано или будет сделано и когда</li>");
        as("operator").when().get("/api/v1/cases/" + own).then().statusCode(200).body("case.status", equalTo("answered"))
                .body("case.answerText", equalTo(brushOff)).body("case.answerFlags", equalTo(List.of("no_action")));
    }

    @Test
    void aRejectionNeedsItsReasonAndAnotherExecutorsCaseIsNotFound() {
        long own = CaseFixtures.assignedCase("spb-kolpino", KOLPINO, "Течёт крыша над квартирой " + code());
        long others = CaseFixtures.assignedCase("spb-nevskiy-okrug", NEVSKY, "Течёт крыша над квартирой " + code());
        as("executor-zhks1").contentType(FORM).formParam("reason", "   ").when().post("/executor/parts/cases/" + own + "/reject")
                .then().statusCode(400).contentType("application/problem+json")
                .body(equalTo(ProblemBodies.invalid("reason", "укажите причину отказа")));
        String notFound = ProblemBodies.notFound("Нет обращения № " + others);
        for (String move : List.of("accept", "resolve")) {
            as("executor-zhks1").contentType(FORM).when().post("/executor/parts/cases/" + others + "/" + move)
                    .then().statusCode(404).body(equalTo(notFound));
        }
        as("executor-zhks1").contentType(FORM).formParam("reason", "не наш дом").when().post("/executor/parts/cases/" + others + "/reject")
                .then().statusCode(404).body(equalTo(notFound));
        String rejected = as("executor-zhks1").contentType(FORM).formParam("reason", "дом обслуживает другая организация")
                .when().post("/executor/parts/cases/" + own + "/reject").then().statusCode(200).extract().asString();
        assertThat(flat(rejected)).contains("data-status=\"rejected\"", "<dt>Причина отказа</dt><dd>дом обслуживает другая организация</dd>",
                "<p class=\"empty\">В этом статусе действий нет.</p>");
    }
}
