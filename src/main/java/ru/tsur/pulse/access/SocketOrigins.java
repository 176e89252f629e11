package ru.tsur.pulse.access;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a socket upgrade sent by a browser page of another site: a WebSocket is not covered by the
 * same-origin policy, so without this check a page elsewhere could open {@code /ws/alerts} with whatever the
 * browser sends on its own. An upgrade without {@code Origin} (a program, not a browser) is let through to
 * the authentication that follows; one whose origin is the service's own, or listed in
 * {@code pulse.access.allowed-origins}, too; any other is answered 403.
 */
@ApplicationScoped
public class SocketOrigins implements HttpUpgradeCheck {

    private final List<String> allowed;

    public SocketOrigins(AccessConfig config) {
        this.allowed = config.allowedOrigins().orElse(List.of()).stream()
                .map(origin -> origin.strip().toLowerCase(Locale.ROOT)).filter(origin -> !origin.isEmpty()).toList();
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        String host = context.httpRequest().getHeader("Host");
        return allowed(origin, host, context.httpRequest().scheme()) ? CheckResult.permitUpgrade()
                : CheckResult.rejectUpgrade(403);
    }

    boolean allowed(String origin, String host, String scheme) {
        if (origin == null) {
            return true;
        }
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains(normalized)) {
            return true;
        }
        try {
            URI uri = URI.create(normalized);
            String originHost = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return host != null && originHost.equals(host.strip().toLowerCase(Locale.ROOT))
                    && (scheme == null || scheme.equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
