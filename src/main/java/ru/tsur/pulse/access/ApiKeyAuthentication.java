package ru.tsur.pulse.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.keys.ApiKeys;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Source systems (portals, bots, hotline software) authenticate with an API key instead of a person's token:
 * {@code X-Api-Key: pulse_k_…} or {@code Authorization: ApiKey pulse_k_…}. A valid key becomes an identity
 * with the role {@code source}, the key's id as its name and the sources it may post as; a key that is
 * unknown, wrong, revoked or expired is 401 — never a silent anonymous request. Requests without a key are
 * left to OIDC (bearer tokens).
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-Api-Key";
    private static final String SCHEME = "ApiKey ";

    private final ApiKeys keys;

    public ApiKeyAuthentication(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String presented = presented(context);
        if (presented == null) {
            return Uni.createFrom().nullItem();
        }
        return keys.authenticate(presented).onItem().transform(found -> found.<SecurityIdentity>map(key ->
                        QuarkusSecurityIdentity.builder()
                                .setPrincipal(new QuarkusPrincipal("key:" + key.id()))
                                .addRole(Roles.SOURCE)
                                .addAttribute(Caller.KEY_ID_ATTRIBUTE, key.id())
                                .addAttribute(Caller.SOURCES_ATTRIBUTE, Set.copyOf(new LinkedHashSet<>(key.sources())))
                                .build())
                .orElseThrow(() -> new AuthenticationFailedException("API key unknown, revoked or expired")));
    }

    /** Only a request that presented a key is answered with this mechanism's challenge; others get OIDC's (a redirect to the login page on the pages). */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (presented(context) == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "ApiKey realm=\"tsur-pulse\""));
    }

    /** After OIDC, whose challenge (401 with Bearer on the APIs, the login redirect on the pages) is the one to send. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    static String presented(RoutingContext context) {
        String header = context.request().getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return authorization.substring(SCHEME.length()).strip();
        }
        return null;
    }
}
