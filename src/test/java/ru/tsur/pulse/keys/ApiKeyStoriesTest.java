package ru.tsur.pulse.keys;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.audit.AuditEvent;
import ru.tsur.pulse.audit.AuditPage;
import ru.tsur.pulse.audit.AuditVerification;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.support.TestMessages;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keys for source systems, end to end on real PostgreSQL: an admin creates a key (shown once), it
 * authenticates with its sources, a wrong secret does not, a revoked key is refused at once on this replica,
 * an expired key is refused, listing never shows a secret or a hash, every create and revoke leaves an audit
 * row and the chain verifies; bad requests are named; a flood is limited per key.
 */
@QuarkusTest
class ApiKeyStoriesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ApiKeys keys;

    @Inject
    KeyRateLimiter limiter;

    @Inject
    KeysConfig keysConfig;

    @Inject
    ObjectMapper json;

    private KeyCreated create(Map<String, Object> request) throws Exception {
        String body = given().contentType(ContentType.JSON).body(json.writeValueAsString(request))
                .when().post("/api/v1/admin/keys").then().statusCode(201).extract().asString();
        return json.readValue(body, KeyCreated.class);
    }

    private List<ApiKey> list() throws Exception {
        String body = given().when().get("/api/v1/admin/keys").then().statusCode(200).extract().asString();
        return json.readValue(body, new TypeReference<>() {
        });
    }

    private Optional<KeyIdentity> authenticate(String key) {
        return keys.authenticate(key).await().atMost(WAIT);
    }

    @Test
    void aKeyAuthenticatesWithItsSourcesUntilItIsRevokedAndEveryChangeIsAudited() throws Exception {
        String name = "Портал «Наш город» " + TestMessages.uniqueId();
        KeyCreated created = create(Map.of("name", name, "sources", List.of("portal", "portal.mobile", "portal")));

        assertThat(created.id()).matches(KeyFormat.ID_PATTERN);
        assertThat(created.key()).startsWith("pulse_" + created.id() + "_").matches("pulse_k_[a-z2-7]{12}_[a-z2-7]{52}");
        assertThat(created).isEqualTo(new KeyCreated(created.id(), created.key(), name, List.of("portal", "portal.mobile"),
                created.createdAt(), created.createdAt().plus(Duration.ofDays(365))));
        assertThat(Duration.between(created.createdAt(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));

        KeyIdentity identity = new KeyIdentity(created.id(), name, List.of("portal", "portal.mobile"));
        assertThat(authenticate(created.key())).isEqualTo(Optional.of(identity));
        assertThat(authenticate(created.key())).isEqualTo(Optional.of(identity));
        assertThat(identity.mayPostAs("portal.mobile")).isTrue();
        assertThat(identity.mayPostAs("hotline")).isFalse();

        String secret = created.key().substring(created.key().length() - 52);
        String wrongSecret = created.key().substring(0, created.key().length() - 52)
                + (secret.charAt(0) == 'a' ? 'b' : 'a') + secret.substring(1);
        assertThat(authenticate(wrongSecret)).isEmpty();
        assertThat(authenticate("pulse_k_aaaaaaaaaaaa_" + secret)).isEmpty();
        assertThat(authenticate("Bearer " + created.key())).isEmpty();

        String revokedBody = given().when().delete("/api/v1/admin/keys/" + created.id())
                .then().statusCode(200).extract().asString();
        ApiKey revoked = json.readValue(revokedBody, ApiKey.class);
        assertThat(authenticate(created.key())).isEmpty();
        assertThat(revoked).isEqualTo(new ApiKey(created.id(), name, List.of("portal", "portal.mobile"), created.createdAt(),
                "pulse-test", created.expiresAt(), revoked.revokedAt(), "pulse-test", null));
        assertThat(revoked.revokedAt()).isNotNull();
        String again = given().when().delete("/api/v1/admin/keys/" + created.id()).then().statusCode(200).extract().asString();
        assertThat(json.readValue(again, ApiKey.class)).isEqualTo(revoked);

        ApiKey fresh = new ApiKey(created.id(), name, List.of("portal", "portal.mobile"), created.createdAt(), "pulse-test",
                created.expiresAt(), null, null, null);
        String auditBody = given().when().get("/api/v1/audit?target=key:" + created.id())
                .then().statusCode(200).extract().asString();
        AuditPage audit = json.readValue(auditBody, AuditPage.class);
        assertThat(audit.total()).isEqualTo(2);
        AuditEvent revoke = audit.items().get(0);
        AuditEvent create = audit.items().get(1);
        assertThat(List.of(create.subject(), create.roles(), String.valueOf(create.keyId()), create.action(), create.target(),
                String.valueOf(create.before()), create.remoteAddress()))
                .isEqualTo(List.of("pulse-test", List.of("admin", "metrics", "official", "operator", "wall"), "null", "key.create", "key:" + created.id(), "null", "127.0.0.1"));
        assertThat(json.readValue(create.after(), ApiKey.class)).isEqualTo(fresh);
        assertThat(List.of(revoke.subject(), revoke.action(), revoke.target(), revoke.remoteAddress()))
                .isEqualTo(List.of("pulse-test", "key.revoke", "key:" + created.id(), "127.0.0.1"));
        assertThat(json.readValue(revoke.before(), ApiKey.class)).isEqualTo(fresh);
        assertThat(json.readValue(revoke.after(), ApiKey.class)).isEqualTo(revoked);
        assertThat(revoke.previousHash()).isNotEqualTo(create.previousHash());
        assertThat(create.after() + revoke.before() + revoke.after()).doesNotContain(secret).doesNotContainIgnoringCase("hash");

        String verifyBody = given().contentType(ContentType.JSON).when().post("/api/v1/audit/verify").then().statusCode(200).extract().asString();
        AuditVerification verification = json.readValue(verifyBody, AuditVerification.class);
        assertThat(List.of(verification.valid(), String.valueOf(verification.firstBrokenId()), String.valueOf(verification.reason())))
                .isEqualTo(List.of(true, "null", "null"));
    }

    @Test
    void listingShowsEveryFieldButNeverASecretOrItsHash() throws Exception {
        KeyCreated created = create(Map.of("name", "Горячая линия " + TestMessages.uniqueId(), "sources", List.of("hotline")));
        assertThat(authenticate(created.key())).isPresent();
        keys.flushLastUsed().await().atMost(WAIT);

        String body = given().when().get("/api/v1/admin/keys").then().statusCode(200).extract().asString();
        String secret = created.key().substring(created.key().length() - 52);
        assertThat(body).doesNotContain(secret).doesNotContain(KeyFormat.secretHash(secret))
                .doesNotContainIgnoringCase("hash").doesNotContainIgnoringCase("secret");
        JsonNode listed = null;
        for (JsonNode key : json.readTree(body)) {
            if (key.path("id").asText().equals(created.id())) {
                listed = key;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.fieldNames()).toIterable().containsExactly("id", "name", "sources", "createdAt", "createdBy",
                "expiresAt", "revokedAt", "revokedBy", "lastUsedAt");
        ApiKey shown = list().stream().filter(key -> key.id().equals(created.id())).findFirst().orElseThrow();
        assertThat(shown).isEqualTo(new ApiKey(created.id(), created.name(), List.of("hotline"), created.createdAt(),
                "pulse-test", created.expiresAt(), null, null, shown.lastUsedAt()));
        assertThat(shown.lastUsedAt()).isNotNull();
        assertThat(Duration.between(shown.lastUsedAt(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void anExpiredKeyIsRefused() throws Exception {
        Instant expiresAt = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
        KeyCreated created = create(Map.of("name", "Бот ВКонтакте " + TestMessages.uniqueId(), "sources", List.of("vk"),
                "expiresAt", expiresAt.toString()));
        assertThat(created.expiresAt()).isEqualTo(expiresAt);
        assertThat(authenticate(created.key())).isPresent();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> authenticate(created.key()).isEmpty());
        assertThat(Instant.now()).isAfterOrEqualTo(expiresAt);
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        assertThat(refusal(Map.of("name", "Портал", "sources", List.of("portal", "Портал"))))
                .isEqualTo(Problem.invalid("sources[1]", "источник — от 1 до 64 символов a-z, 0-9, _ . -, первый — буква или цифра").body());
        assertThat(refusal(Map.of("name", " ", "sources", List.of("portal"))))
                .isEqualTo(Problem.invalid("name", "обязательное поле").body());
        assertThat(refusal(Map.of("name", "Портал", "sources", List.of())))
                .isEqualTo(Problem.invalid("sources", "нужен хотя бы один источник").body());
        assertThat(refusal(Map.of("name", "Портал", "sources", List.of("portal"), "expiresAt", "2020-01-01T00:00:00Z")))
                .isEqualTo(Problem.invalid("expiresAt", "срок действия должен быть в будущем").body());
        assertThat(refusal(Map.of("name", "Портал", "sources", List.of("portal"),
                "expiresAt", Instant.now().plus(Duration.ofDays(731)).toString())))
                .isEqualTo(Problem.invalid("expiresAt", "срок действия не дальше 730 дней от создания").body());

        String unknown = given().when().delete("/api/v1/admin/keys/k_aaaaaaaaaaaa").then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        assertThat(json.readValue(unknown, Problem.Body.class)).isEqualTo(Problem.notFound("Ключа k_aaaaaaaaaaaa нет").body());
        given().when().delete("/api/v1/admin/keys/nonsense").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aFloodFromOneKeyIsLimitedByTheConfiguredBucket() {
        String id = "k_" + "flood".repeat(3).substring(0, 12);
        // The bucket of the configuration in force (the test profile raises it so a week replays at full speed).
        assertThat(limiter.admit(id, (int) keysConfig.burst())).isEmpty();

        Optional<Problem> refused = limiter.admit(id, (int) keysConfig.ratePerSecond());
        assertThat(refused.map(Problem::body)).isEqualTo(Optional.of(Problem.tooManyRequests(
                "Превышен лимит ключа " + id + ": " + keysConfig.ratePerSecond() + " сообщений в секунду, не больше "
                        + keysConfig.burst() + " подряд; повторите через 1 с", 1).body()));
        assertThat(refused.get().retryAfterSeconds()).isEqualTo(1L);
    }

    private Problem.Body refusal(Map<String, Object> request) throws Exception {
        String body = given().contentType(ContentType.JSON).body(json.writeValueAsString(request))
                .when().post("/api/v1/admin/keys").then().statusCode(400).contentType("application/problem+json")
                .extract().asString();
        return json.readValue(body, Problem.Body.class);
    }
}
