package ru.tsur.pulse.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.WebSocket;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.access.SocketExpiry;
import ru.tsur.pulse.screens.SingleFeedSocket;

/**
 * {@code /ws/alerts}: a snapshot on connect, then changes and heartbeats; a screen that sees a gap in the
 * sequence numbers sends {@code {"type":"resync"}} and gets a snapshot.
 */
@WebSocket(path = "/ws/alerts")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
public class AlertSocket extends SingleFeedSocket {

    public AlertSocket(AlertBroadcaster broadcaster, ObjectMapper json, SecurityIdentity identity, SocketExpiry expiry) {
        super(broadcaster, identity, expiry, json);
    }
}
