package ru.tsur.pulse.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.WebSocket;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.access.SocketExpiry;
import ru.tsur.pulse.screens.SingleFeedSocket;

/**
 * {@code /ws/feed}: a snapshot of the newest messages on connect, then each batch of new ones. A screen
 * that sees a sequence gap sends {@code {"type":"resync"}} and gets a fresh snapshot.
 */
@WebSocket(path = "/ws/feed")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
public class FeedSocket extends SingleFeedSocket {

    public FeedSocket(FeedBroadcaster broadcaster, ObjectMapper json, SecurityIdentity identity, SocketExpiry expiry) {
        super(broadcaster, identity, expiry, json);
    }
}
