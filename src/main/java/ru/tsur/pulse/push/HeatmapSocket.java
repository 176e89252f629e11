package ru.tsur.pulse.push;

import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.ScreenScope;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.access.SocketExpiry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import ru.tsur.pulse.counters.Window;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /ws/heatmap[?window=1h|24h|7d]}: a snapshot on connect, then deltas. A screen may send
 * {@code {"type":"resync"}} (it saw a sequence gap) or {@code {"type":"subscribe","window":"24h"}}.
 */
@WebSocket(path = "/ws/heatmap")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
public class HeatmapSocket {

    private final SecurityIdentity identity;
    private final SocketExpiry expiry;
    private final HeatmapBroadcaster broadcaster;
    private final ObjectMapper json;

    public HeatmapSocket(HeatmapBroadcaster broadcaster, ObjectMapper json, SecurityIdentity identity, SocketExpiry expiry) {
        this.identity = identity;
        this.expiry = expiry;
        this.broadcaster = broadcaster;
        this.json = json;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        expiry.closeAtExpiry(connection, identity);
        String requested = queryParameter(connection.handshakeRequest().query(), "window").orElse(Window.HOUR.label());
        Optional<Window> window = Window.fromLabel(requested);
        if (window.isEmpty()) {
            connection.sendText(broadcaster.errorFrame("Unknown window; use 1h, 24h or 7d"))
                    .chain(() -> connection.close()).subscribe().with(ignored -> { }, failure -> { });
            return;
        }
        broadcaster.register(connection, window.get(), ScreenScope.of(Caller.of(identity)));
    }

    @OnTextMessage
    public void onMessage(WebSocketConnection connection, String text) {
        ScreenSession<Window> screen = broadcaster.screen(connection);
        if (screen == null) {
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(text);
        } catch (java.io.IOException e) {
            connection.sendTextAndAwait(broadcaster.errorFrame("Frames must be JSON objects"));
            return;
        }
        switch (request.path("type").asText()) {
            case "resync" -> screen.resync();
            case "subscribe" -> Window.fromLabel(request.path("window").asText()).ifPresentOrElse(screen::subscribe,
                    () -> connection.sendTextAndAwait(broadcaster.errorFrame("Unknown window; use 1h, 24h or 7d")));
            default -> connection.sendTextAndAwait(broadcaster.errorFrame(
                    "Unknown request; send {\"type\":\"resync\"} or {\"type\":\"subscribe\",\"window\":\"24h\"}"));
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        broadcaster.unregister(connection);
    }

    static Optional<String> queryParameter(String query, String name) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
