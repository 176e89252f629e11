package ru.tsur.pulse.access;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production refuses to start without an OIDC provider and the client's secret, and says which is missing
 * (both when both are): a service started without them would fail every login or, "fixed" by switching
 * security off, be open to anyone. Development and tests have working defaults and are never refused.
 * Plain unit test of {@link StartupRequirements#missing}: no Quarkus, no Keycloak.
 */
class StartupRequirementsTest {

    private static final String NO_PROVIDER = "an OIDC provider (PULSE_OIDC_URL, e.g. https://sso.region.ru/realms/pulse)";
    private static final String NO_SECRET = "the OIDC client's secret (PULSE_OIDC_SECRET)";

    /** The access configuration with only the two values that matter here. */
    static AccessConfig config(String url, String secret) {
        return new AccessConfig() {
            @Override
            public Optional<String> oidcUrl() {
                return Optional.ofNullable(url);
            }

            @Override
            public String oidcClientId() {
                return "pulse-web";
            }

            @Override
            public Optional<String> oidcSecret() {
                return Optional.ofNullable(secret);
            }

            @Override
            public Optional<List<String>> allowedOrigins() {
                return Optional.empty();
            }
        };
    }

    @Test
    void productionWithoutProviderOrSecretNamesBoth() {
        assertThat(StartupRequirements.missing(config(null, null), LaunchMode.NORMAL)).isEqualTo(List.of(NO_PROVIDER, NO_SECRET));
    }

    @Test
    void blankValuesCountAsMissing() {
        assertThat(StartupRequirements.missing(config("  ", ""), LaunchMode.NORMAL)).isEqualTo(List.of(NO_PROVIDER, NO_SECRET));
    }

    @Test
    void productionNamesOnlyWhatIsMissing() {
        assertThat(StartupRequirements.missing(config("https://sso.region.ru/realms/pulse", null), LaunchMode.NORMAL))
                .isEqualTo(List.of(NO_SECRET));
        assertThat(StartupRequirements.missing(config(null, "s3cret"), LaunchMode.NORMAL)).isEqualTo(List.of(NO_PROVIDER));
    }

    @Test
    void productionWithProviderAndSecretMissesNothing() {
        assertThat(StartupRequirements.missing(config("https://sso.region.ru/realms/pulse", "s3cret"), LaunchMode.NORMAL)).isEmpty();
    }

    @Test
    void developmentAndTestsMissNothingEvenWithoutAnyValue() {
        assertThat(StartupRequirements.missing(config(null, null), LaunchMode.DEVELOPMENT)).isEmpty();
        assertThat(StartupRequirements.missing(config(null, null), LaunchMode.TEST)).isEmpty();
    }
}
