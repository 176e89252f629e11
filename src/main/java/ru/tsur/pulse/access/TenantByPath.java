package ru.tsur.pulse.access;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which OIDC tenant a request belongs to, by its path alone: the pages (/wall, /console, /executor, /reports) log people in
 * with the code flow and a session cookie (tenant {@code web}); everything else — the APIs, the sockets,
 * /q — is the default, bearer-only tenant. Decided here rather than left to Quarkus' default resolution,
 * which would also pick the {@code web} tenant for any request carrying its session cookie: then a page of
 * another site could make the operator's browser call the APIs with that cookie.
 */
@ApplicationScoped
public class TenantByPath implements TenantResolver {

    /** The id Quarkus gives the tenant configured without a name ({@code quarkus.oidc.*}). */
    static final String DEFAULT_TENANT = "Default";
    static final String WEB_TENANT = "web";

    @Override
    public String resolve(RoutingContext context) {
        return isPage(context.normalizedPath()) ? WEB_TENANT : DEFAULT_TENANT;
    }

    /**
     * The pages people log in to (the wall, the operator console, the executor inbox, the reports, their shared
     * assets).
     * Their parts — the fragments and actions the pages fetch with htmx under {@code <page>/parts/} — are not:
     * they carry the session's bearer token like every API, so nothing that changes state accepts the cookie.
     */
    static boolean isPage(String path) {
        for (String page : new String[]{"/wall", "/console", "/executor", "/reports", "/pages"}) {
            if (path.equals(page) || path.startsWith(page + "/")) {
                return !path.startsWith(page + "/parts/");
            }
        }
        return false;
    }
}
