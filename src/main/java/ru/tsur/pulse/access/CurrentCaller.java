package ru.tsur.pulse.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the current request, with the address it came from: what resources hand to the services
 * that act and audit. One place reads the identity and the connection, so no resource takes "who" from a body.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    public CurrentCaller(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public Caller get() {
        return Caller.of(identity, remoteAddress());
    }

    private String remoteAddress() {
        RoutingContext context = request.getCurrent();
        if (context == null) {
            return null;
        }
        SocketAddress address = context.request().remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
