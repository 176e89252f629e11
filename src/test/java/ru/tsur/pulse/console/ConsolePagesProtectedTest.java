package ru.tsur.pulse.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.AuthenticatedRestAssured;
import ru.tsur.pulse.support.Tokens;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's triage, alert, incident and measures pages and parts are the operator's alone: a page without a session goes to the
 * identity provider's login (302), a part without a bearer token is a 401 (the session cookie is not enough —
 * parts change state), an executor or a wall is refused (403), the operator gets through. The pages and parts
 * are not in the API document, so EveryEndpointIsProtectedTest cannot list them; this test does.
 */
@QuarkusTest
@AuthenticatedRestAssured.Anonymous
class ConsolePagesProtectedTest {

    private static final List<String> PAGES = List.of("/console/triage", "/console/alerts", "/console/incidents",
            "/console/measures");
    private static final List<String> PARTS = List.of("GET /console/parts/triage", "GET /console/parts/alerts",
            "GET /console/parts/measures", "POST /console/parts/measures",
            "POST /console/parts/triage/1", "POST /console/parts/alerts/000000000000000000000000/ack",
            "POST /console/parts/alerts/000000000000000000000000/silence",
            "POST /console/parts/alerts/000000000000000000000000/unsilence",
            "GET /console/parts/incidents", "GET /console/parts/incidents/1", "POST /console/parts/incidents/1/confirm",
            "POST /console/parts/incidents/1/link", "POST /console/parts/incidents/1/resolve",
            "POST /console/parts/incidents/1/dismiss");

    @Test
    void pagesAskAnonymousPeopleToLogInAndPartsRefuseThemWithout401() {
        List<String> answers = new ArrayList<>();
        for (String page : PAGES) {
            int status = given().redirects().follow(false).when().get(page).then().extract().statusCode();
            String location = given().redirects().follow(false).when().get(page).then().extract().header("Location");
            answers.add(page + " " + status + " " + (location != null && location.contains("/protocol/openid-connect/auth")));
        }
        for (String part : PARTS) {
            answers.add(part + " " + call(part, null));
        }
        assertThat(answers).containsExactly("/console/triage 302 true", "/console/alerts 302 true", "/console/incidents 302 true",
                "/console/measures 302 true",
                "GET /console/parts/triage 401", "GET /console/parts/alerts 401", "GET /console/parts/measures 401",
                "POST /console/parts/measures 401", "POST /console/parts/triage/1 401",
                "POST /console/parts/alerts/000000000000000000000000/ack 401",
                "POST /console/parts/alerts/000000000000000000000000/silence 401",
                "POST /console/parts/alerts/000000000000000000000000/unsilence 401",
                "GET /console/parts/incidents 401", "GET /console/parts/incidents/1 401",
                "POST /console/parts/incidents/1/confirm 401", "POST /console/parts/incidents/1/link 401",
                "POST /console/parts/incidents/1/resolve 401", "POST /console/parts/incidents/1/dismiss 401");
    }

    @Test
    void partsRefuseExecutorsAndWallsAndLetTheOperatorThrough() {
        List<String> answers = new ArrayList<>();
        for (String user : List.of("executor-zhks1", "wall", "operator")) {
            for (String part : List.of("GET /console/parts/triage", "GET /console/parts/alerts", "GET /console/parts/incidents",
                    "GET /console/parts/measures")) {
                answers.add(user + " " + part + " " + call(part, Tokens.bearer(user)));
            }
        }
        assertThat(answers).containsExactly(
                "executor-zhks1 GET /console/parts/triage 403", "executor-zhks1 GET /console/parts/alerts 403",
                "executor-zhks1 GET /console/parts/incidents 403", "executor-zhks1 GET /console/parts/measures 403",
                "wall GET /console/parts/triage 403", "wall GET /console/parts/alerts 403", "wall GET /console/parts/incidents 403",
                "wall GET /console/parts/measures 403",
                "operator GET /console/parts/triage 200", "operator GET /console/parts/alerts 200",
                "operator GET /console/parts/incidents 200", "operator GET /console/parts/measures 200");
    }

    private static int call(String part, String bearer) {
        String method = part.substring(0, part.indexOf(' '));
        String path = part.substring(part.indexOf(' ') + 1);
        var request = given().redirects().follow(false);
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (method.equals("POST")) {
            request.contentType(ContentType.URLENC).formParam("category", "improvement");
        }
        return request.when().request(method, path).then().extract().statusCode();
    }
}
