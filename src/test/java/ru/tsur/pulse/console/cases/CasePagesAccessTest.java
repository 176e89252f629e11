package ru.tsur.pulse.console.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.AuthenticatedRestAssured;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's case pages and parts are not in the API document, so {@code EveryEndpointIsProtectedTest} cannot
 * see them: here every page refuses a caller without a session (a redirect to the login), and every part refuses
 * a caller without a token (401) and a non-operator (403); an operator's part answers HTML. The pages' 403 for a
 * logged-in non-operator is shown in {@code CaseConsoleBrowserTest} (a page session needs a browser login).
 */
@QuarkusTest
@AuthenticatedRestAssured.Anonymous
class CasePagesAccessTest {

    static final List<String> PAGES = List.of("/console", "/console/cases", "/console/cases/1", "/console/rejected");
    static final List<String> PARTS = List.of("assign", "reassign", "accept", "answer", "resolve", "reject", "confirm",
            "reopen", "merge", "split", "reroute");

    @Test
    void everyPageSendsACallerWithoutASessionToTheLogin() {
        Map<String, String> answers = new TreeMap<>();
        for (String page : PAGES) {
            Response response = given().redirects().follow(false).when().get(page);
            answers.put(page, response.statusCode() + " " + response.header("Location").replaceAll("\\?.*", ""));
        }
        String login = "302 http://127.0.0.1:8180/realms/pulse/protocol/openid-connect/auth";
        assertThat(answers).containsExactlyInAnyOrderEntriesOf(Map.of("/console", login, "/console/cases", login,
                "/console/cases/1", login, "/console/rejected", login));
    }

    @Test
    void everyPartRefusesNobodyWith401AndAnExecutorOrAnOfficialWith403() {
        List<String> wrong = new ArrayList<>();
        for (String part : PARTS) {
            String path = "/console/parts/cases/999999999/" + part;
            expect(wrong, path + " anonymous", form().formParam("x", "y").when().post(path), 401);
            expect(wrong, path + " as executor", form().header("Authorization", Tokens.bearer("executor-zhks1"))
                    .formParam("x", "y").when().post(path), 403);
            expect(wrong, path + " as official", form().header("Authorization", Tokens.bearer("official"))
                    .formParam("x", "y").when().post(path), 403);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anOperatorRejectsAndReroutesThroughThePartsAndGetsHtmlBack() {
        String topic = "Не горит фонарь " + TestMessages.uniqueId();
        long caseId = CaseFixtures.caseOf(CaseFixtures.postAs("operator", "spb-kolomna", topic,
                "У дома 3 на Садовой не горит уличный фонарь", Instant.now()));
        String operator = Tokens.bearer("operator");
        String panel = form().header("Authorization", operator).formParam("reason", "не наш участок")
                .when().post("/console/parts/cases/" + caseId + "/reject")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(panel).startsWith("<section id=\"case\"").contains("data-status=\"rejected\"")
                .contains("<dd data-testid=\"rejected-reason\">не наш участок</dd>")
                .contains("data-testid=\"suggestion\"");
        String refused = form().header("Authorization", operator).formParam("reason", "")
                .when().post("/console/parts/cases/" + caseId + "/reject")
                .then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertThat(refused).contains("\"field\":\"reason\"");
        String executor = given().header("Authorization", operator).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().jsonPath().getString("case.executor");
        String sent = form().header("Authorization", operator).formParam("executor", executor)
                .when().post("/console/parts/cases/" + caseId + "/reroute")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(sent.strip()).isEqualTo("""
                <tr id="rejected-%d" data-case="%d" data-sent="true">
                  <td><a href="/console/cases/%d">№ %d</a></td>
                  <td colspan="5" class="ok" role="status">Отправлено исполнителю: %s</td>
                </tr>""".formatted(caseId, caseId, caseId, caseId, executor));
    }

    /** A form as a browser sends it (UTF-8; RestAssured's default ISO-8859-1 is refused with 415). */
    private static io.restassured.specification.RequestSpecification form() {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static void expect(List<String> wrong, String what, Response response, int status) {
        if (response.statusCode() != status) {
            wrong.add(what + ": " + response.statusCode() + " " + response.asString());
        }
    }
}
