package ru.tsur.pulse.inbox;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.AuthenticatedRestAssured;
import ru.tsur.pulse.support.PageSession;
import ru.tsur.pulse.support.Tokens;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and part of the executor's inbox refuses who may not use it. The pages ({@code /executor},
 * {@code /executor/cases/{id}}) send a visitor without a session to the identity provider's login (302) and
 * answer a logged-in person without the executor role 403; the parts under {@code /executor/parts/} take a
 * bearer token only — none (even with a page session's cookie) is a 401 asking for one, a token without the executor
 * role a 403 problem. The inbox package is left out of the API document, so this list is the test's own.
 */
@QuarkusTest
@AuthenticatedRestAssured.Anonymous
class InboxAccessTest {

    private static final List<String> PAGES = List.of("/executor", "/executor/cases/1");
    /** Every part: "METHOD path". */
    private static final List<String> PARTS = List.of("GET /executor/parts/inbox", "POST /executor/parts/answer-check",
            "POST /executor/parts/cases/999999999/accept", "POST /executor/parts/cases/999999999/answer",
            "POST /executor/parts/cases/999999999/resolve", "POST /executor/parts/cases/999999999/reject");

    private static final String FORBIDDEN = """
            {"type":"urn:tsur-pulse:problem:forbidden","title":"Нет прав на это действие","status":403,\
            "detail":"Ваша роль не позволяет это действие"}""";

    @TestHTTPResource("/")
    URL base;

    private String url(String path) {
        return "http://127.0.0.1:" + base.getPort() + path;
    }

    private static Response call(String part, String token) {
        String method = part.substring(0, part.indexOf(' '));
        String path = part.substring(part.indexOf(' ') + 1);
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST")) {
            request.contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("text", "Крыша отремонтирована 02.12")
                    .formParam("reason", "не наш дом");
        }
        return request.when().request(method, path);
    }

    @Test
    void withoutASessionThePagesSendToTheLogin() {
        for (String page : PAGES) {
            String location = given().redirects().follow(false).when().get(page).then().statusCode(302)
                    .extract().header("Location");
            assertThat(location).as(page).startsWith("http://127.0.0.1:8180/realms/pulse/protocol/openid-connect/auth?");
        }
    }

    @Test
    void withoutATokenEveryPartIsA401AndWithoutTheExecutorRoleA403Problem() {
        List<String> wrong = new ArrayList<>();
        for (String part : PARTS) {
            Response nobody = call(part, null);
            // Refused by the pages' HTTP permission before any resource: a bare 401 that asks for a bearer token.
            if (nobody.statusCode() != 401 || !String.valueOf(nobody.header("WWW-Authenticate")).startsWith("Bearer")) {
                wrong.add(part + " as nobody: " + nobody.statusCode() + " " + nobody.asString());
            }
            for (String user : List.of("operator", "official", "wall", "admin")) {
                Response refused = call(part, Tokens.of(user));
                if (refused.statusCode() != 403 || !refused.asString().equals(FORBIDDEN)) {
                    wrong.add(part + " as " + user + ": " + refused.statusCode() + " " + refused.asString());
                }
            }
            Response executor = call(part, Tokens.of("executor-zhks1"));
            if (executor.statusCode() == 401 || executor.statusCode() == 403) {
                wrong.add(part + " as executor-zhks1: " + executor.statusCode());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aLoggedInPersonWithoutTheExecutorRoleIsRefusedThePagesAndTheCookieOpensNoPart() throws Exception {
        PageSession operator = PageSession.login(url("/executor"), "operator");
        assertThat(operator.landing().statusCode()).as(operator.landing().uri() + " " + operator.landing().body()).isEqualTo(403);
        assertThat(operator.get(url("/executor/cases/1")).statusCode()).isEqualTo(403);

        PageSession executor = PageSession.login(url("/executor"), "executor-zhks1");
        HttpResponse<String> inbox = executor.landing();
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(inbox.body()).contains("<h1>Входящие обращения</h1>", "<span class=\"who\" data-testid=\"user\">executor-zhks1</span>");
        // The session's cookie alone opens no part: they take bearer tokens only.
        HttpResponse<String> part = executor.get(url("/executor/parts/inbox"));
        assertThat(part.statusCode()).isEqualTo(401);
        assertThat(part.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }
}
