package ru.tsur.pulse.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.alerts.Alert;
import ru.tsur.pulse.alerts.AlertRaise;
import ru.tsur.pulse.alerts.AlertService;
import ru.tsur.pulse.support.AuthenticatedRestAssured;
import ru.tsur.pulse.support.BrowserTestBase;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;
import ru.tsur.pulse.support.WallBrowser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.tsur.pulse.access.ScopedCases.KOLPINO_EXECUTOR;

/**
 * The browser's side of access, in a real headless Chromium (like the wall's browser tests, it needs Debian's
 * chromium and chromedriver; scripts/browser.sh installs them). (a) Every answer — the wall after the login,
 * its assets, an API answer, a 401, a 404, the login redirect — carries a CSP without inline code, nosniff,
 * no framing and no referrer, and the wall's assets are revalidated rather than {@code immutable}. (b) With
 * the operator logged in (the session cookie set), a page of another origin — served here by a second HTTP
 * server on another port of 127.0.0.1, so the same site, and the cookie travels with its requests — opens
 * {@code /ws/alerts}; fetches an acknowledgement, a silence and the session's token with credentials; sends
 * "simple" posts no browser asks about first (no body, or a body without a Content-Type) to acknowledge,
 * accept and resolve and to post a message; and submits forms to an acknowledgement and a resolution. It
 * gets no frame, reads no answer and no cookie, and nothing changes on the service (checked through the API
 * and PostgreSQL afterwards): the APIs take bearer tokens and keys only, never the pages' session cookie.
 */
@QuarkusTest
@AuthenticatedRestAssured.Anonymous
class BrowserProtectionsTest extends BrowserTestBase {

    private static final Duration LOAD = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static HttpServer elsewhere;
    /** The page the other origin serves (set by each test before it opens it). */
    private static volatile String evilPage = "";

    @Inject
    AlertService alerts;

    @Inject
    Pool pool;

    @BeforeAll
    static void startBrowserAndAnotherOrigin() throws IOException {
        browser = WallBrowser.start(1366, 768);
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            byte[] page = evilPage.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        elsewhere.start();
    }

    @AfterAll
    static void stopAnotherOrigin() {
        if (elsewhere != null) {
            elsewhere.stop(0);
        }
    }

    /** Opens the wall as the user (logging in on Keycloak's page if there is no session yet) and waits until it loaded. */
    private void loggedIn(String user) {
        // Cookies belong to the host, whatever the port: this forgets the service's session and Keycloak's alike.
        browser.driver().get(url("/q/health"));
        browser.driver().manage().deleteAllCookies();
        browser.open(url("/wall/"), user);
        browser.awaitTrue("window.wallState && wallState.municipalities > 0", LOAD, "the wall did not load after the login");
    }

    /** The headers that matter here, and the status, of an answer as a JSON object. */
    private static Map<String, Object> securityHeaders(Response response) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("status", response.statusCode());
        for (String name : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy")) {
            headers.put(name, response.header(name));
        }
        return headers;
    }

    private static Map<String, Object> expected(int status) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("status", status);
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        return headers;
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndTheWallsAssetsAreRevalidated() throws Exception {
        loggedIn("wall");
        // Fetched by the logged-in page itself: the session cookie for the pages, its bearer token for the API.
        String fetched = browser.text("""
                fetch('/wall/session').then(r => r.json()).then(session => Promise.all(
                  ['/wall/', '/wall/wall.js', '/wall/wall.css', '/api/v1/region', '/api/v1/no-such-thing', '/wall/no-such.js']
                    .map(path => fetch(path, {headers: {Authorization: 'Bearer ' + session.accessToken}, redirect: 'manual'})
                      .then(r => ({path: path, status: r.status,
                        'Content-Security-Policy': r.headers.get('Content-Security-Policy'),
                        'X-Content-Type-Options': r.headers.get('X-Content-Type-Options'),
                        'X-Frame-Options': r.headers.get('X-Frame-Options'),
                        'Referrer-Policy': r.headers.get('Referrer-Policy'),
                        'Cache-Control': r.headers.get('Cache-Control'),
                        validator: r.headers.get('Last-Modified') || r.headers.get('ETag')})))))
                  .then(answers => JSON.stringify(answers))""");
        Map<String, Integer> statuses = Map.of("/wall/", 200, "/wall/wall.js", 200, "/wall/wall.css", 200,
                "/api/v1/region", 200, "/api/v1/no-such-thing", 404, "/wall/no-such.js", 404);
        List<String> mismatches = new ArrayList<>();
        List<String> cachedForGood = new ArrayList<>();
        for (JsonNode answer : JSON.readTree(fetched)) {
            String path = answer.path("path").asText();
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("status", answer.path("status").asInt());
            for (String name : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy")) {
                seen.put(name, answer.path(name).isNull() ? null : answer.path(name).asText());
            }
            if (!seen.equals(expected(statuses.get(path)))) {
                mismatches.add(path + ": " + seen);
            }
            if (path.endsWith(".js") || path.endsWith(".css")) {
                if (answer.path("status").asInt() == 200 && (answer.path("Cache-Control").asText().contains("immutable")
                        || answer.path("validator").isNull())) {
                    cachedForGood.add(path + ": cached as " + answer.path("Cache-Control") + " with validator " + answer.path("validator"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(CSP).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");

        // Answers no page asked for: without a login, and the redirect to the login.
        Map<String, Map<String, Object>> anonymous = new LinkedHashMap<>();
        anonymous.put("GET /api/v1/region without a token", securityHeaders(given().redirects().follow(false).when().get("/api/v1/region")));
        anonymous.put("GET /no-such-page", securityHeaders(given().redirects().follow(false).when().get("/no-such-page")));
        anonymous.put("GET /q/health", securityHeaders(given().when().get("/q/health")));
        anonymous.put("GET /wall/ without a session", securityHeaders(given().redirects().follow(false).when().get("/wall/")));
        anonymous.put("GET /api/v1/region as the wall", securityHeaders(given().header("Authorization", Tokens.bearer("wall"))
                .when().get("/api/v1/region")));
        assertThat(anonymous).isEqualTo(Map.of(
                "GET /api/v1/region without a token", expected(401),
                "GET /no-such-page", expected(404),
                "GET /q/health", expected(200),
                "GET /wall/ without a session", expected(302),
                "GET /api/v1/region as the wall", expected(200)));
        // Last, as it is the one known to fail: "immutable" tells caches never to ask again while fresh.
        assertThat(cachedForGood).as("the wall's assets must be revalidated, never immutable").isEmpty();
    }

    @Test
    void aPageOfAnotherOriginCanNeitherReadTheAlertsSocketNorActWithTheOperatorsSession() throws Exception {
        Alert alert = alerts.raise(new AlertRaise("browser-test", Map.of("run", TestMessages.uniqueId()), "critical",
                "Проверка защиты браузера", "", Map.of(), null, null)).await().atMost(LOAD);
        long caseId = ScopedCases.caseFor("spb-kolpino", KOLPINO_EXECUTOR);
        String before = given().header("Authorization", Tokens.bearer(Tokens.TEST_USER)).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().asString();

        loggedIn("operator");
        // The session is real: the service's own page gets the operator's token from it.
        assertThat(browser.text("fetch('/wall/session').then(r => r.json()).then(session => session.user)")).isEqualTo("operator");

        String target = url("");
        String source = "evil-" + TestMessages.uniqueId().substring(0, 8);
        evilPage = """
                <!doctype html><html><head><meta charset="utf-8"><title>Котики</title></head><body>
                <iframe name="sink" style="display:none"></iframe>
                <form id="ack" method="POST" action="%1$s/api/v1/alerts/%2$s/ack" target="sink"></form>
                <form id="resolve" method="POST" action="%1$s/api/v1/cases/%3$s/resolve" enctype="text/plain" target="sink">
                  <input name='{"text":"Решено","x":"' value='"}'></form>
                <script>
                window.evil = {socket: {opened: false, frames: 0, closed: false}, done: 0, cookies: document.cookie};
                function settle(name, promise) {
                  promise.then(r => r.text().then(body => { evil[name] = {read: true, status: r.status, type: r.type, body: body}; }))
                    .catch(e => { evil[name] = {read: false, error: String(e)}; })
                    .finally(() => { evil.done++; });
                }
                function blind(path, json) {
                  // No Content-Type at all (a Blob without a type): a "simple" request, sent without asking first.
                  var init = {method: 'POST', mode: 'no-cors', credentials: 'include'};
                  if (json) { init.body = new Blob([json]); }
                  return fetch('%1$s' + path, init);
                }
                var ws = new WebSocket('%4$s/ws/alerts');
                ws.onopen = () => { evil.socket.opened = true; };
                ws.onmessage = event => { evil.socket.frames++; evil.socket.data = String(event.data).slice(0, 200); };
                ws.onclose = event => { evil.socket.closed = true; evil.socket.code = event.code; evil.done++; };
                settle('ack', fetch('%1$s/api/v1/alerts/%2$s/ack', {method: 'POST', credentials: 'include'}));
                settle('silence', fetch('%1$s/api/v1/alerts/%2$s/silence', {method: 'POST', credentials: 'include',
                  headers: {'Content-Type': 'text/plain'}, body: '{"reason":"ночь","duration":"PT2H"}'}));
                settle('session', fetch('%1$s/wall/session', {credentials: 'include'}));
                settle('blindAck', blind('/api/v1/alerts/%2$s/ack'));
                settle('blindAccept', blind('/api/v1/cases/%3$s/accept'));
                settle('blindResolve', blind('/api/v1/cases/%3$s/resolve', '{"text":"Решено"}'));
                settle('blindMessage', blind('/api/v1/messages', JSON.stringify({source: '%5$s', externalId: 'evil-1',
                  text: 'Фальшивое обращение от имени оператора', municipality: 'spb-kolpino'})));
                document.getElementById('ack').submit();
                setTimeout(() => { document.getElementById('resolve').submit(); evil.done++; }, 300);
                </script></body></html>""".formatted(target, alert.id(), caseId, target.replace("http://", "ws://"), source);
        String page = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/cats.html";
        browser.driver().get(page);
        // The socket closes, seven fetches settle and the second form goes: nine.
        browser.awaitTrue("window.evil && evil.done >= 9", LOAD, "the other origin's page did not finish its attempts");
        Thread.sleep(1000); // let the form posts reach the service

        JsonNode evil = JSON.readTree(browser.text("JSON.stringify(window.evil)"));
        assertThat(evil.path("socket")).as("the socket").isEqualTo(JSON.readTree("{\"opened\":false,\"frames\":0,\"closed\":true,\"code\":1006}"));
        for (String attempt : List.of("ack", "silence", "session")) {
            assertThat(evil.path(attempt).path("read")).as(attempt + ": " + evil.path(attempt)).isEqualTo(JSON.readTree("false"));
        }
        // A no-cors request goes out, but its answer is opaque: no status, no body.
        for (String attempt : List.of("blindAck", "blindAccept", "blindResolve", "blindMessage")) {
            assertThat(evil.path(attempt)).as(attempt).isEqualTo(JSON.readTree("{\"read\":true,\"status\":0,\"type\":\"opaque\",\"body\":\"\"}"));
        }
        assertThat(evil.path("cookies").asText()).as("cookies the other origin can read").doesNotContain("q_session");

        // What the service did with those requests: nothing, whoever's cookie they carried.
        Map<String, Object> effects = new LinkedHashMap<>();
        String alertNow = given().header("Authorization", Tokens.bearer(Tokens.TEST_USER)).when().get("/api/v1/alerts/" + alert.id())
                .then().statusCode(200).extract().asString();
        effects.put("alert acknowledged by", JSON.readTree(alertNow).path("acknowledgedBy").asText(null));
        effects.put("alert silenced until", JSON.readTree(alertNow).path("silencedUntil").asText(null));
        effects.put("alert history", given().header("Authorization", Tokens.bearer(Tokens.TEST_USER))
                .when().get("/api/v1/alerts/" + alert.id() + "/history").then().statusCode(200).extract().jsonPath()
                .getList("items.action", String.class));
        String caseNow = given().header("Authorization", Tokens.bearer(Tokens.TEST_USER)).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().asString();
        effects.put("case unchanged", caseNow.equals(before));
        effects.put("case events", JSON.readTree(caseNow).path("events").size());
        effects.put("messages posted as " + source, pool.preparedQuery("SELECT count(*) AS n FROM message WHERE source = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(source)).await().atMost(LOAD).iterator().next().getLong("n"));
        Map<String, Object> nothing = new LinkedHashMap<>();
        nothing.put("alert acknowledged by", null);
        nothing.put("alert silenced until", null);
        nothing.put("alert history", List.of());
        nothing.put("case unchanged", true);
        nothing.put("case events", 3);
        nothing.put("messages posted as " + source, 0L);
        assertThat(effects).isEqualTo(nothing);
    }
}
