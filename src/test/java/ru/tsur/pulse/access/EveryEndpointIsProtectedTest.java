package ru.tsur.pulse.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.AuthenticatedRestAssured;
import ru.tsur.pulse.support.SocketUpgrade;
import ru.tsur.pulse.support.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default, checked from the outside: the test walks the OpenAPI document and calls every operation
 * under {@code /api/} without credentials (401 problem+json), with a bad token or an unknown key (401), and
 * as every demo user and an API key — 403 problem+json for each whose roles the table below does not allow,
 * and no 401/403 for each it does. The table is the test's own statement of who may do what: an operation
 * the document has and the table lacks fails the test, so a new endpoint cannot slip in unprotected or
 * unreviewed. The same for every socket (read from the {@code @WebSocket} declarations): no token → 401,
 * a role not allowed → 403, the wall's kiosk user → a snapshot; a foreign Origin is refused even with a
 * good token. Metrics need the {@code metrics} role (Prometheus' client-credentials token); health is open.
 * Requests that an allowed role makes carry empty bodies and ids of nothing, so they change nothing
 * (except a counter rebuild, which is harmless).
 */
@QuarkusTest
@AuthenticatedRestAssured.Anonymous
class EveryEndpointIsProtectedTest {

    private static final String OPERATOR = Roles.OPERATOR;
    private static final String EXECUTOR = Roles.EXECUTOR;
    private static final String OFFICIAL = Roles.OFFICIAL;
    private static final String WALL = Roles.WALL;
    private static final String ADMIN = Roles.ADMIN;
    private static final String METRICS = Roles.METRICS;
    private static final String SOURCE = Roles.SOURCE;
    /** Who may look at the screens' data: the kiosk, the control room, officials, admins. */
    private static final Set<String> SCREENS = Set.of(WALL, OPERATOR, OFFICIAL, ADMIN);

    /** Every operation under /api/ and the roles that may call it. A new operation needs a row here. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("POST /api/v1/messages", Set.of(SOURCE, OPERATOR)),
            entry("POST /api/v1/messages/batch", Set.of(SOURCE, OPERATOR)),
            entry("GET /api/v1/messages/recent", SCREENS),
            entry("GET /api/v1/messages/by-key", Set.of(SOURCE, OPERATOR)),
            entry("GET /api/v1/messages/{id}/original", Set.of(OPERATOR, ADMIN)),
            entry("POST /api/v1/classify", Set.of(OPERATOR, ADMIN)),
            entry("GET /api/v1/heatmap", SCREENS),
            entry("GET /api/v1/tension-points", SCREENS),
            entry("GET /api/v1/dynamics", SCREENS),
            entry("GET /api/v1/prevention/places", SCREENS),
            entry("GET /api/v1/prevention/incidents", SCREENS),
            entry("GET /api/v1/prevention/incidents/{id}", SCREENS),
            entry("POST /api/v1/prevention/incidents/{id}/confirm", Set.of(OPERATOR, ADMIN)),
            entry("POST /api/v1/prevention/incidents/{id}/dismiss", Set.of(OPERATOR, ADMIN)),
            entry("POST /api/v1/prevention/incidents/{id}/link", Set.of(OPERATOR, ADMIN)),
            entry("POST /api/v1/prevention/incidents/{id}/resolve", Set.of(OPERATOR, ADMIN)),
            entry("GET /api/v1/prevention/forecast", SCREENS),
            entry("GET /api/v1/prevention/report.csv", Set.of(OPERATOR, OFFICIAL, ADMIN)),
            entry("GET /api/v1/prevention/report.pdf", Set.of(OPERATOR, OFFICIAL, ADMIN)),
            entry("POST /api/v1/prevention/measures", Set.of(OPERATOR, ADMIN)),
            entry("GET /api/v1/prevention/measures", Set.of(OPERATOR, OFFICIAL, ADMIN)),
            entry("GET /api/v1/prevention/measures/{id}", Set.of(OPERATOR, OFFICIAL, ADMIN)),
            entry("GET /api/v1/region", Set.of(WALL, OPERATOR, OFFICIAL, ADMIN, EXECUTOR)),
            entry("GET /api/v1/region/boundaries", Set.of(WALL, OPERATOR, OFFICIAL, ADMIN, EXECUTOR)),
            entry("GET /api/v1/alerts", SCREENS),
            entry("GET /api/v1/alerts/{id}", SCREENS),
            entry("GET /api/v1/alerts/{id}/history", SCREENS),
            entry("POST /api/v1/alerts/{id}/ack", Set.of(OPERATOR)),
            entry("POST /api/v1/alerts/{id}/silence", Set.of(OPERATOR)),
            entry("DELETE /api/v1/alerts/{id}/silence", Set.of(OPERATOR)),
            entry("GET /api/v1/cases", Set.of(OPERATOR, EXECUTOR, OFFICIAL, ADMIN)),
            entry("GET /api/v1/cases/repeat-rate", Set.of(OPERATOR, OFFICIAL, ADMIN)),
            entry("GET /api/v1/cases/{id}", Set.of(OPERATOR, EXECUTOR, OFFICIAL, ADMIN)),
            entry("POST /api/v1/cases/{id}/accept", Set.of(OPERATOR, EXECUTOR)),
            entry("POST /api/v1/cases/{id}/answer", Set.of(OPERATOR, EXECUTOR)),
            entry("POST /api/v1/cases/{id}/resolve", Set.of(OPERATOR, EXECUTOR)),
            entry("POST /api/v1/cases/{id}/reject", Set.of(OPERATOR, EXECUTOR)),
            entry("POST /api/v1/cases/{id}/assign", Set.of(OPERATOR)),
            entry("POST /api/v1/cases/{id}/reassign", Set.of(OPERATOR)),
            entry("POST /api/v1/cases/{id}/confirm", Set.of(OPERATOR, SOURCE)),
            entry("POST /api/v1/cases/{id}/reopen", Set.of(OPERATOR, SOURCE)),
            entry("POST /api/v1/cases/{id}/merge", Set.of(OPERATOR)),
            entry("POST /api/v1/cases/{id}/split", Set.of(OPERATOR)),
            entry("POST /api/v1/answers/check", Set.of(OPERATOR, EXECUTOR)),
            entry("GET /api/v1/deadlines/summary", SCREENS),
            entry("GET /api/v1/scorecards", SCREENS),
            entry("GET /api/v1/metrics/municipalities", Set.of(METRICS)),
            entry("GET /api/v1/audit", Set.of(ADMIN)),
            entry("POST /api/v1/audit/verify", Set.of(ADMIN)),
            entry("GET /api/v1/admin/keys", Set.of(ADMIN)),
            entry("POST /api/v1/admin/keys", Set.of(ADMIN)),
            entry("DELETE /api/v1/admin/keys/{id}", Set.of(ADMIN)),
            entry("GET /api/v1/admin/executors", Set.of(OPERATOR, ADMIN)),
            entry("POST /api/v1/admin/executors", Set.of(ADMIN)),
            entry("POST /api/v1/admin/counters/rebuild", Set.of(ADMIN)),
            entry("GET /api/v1/triage", Set.of(OPERATOR)),
            entry("POST /api/v1/triage/{id}", Set.of(OPERATOR)));

    /** Every socket and the roles that may open it. A new socket needs a row here. */
    private static final Map<String, Set<String>> SOCKETS = Map.of(
            "/ws/heatmap", SCREENS,
            "/ws/alerts", SCREENS,
            "/ws/feed", SCREENS);

    /** Path parameters: ids of nothing, so that an allowed caller's request changes nothing. */
    private static final Map<String, String> IDS = Map.of(
            "/api/v1/cases/{id}", "999999999",
            "/api/v1/alerts/{id}", "000000000000000000000000",
            "/api/v1/messages/{id}", "999999999",
            "/api/v1/admin/keys/{id}", "k_aaaaaaaaaaaa",
            "/api/v1/triage/{id}", "999999999",
            "/api/v1/prevention/incidents/{id}", "999999999",
            "/api/v1/prevention/measures/{id}", "999999999");

    private static final String UNAUTHORIZED = """
            {"type":"urn:tsur-pulse:problem:unauthorized","title":"Нужен вход","status":401,\
            "detail":"Нужен вход: токен доступа (Authorization: Bearer …) или ключ источника (X-Api-Key)"}""";
    private static final String FORBIDDEN = """
            {"type":"urn:tsur-pulse:problem:forbidden","title":"Нет прав на это действие","status":403,\
            "detail":"Ваша роль не позволяет это действие"}""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** An API key of the role {@code source}, made once for the class by the test user (an admin). */
    private static String sourceKey;

    @TestHTTPResource("/")
    URL base;

    /** A caller: a name for the messages, the roles it holds, and the header that presents it. */
    record Who(String name, Set<String> roles, String header, String value) {
        static Who user(String name, String... roles) {
            return new Who(name, Set.of(roles), "Authorization", Tokens.bearer(name));
        }

        boolean mayCall(Set<String> allowed) {
            return roles.stream().anyMatch(allowed::contains);
        }
    }

    private static List<Who> everyone() {
        return List.of(Who.user("operator", OPERATOR), Who.user("executor-zhks1", EXECUTOR), Who.user("official", OFFICIAL),
                Who.user("wall", WALL), Who.user("admin", ADMIN, OPERATOR),
                Who.user("prometheus", METRICS), new Who("API key", Set.of(SOURCE), "X-Api-Key", sourceKey()));
    }

    private static synchronized String sourceKey() {
        if (sourceKey == null) {
            sourceKey = given().header("Authorization", Tokens.bearer(Tokens.TEST_USER)).contentType(ContentType.JSON)
                    .body("{\"name\":\"EveryEndpointIsProtectedTest\",\"sources\":[\"portal\"]}")
                    .when().post("/api/v1/admin/keys").then().statusCode(201).extract().jsonPath().getString("key");
        }
        return sourceKey;
    }

    /** "METHOD /path" of every operation the OpenAPI document lists under /api/. */
    private static Set<String> documentedOperations() throws IOException {
        JsonNode document = JSON.readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (Set.of("get", "post", "put", "patch", "delete", "head", "options").contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** Calls the operation with a body that cannot change anything ({} to the actions), as the caller (null: no credentials). */
    private static Response call(String operation, String header, String value) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        for (Map.Entry<String, String> id : IDS.entrySet()) {
            if (path.startsWith(id.getKey())) {
                path = path.replace("{id}", id.getValue());
            }
        }
        assertThat(path).as("a value for every path parameter of " + operation).doesNotContain("{");
        RequestSpecification request = given().redirects().follow(false);
        if (header != null) {
            request.header(header, value);
        }
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            request.contentType(ContentType.JSON).body("{}");
        }
        return request.when().request(method, path);
    }

    /** What went otherwise than expected, one line per call ("" when it answered as expected). */
    private static String mismatch(String operation, String who, Response response, int status, String body) {
        String contentType = String.valueOf(response.getContentType());
        String answered = response.asString();
        boolean sameBody;
        try {
            sameBody = JSON.readTree(answered).equals(JSON.readTree(body));
        } catch (IOException notJson) {
            sameBody = false;
        }
        if (response.statusCode() == status && contentType.startsWith("application/problem+json") && sameBody) {
            return "";
        }
        return operation + " as " + who + ": " + response.statusCode() + " " + contentType + " " + shortened(answered);
    }

    private static String shortened(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    @Test
    void everyOperationOfTheApiDocumentIsListedWithTheRolesThatMayCallIt() throws IOException {
        Set<String> documented = documentedOperations();
        Set<String> unlisted = new TreeSet<>(documented);
        unlisted.removeAll(ALLOWED.keySet());
        Set<String> gone = new TreeSet<>(ALLOWED.keySet());
        gone.removeAll(documented);
        assertThat(unlisted).as("every operation must be listed in ALLOWED, with the roles that may call it").isEmpty();
        assertThat(gone).as("rows of ALLOWED the API no longer has").isEmpty();
        assertThat(documented).hasSize(57);
    }

    @Test
    void withoutCredentialsOrWithBadOnesEveryOperationIsA401Problem() throws IOException {
        String unknownKey = "pulse_k_aaaaaaaaaaaa_" + "a".repeat(52);
        List<String> mismatches = new ArrayList<>();
        for (String operation : documentedOperations()) {
            mismatches.add(mismatch(operation, "nobody", call(operation, null, null), 401, UNAUTHORIZED));
            mismatches.add(mismatch(operation, "a forged token", call(operation, "Authorization", "Bearer not.a.token"), 401, UNAUTHORIZED));
            mismatches.add(mismatch(operation, "an unknown key", call(operation, "X-Api-Key", unknownKey), 401, UNAUTHORIZED));
        }
        mismatches.removeIf(String::isEmpty);
        assertThat(mismatches).isEmpty();
        Response anonymous = call("GET /api/v1/region", null, null);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void everyRoleNotListedForAnOperationIsA403ProblemAndEveryListedOneGetsThrough() throws IOException {
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> throughByOperation = new TreeMap<>();
        for (String operation : documentedOperations()) {
            Set<String> allowed = ALLOWED.getOrDefault(operation, Set.of());
            for (Who who : everyone()) {
                Response response = call(operation, who.header(), who.value());
                if (who.mayCall(allowed)) {
                    if (response.statusCode() == 401 || response.statusCode() == 403) {
                        mismatches.add(operation + " as " + who.name() + " (allowed): " + response.statusCode() + " "
                                + shortened(response.asString()));
                    } else {
                        throughByOperation.merge(operation, 1, Integer::sum);
                    }
                } else {
                    mismatches.add(mismatch(operation, who.name(), response, 403, FORBIDDEN));
                }
            }
        }
        mismatches.removeIf(String::isEmpty);
        assertThat(mismatches).isEmpty();
        assertThat(throughByOperation.keySet()).as("every operation has a caller that gets through")
                .isEqualTo(new TreeSet<>(ALLOWED.keySet()));
    }

    @Test
    void everySocketIsListedAndRefusesNobodyWith401AndAnExecutorWith403AndServesTheWall() throws Exception {
        Set<String> declared = new TreeSet<>();
        Pattern socket = Pattern.compile("@WebSocket\\(\\s*path\\s*=\\s*\"([^\"]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                Matcher matcher = socket.matcher(Files.readString(source));
                while (matcher.find()) {
                    declared.add(matcher.group(1));
                }
            }
        }
        assertThat(declared).as("every socket must be listed in SOCKETS").isEqualTo(new TreeSet<>(SOCKETS.keySet()));
        int port = base.getPort();

        for (String path : declared) {
            assertThat(SOCKETS.get(path)).doesNotContain(EXECUTOR).contains(WALL);
            try (SocketUpgrade nobody = SocketUpgrade.attempt(port, path, Map.of(), List.of())) {
                assertThat(nobody.status()).as(path + " without a token").isEqualTo(401);
            }
            try (SocketUpgrade forged = SocketUpgrade.attempt(port, path, Map.of(), SocketUpgrade.carrying("not.a.token"))) {
                assertThat(forged.status()).as(path + " with a forged token").isEqualTo(401);
            }
            try (SocketUpgrade executor = SocketUpgrade.attempt(port, path, Map.of(), SocketUpgrade.carrying(Tokens.of("executor-zhks1")))) {
                assertThat(executor.status()).as(path + " as an executor").isEqualTo(403);
            }
            try (SocketUpgrade executor = SocketUpgrade.attempt(port, path, Map.of("Authorization", Tokens.bearer("executor-zhks1")), List.of())) {
                assertThat(executor.status()).as(path + " as an executor, token in the header").isEqualTo(403);
            }
            try (SocketUpgrade wall = SocketUpgrade.attempt(port, path, Map.of(), SocketUpgrade.carrying(Tokens.of("wall")))) {
                assertThat(wall.status()).as(path + " as the wall").isEqualTo(101);
                assertThat(wall.subprotocol()).isEqualTo("bearer-token-carrier");
                assertThat(wall.next(WAIT).path("type").asText()).as(path + ": the first frame").isEqualTo("snapshot");
            }
        }
    }

    @Test
    void aSocketUpgradeFromAnotherOriginIsRefusedEvenWithTheWallsToken() throws Exception {
        int port = base.getPort();
        for (String path : new TreeSet<>(SOCKETS.keySet())) {
            for (String origin : List.of("http://127.0.0.1:1", "http://localhost:" + port, "https://127.0.0.1:" + port, "null")) {
                try (SocketUpgrade foreign = SocketUpgrade.attempt(port, path, Map.of("Origin", origin),
                        SocketUpgrade.carrying(Tokens.of("wall")))) {
                    assertThat(foreign.status()).as(path + " from " + origin).isEqualTo(403);
                }
            }
            try (SocketUpgrade own = SocketUpgrade.attempt(port, path, Map.of("Origin", "http://127.0.0.1:" + port),
                    SocketUpgrade.carrying(Tokens.of("wall")))) {
                assertThat(own.status()).as(path + " from the service's own origin").isEqualTo(101);
                assertThat(own.next(WAIT).path("type").asText()).isEqualTo("snapshot");
            }
        }
    }

    @Test
    void metricsNeedTheMetricsRoleOfPrometheusAndHealthIsOpen() throws Exception {
        given().redirects().follow(false).when().get("/q/metrics").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("wall")).when().get("/q/metrics").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("executor-zhks1")).when().get("/q/metrics").then().statusCode(403);
        given().header("Authorization", "Bearer " + clientCredentialsToken("pulse-prometheus", "pulse-prometheus-secret"))
                .when().get("/q/metrics").then().statusCode(200);

        String health = given().when().get("/q/health").then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
        assertThat(JSON.readTree(health).path("status").asText()).isEqualTo("UP");
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    /** A token of a client acting for itself (OAuth client credentials), as Prometheus scrapes. */
    private static String clientCredentialsToken(String client, String secret) throws Exception {
        String tokenUrl = System.getProperty("pulse.test.token-url",
                "http://127.0.0.1:8180/realms/pulse/protocol/openid-connect/token");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + client
                        + "&client_secret=" + secret)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }
}
