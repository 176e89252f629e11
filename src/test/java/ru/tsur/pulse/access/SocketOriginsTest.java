package ru.tsur.pulse.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which socket upgrades {@link SocketOrigins} lets through to authentication: a WebSocket is outside the
 * same-origin policy, so a page of another site could otherwise open {@code /ws/alerts} from the operator's
 * browser. Only the service's own origin (same scheme, host and port) and the configured origins pass; a
 * program (no {@code Origin}) is left to the token check. Plain unit test, no Quarkus.
 */
class SocketOriginsTest {

    private static SocketOrigins origins(String... allowed) {
        AccessConfig base = StartupRequirementsTest.config(null, null);
        return new SocketOrigins(new AccessConfig() {
            @Override
            public Optional<String> oidcUrl() {
                return base.oidcUrl();
            }

            @Override
            public String oidcClientId() {
                return base.oidcClientId();
            }

            @Override
            public Optional<String> oidcSecret() {
                return base.oidcSecret();
            }

            @Override
            public Optional<List<String>> allowedOrigins() {
                return allowed.length == 0 ? Optional.empty() : Optional.of(List.of(allowed));
            }
        });
    }

    @Test
    void anUpgradeWithoutOriginIsAProgramAndGoesOnToTheTokenCheck() {
        assertThat(origins().allowed(null, "127.0.0.1:8183", "http")).isTrue();
    }

    @Test
    void thePagesOwnOriginPasses() {
        SocketOrigins origins = origins();
        assertThat(origins.allowed("http://127.0.0.1:8183", "127.0.0.1:8183", "http")).isTrue();
        assertThat(origins.allowed("HTTP://LOCALHOST:8183", "localhost:8183", "http")).isTrue();
        assertThat(origins.allowed("https://pulse.region.ru", "pulse.region.ru", "https")).isTrue();
    }

    @Test
    void anotherPortHostOrSchemeIsAnotherOriginAndRefused() {
        SocketOrigins origins = origins();
        assertThat(origins.allowed("http://127.0.0.1:9999", "127.0.0.1:8183", "http")).isFalse();
        assertThat(origins.allowed("http://localhost:8183", "127.0.0.1:8183", "http")).isFalse();
        assertThat(origins.allowed("https://127.0.0.1:8183", "127.0.0.1:8183", "http")).isFalse();
        assertThat(origins.allowed("http://pulse.region.ru.evil.example", "pulse.region.ru", "http")).isFalse();
        assertThat(origins.allowed("http://127.0.0.1:8183@evil.example", "127.0.0.1:8183", "http")).isFalse();
    }

    @Test
    void opaqueOrMalformedOriginsAreRefused() {
        SocketOrigins origins = origins();
        assertThat(origins.allowed("null", "127.0.0.1:8183", "http")).isFalse();
        assertThat(origins.allowed("", "127.0.0.1:8183", "http")).isFalse();
        assertThat(origins.allowed("http://[", "127.0.0.1:8183", "http")).isFalse();
        assertThat(origins.allowed("http://127.0.0.1:8183", null, "http")).isFalse();
    }

    @Test
    void configuredOriginsPassWhateverTheirCase() {
        SocketOrigins origins = origins(" https://Wall.Region.ru ", "");
        assertThat(origins.allowed("https://wall.region.ru", "pulse.region.ru", "https")).isTrue();
        assertThat(origins.allowed("HTTPS://WALL.REGION.RU", "pulse.region.ru", "https")).isTrue();
        assertThat(origins.allowed("http://wall.region.ru", "pulse.region.ru", "https")).isFalse();
        assertThat(origins.allowed("https://console.region.ru", "pulse.region.ru", "https")).isFalse();
    }
}
