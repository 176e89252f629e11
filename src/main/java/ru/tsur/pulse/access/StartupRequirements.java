package ru.tsur.pulse.access;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/**
 * Production refuses to start without what keeps it closed: an OIDC provider and the client's secret
 * ({@code PULSE_OIDC_URL}, {@code PULSE_OIDC_SECRET}). A service that started without them would either
 * fail every login or — worse, if someone "fixed" it by turning security off — be open to anyone; so it
 * names what is missing and stops. Development, tests and the demo have working defaults (the Keycloak of
 * scripts/services.sh). The store of API keys is PostgreSQL, which the service cannot start without anyway.
 */
@ApplicationScoped
public class StartupRequirements {

    void check(@Observes StartupEvent started, AccessConfig config) {
        List<String> missing = missing(config, LaunchMode.current());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("TSUR Pulse does not start in production without: " + String.join("; ", missing));
        }
    }

    static List<String> missing(AccessConfig config, LaunchMode mode) {
        List<String> missing = new ArrayList<>();
        if (mode != LaunchMode.NORMAL) {
            return missing;
        }
        if (config.oidcUrl().filter(url -> !url.isBlank()).isEmpty()) {
            missing.add("an OIDC provider (PULSE_OIDC_URL, e.g. https://sso.region.ru/realms/pulse)");
        }
        if (config.oidcSecret().filter(secret -> !secret.isBlank()).isEmpty()) {
            missing.add("the OIDC client's secret (PULSE_OIDC_SECRET)");
        }
        return missing;
    }
}
