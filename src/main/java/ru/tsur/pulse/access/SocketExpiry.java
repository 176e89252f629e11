package ru.tsur.pulse.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;

/**
 * A screen's socket lives only as long as the token that opened it: at the token's expiry the socket is
 * closed with {@link #TOKEN_EXPIRED} ("token expired"), and the page opens a new one with a fresh token from
 * its session. A revoked or downgraded user thus loses the live feed within one token lifetime (minutes).
 */
@ApplicationScoped
public class SocketExpiry {

    /** Close code of a socket whose token expired (4000–4999 are for applications). */
    public static final short TOKEN_EXPIRED = 4401;

    private final Vertx vertx;
    private final Clock clock;

    public SocketExpiry(Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Schedules the close of this connection when the identity's token expires (nothing for tokens without expiry). */
    public void closeAtExpiry(WebSocketConnection connection, SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return;
        }
        long delay = Math.max(1, Duration.between(clock.instant(), java.time.Instant.ofEpochSecond(token.getExpirationTime())).toMillis());
        vertx.setTimer(delay, ignored -> {
            if (connection.isOpen()) {
                connection.close(new io.quarkus.websockets.next.CloseReason(TOKEN_EXPIRED, "token expired")).subscribe().with(
                        done -> { }, failure -> { });
            }
        });
    }
}
