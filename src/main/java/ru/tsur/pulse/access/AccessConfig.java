package ru.tsur.pulse.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * Who may reach the service and from where: the OIDC provider the tenants use (README «Security»), and
 * the browser origins allowed to open the screens' sockets. Production must name its provider; the
 * defaults serve development, tests and the demo against the Keycloak of scripts/services.sh.
 */
@ConfigMapping(prefix = "pulse.access")
public interface AccessConfig {

    /** The OIDC provider's issuer URL (a Keycloak realm, or a regional SSO); required in production. */
    Optional<String> oidcUrl();

    /** The client id the service uses at the provider. */
    @WithDefault("pulse-web")
    String oidcClientId();

    /** The client's secret at the provider; required in production. */
    Optional<String> oidcSecret();

    /**
     * Origins (scheme://host:port) from which a browser page may open the sockets, besides the service's own
     * origin; empty: only pages the service serves itself.
     */
    Optional<List<String>> allowedOrigins();
}
