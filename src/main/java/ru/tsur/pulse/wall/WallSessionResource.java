package ru.tsur.pulse.wall;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.Roles;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /wall/session}: hands a page logged in with the code flow (session cookie, the "web" tenant)
 * the bearer token of that session, for its API calls and its sockets — which accept bearer tokens only,
 * so no other site can make the operator's browser act with the cookie. Quarkus refreshes the session's
 * tokens a minute before they expire, so asking again gives a fresh one; an expired session answers 499
 * to the page's script (it reloads and the login runs again — silently while the provider's session lives).
 * Other sites cannot read this answer (no CORS), and it is never cached.
 */
@Path("/wall/session")
public class WallSessionResource {

    /** What the page needs: who is logged in, with which roles, and the token with its expiry (epoch seconds). */
    @RegisterForReflection
    public record Session(String user, List<String> roles, String accessToken, long expiresAt) {
    }

    private static final Pattern EXPIRY = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

    private final AccessTokenCredential accessToken;
    private final SecurityIdentity identity;

    public WallSessionResource(AccessTokenCredential accessToken, SecurityIdentity identity) {
        this.accessToken = accessToken;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN, Roles.EXECUTOR})
    @Operation(hidden = true)
    public Response session() {
        String token = accessToken.getToken();
        Caller caller = Caller.of(identity);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new Session(caller.name(), caller.roles().stream().sorted().toList(), token, expiry(token)))
                .cacheControl(noStore).build();
    }

    /** The token's {@code exp} claim, read without verifying (the service issued nothing; the provider did). */
    static long expiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return 0;
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Matcher matcher = EXPIRY.matcher(payload);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
