package ru.tsur.pulse.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import ru.tsur.pulse.keys.KeyCreated;
import ru.tsur.pulse.messages.StoredMessageStatus;
import ru.tsur.pulse.problems.FieldError;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.support.AuthenticatedRestAssured;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Source systems over HTTP with their API keys, as a portal would post: a key made by an admin posts as its
 * sources ({@code X-Api-Key} or {@code Authorization: ApiKey …}) and any other source is a 403 naming it; a
 * revoked, expired, unknown or wrong key is 401; a key cannot be made already expired; a flood beyond the
 * key's burst is 429 with Retry-After, for that key only. The burst is 20 and the rate 1 a second here
 * (a profile of its own), so a flood takes 21 messages rather than 2001.
 */
@QuarkusTest
@TestProfile(SourceKeysTest.SmallBucket.class)
@AuthenticatedRestAssured.Anonymous
class SourceKeysTest {

    /** Keys with a small bucket: 20 messages at once, 1 a second after that. */
    public static class SmallBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pulse.keys.burst", "20", "pulse.keys.rate-per-second", "1");
        }
    }

    @Inject
    Pool pool;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String UNAUTHORIZED = "Нужен вход: токен доступа (Authorization: Bearer …) или ключ источника (X-Api-Key)";

    /** A key the admin makes for the sources (expiring at the given time, or after the default lifetime when null). */
    private static KeyCreated create(List<String> sources, Instant expiresAt) throws Exception {
        Map<String, Object> request = expiresAt == null
                ? Map.of("name", "Портал " + TestMessages.uniqueId(), "sources", sources)
                : Map.of("name", "Портал " + TestMessages.uniqueId(), "sources", sources, "expiresAt", expiresAt.toString());
        String body = given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(request)).when().post("/api/v1/admin/keys").then().statusCode(201)
                .extract().asString();
        return JSON.readValue(body, KeyCreated.class);
    }

    private static String message(String source) {
        return """
                {"source":"%s","externalId":"%s","text":"Не убран снег во дворе дома 3","municipality":"spb-kolpino"}"""
                .formatted(source, TestMessages.uniqueId());
    }

    private static Response post(String header, String value, String body) {
        return given().header(header, value).contentType(ContentType.JSON).body(body).when().post("/api/v1/messages");
    }

    private static Response post(KeyCreated key, String body) {
        return post("X-Api-Key", key.key(), body);
    }

    /** The problem the answer carries, after checking its status and media type. */
    private static Problem.Body problem(Response response, int status) throws Exception {
        response.then().statusCode(status).contentType("application/problem+json");
        return JSON.readValue(response.asString(), Problem.Body.class);
    }

    @Test
    void aKeyPostsAsItsSourcesOnlyAndAnyOtherSourceIsA403NamingIt() throws Exception {
        KeyCreated key = create(List.of("portal-test"), null);

        long id = post(key, message("portal-test")).then().statusCode(202).extract().jsonPath().getLong("id");
        post("Authorization", "ApiKey " + key.key(), message("portal-test")).then().statusCode(202);
        given().header("Authorization", Tokens.bearer("operator")).when().get("/api/v1/messages/" + id + "/original")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("source", org.hamcrest.Matchers.equalTo("portal-test"));

        assertThat(problem(post(key, message("hotline")), 403)).isEqualTo(Problem.forbidden("Ключ " + key.id()
                + " не может отправлять сообщения от имени источника «hotline» (поле source); разрешены: portal-test").body());
        Response batch = given().header("X-Api-Key", key.key()).contentType(ContentType.JSON)
                .body("[" + message("portal-test") + "," + message("hotline") + "]").when().post("/api/v1/messages/batch");
        assertThat(problem(batch, 403)).isEqualTo(Problem.forbidden("Ключ " + key.id()
                + " не может отправлять сообщения от имени источника «hotline» (поле [1].source); разрешены: portal-test").body());
    }

    @Test
    void aKeyFindsItsSourcesMessagesByTheirKeyAndNoOtherSources() throws Exception {
        KeyCreated key = create(List.of("portal-test"), null);
        String externalId = TestMessages.uniqueId();
        post(key, """
                {"source":"portal-test","externalId":"%s","text":"Не убран снег во дворе дома 3","municipality":"spb-kolpino"}"""
                .formatted(externalId)).then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(externalId).caseId() != null);

        String found = given().header("X-Api-Key", key.key()).queryParam("source", "Portal-Test")
                .queryParam("externalId", externalId).when().get("/api/v1/messages/by-key")
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        assertThat(JSON.readValue(found, StoredMessageStatus.class)).isEqualTo(stored(externalId));

        Response otherSource = given().header("X-Api-Key", key.key()).queryParam("source", "hotline")
                .queryParam("externalId", externalId).when().get("/api/v1/messages/by-key");
        assertThat(problem(otherSource, 403)).isEqualTo(Problem.forbidden("Ключ " + key.id()
                + " не видит сообщения источника «hotline»; разрешены: portal-test").body());
        Response notYet = given().header("X-Api-Key", key.key()).queryParam("source", "portal-test")
                .queryParam("externalId", "never-" + externalId).when().get("/api/v1/messages/by-key");
        assertThat(problem(notYet, 404)).isEqualTo(Problem.notFound(
                "Сообщение portal-test/never-" + externalId + " ещё не сохранено (или не приходило)").body());
        Response bare = given().header("Authorization", Tokens.bearer("operator")).when().get("/api/v1/messages/by-key");
        assertThat(problem(bare, 400)).isEqualTo(Problem.invalid(List.of(new FieldError("source", "обязательный параметр"),
                new FieldError("externalId", "обязательный параметр"))).body());
    }

    /** The message as PostgreSQL holds it under the key (source portal-test). */
    private StoredMessageStatus stored(String externalId) {
        Row row = pool.preparedQuery("""
                SELECT id, received_at, municipality_id, category_id, case_id FROM message
                WHERE source = 'portal-test' AND external_id = $1""").execute(Tuple.of(externalId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        return new StoredMessageStatus(row.getLong("id"), "portal-test", externalId,
                row.getOffsetDateTime("received_at").toInstant(), row.getString("municipality_id"),
                row.getString("category_id"), row.getLong("case_id"));
    }

    @Test
    void aRevokedKeyIs401AtOnce() throws Exception {
        KeyCreated key = create(List.of("portal-test"), null);
        post(key, message("portal-test")).then().statusCode(202);

        given().header("Authorization", Tokens.bearer("admin")).when().delete("/api/v1/admin/keys/" + key.id())
                .then().statusCode(200);
        Response refused = post(key, message("portal-test"));
        assertThat(problem(refused, 401)).isEqualTo(Problem.of(Problem.Kind.UNAUTHORIZED, UNAUTHORIZED).body());
        assertThat(problem(post("Authorization", "ApiKey " + key.key(), message("portal-test")), 401))
                .isEqualTo(Problem.of(Problem.Kind.UNAUTHORIZED, UNAUTHORIZED).body());
    }

    @Test
    void aKeyCannotBeMadeExpiredAndOneThatExpiredIs401() throws Exception {
        String past = given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"Портал\",\"sources\":[\"portal-test\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}")
                .when().post("/api/v1/admin/keys").then().statusCode(400).contentType("application/problem+json")
                .extract().asString();
        assertThat(JSON.readValue(past, Problem.Body.class))
                .isEqualTo(Problem.invalid("expiresAt", "срок действия должен быть в будущем").body());

        Instant expiresAt = Instant.now().plusSeconds(2);
        KeyCreated key = create(List.of("portal-test"), expiresAt);
        post(key, message("portal-test")).then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> post(key, message("portal-test")).statusCode() == 401);
        assertThat(Instant.now()).isAfterOrEqualTo(expiresAt);
        assertThat(problem(post(key, message("portal-test")), 401)).isEqualTo(Problem.of(Problem.Kind.UNAUTHORIZED, UNAUTHORIZED).body());
    }

    @Test
    void aWrongSecretAnUnknownKeyOrGarbageIs401() throws Exception {
        KeyCreated key = create(List.of("portal-test"), null);
        String secret = key.key().substring(key.key().length() - 52);
        String wrongSecret = key.key().substring(0, key.key().length() - 52) + (secret.charAt(0) == 'a' ? 'b' : 'a') + secret.substring(1);
        for (String presented : List.of(wrongSecret, "pulse_k_aaaaaaaaaaaa_" + secret, key.id(), "pulse_" + key.id(), "nonsense")) {
            assertThat(problem(post("X-Api-Key", presented, message("portal-test")), 401)).as(presented)
                    .isEqualTo(Problem.of(Problem.Kind.UNAUTHORIZED, UNAUTHORIZED).body());
            assertThat(problem(post("Authorization", "ApiKey " + presented, message("portal-test")), 401)).as(presented)
                    .isEqualTo(Problem.of(Problem.Kind.UNAUTHORIZED, UNAUTHORIZED).body());
        }
        // The right key still works after all those tries.
        post(key, message("portal-test")).then().statusCode(202);
    }

    @Test
    void aFloodBeyondTheBurstIs429WithRetryAfterForThatKeyOnly() throws Exception {
        KeyCreated flooding = create(List.of("portal-test"), null);
        KeyCreated other = create(List.of("portal-test"), null);

        StringBuilder twenty = new StringBuilder("[");
        for (int index = 0; index < 20; index++) {
            twenty.append(index == 0 ? "" : ",").append(message("portal-test"));
        }
        twenty.append(']');
        given().header("X-Api-Key", flooding.key()).contentType(ContentType.JSON).body(twenty.toString())
                .when().post("/api/v1/messages/batch").then().statusCode(202);

        Response refused = post(flooding, message("portal-test"));
        assertThat(problem(refused, 429)).isEqualTo(Problem.tooManyRequests("Превышен лимит ключа " + flooding.id()
                + ": 1 сообщений в секунду, не больше 20 подряд; повторите через 1 с", 1).body());
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        post(other, message("portal-test")).then().statusCode(202);

        String twentyOne = twenty.substring(0, twenty.length() - 1) + "," + message("portal-test") + "]";
        Response tooMany = given().header("X-Api-Key", other.key()).contentType(ContentType.JSON).body(twentyOne)
                .when().post("/api/v1/messages/batch");
        assertThat(problem(tooMany, 413)).isEqualTo(Problem.tooLarge("Ключ может отправить не больше 20 сообщений за раз, а в запросе 21").body());

        // After Retry-After the key posts again.
        Thread.sleep(1100);
        post(flooding, message("portal-test")).then().statusCode(202);
    }
}
