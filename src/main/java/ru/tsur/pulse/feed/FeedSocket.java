package ru.tsur.pulse.feed;

import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.ScreenScope;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.access.SocketExpiry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import ru.tsur.pulse.push.ResyncRequests;

/**
 * {@code /ws/feed}: a snapshot of the newest messages on connect, then each batch of new ones. A screen
 * that sees a sequence gap sends {@code {"type":"resync"}} and gets a fresh snapshot.
 */
@WebSocket(path = "/ws/feed")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
public class FeedSocket {

    private final SecurityIdentity identity;
    private final SocketExpiry expiry;
    private final FeedBroadcaster broadcaster;
    private final ObjectMapper json;

    public FeedSocket(FeedBroadcaster broadcaster, ObjectMapper json, SecurityIdentity identity, SocketExpiry expiry) {
        this.identity = identity;
        this.expiry = expiry;
        this.broadcaster = broadcaster;
        this.json = json;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        expiry.closeAtExpiry(connection, identity);
        broadcaster.register(connection, ScreenScope.of(Caller.of(identity)));
    }

    @OnTextMessage
    public void onMessage(WebSocketConnection connection, String text) {
        ResyncRequests.handle(connection, broadcaster.screen(connection), text, json, broadcaster::errorFrame);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        broadcaster.unregister(connection);
    }
}
