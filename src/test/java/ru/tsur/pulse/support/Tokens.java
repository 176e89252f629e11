package ru.tsur.pulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the Keycloak that scripts/services.sh runs (realm {@code pulse}, password grant
 * of the demo users: password = user name + "-demo"), cached until a minute before they expire. Tests use
 * the identity provider the service uses; nothing is mocked.
 */
public final class Tokens {

    /** The automated tests' own user: operator, admin, wall, official and metrics at once. */
    public static final String TEST_USER = "pulse-test";

    private static final String TOKEN_URL = System.getProperty("pulse.test.token-url",
            "http://127.0.0.1:8180/realms/pulse/protocol/openid-connect/token");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant refreshAfter) {
    }

    private Tokens() {
    }

    /** An access token of the user (one of the realm's demo users, or {@link #TEST_USER}). */
    public static String of(String user) {
        Cached cached = CACHE.get(user);
        if (cached != null && Instant.now().isBefore(cached.refreshAfter())) {
            return cached.token();
        }
        Cached fresh = fetch(user);
        CACHE.put(user, fresh);
        return fresh.token();
    }

    /** The {@code Authorization} header value for the user. */
    public static String bearer(String user) {
        return "Bearer " + of(user);
    }

    /** The automated tests' token. */
    public static String test() {
        return of(TEST_USER);
    }

    private static Cached fetch(String user) {
        String form = "grant_type=password&client_id=pulse-web&client_secret=pulse-web-secret&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user + "-demo", StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.statusCode() + " "
                        + response.body() + " (is it running? scripts/services.sh starts it)");
            }
            JsonNode body = JSON.readTree(response.body());
            long lifetime = body.path("expires_in").asLong(300);
            return new Cached(body.path("access_token").asText(), Instant.now().plusSeconds(Math.max(10, lifetime - 60)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak cannot be reached at " + TOKEN_URL + " (scripts/services.sh starts it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
