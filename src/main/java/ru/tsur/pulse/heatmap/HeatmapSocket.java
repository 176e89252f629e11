package ru.tsur.pulse.heatmap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.access.SocketExpiry;
import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.screens.ScreenSocket;

import java.util.Optional;

/**
 * {@code /ws/heatmap[?window=1h|24h|7d]}: a snapshot on connect, then deltas. A screen may send
 * {@code {"type":"resync"}} (it saw a sequence gap) or {@code {"type":"subscribe","window":"24h"}}.
 */
@WebSocket(path = "/ws/heatmap")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
public class HeatmapSocket extends ScreenSocket<Window> {

    public HeatmapSocket(HeatmapBroadcaster broadcaster, ObjectMapper json, SecurityIdentity identity, SocketExpiry expiry) {
        super(broadcaster, identity, expiry, json);
    }

    @Override
    protected Optional<Window> requested(WebSocketConnection connection) {
        return Window.fromLabel(queryParameter(connection, "window").orElse(Window.HOUR.label()));
    }

    @Override
    protected boolean takesSubscriptions() {
        return true;
    }

    @Override
    protected Optional<Window> subscription(JsonNode request) {
        return Window.fromLabel(request.path("window").asText());
    }

    @Override
    protected String unknownSubscription() {
        return "Unknown window; use 1h, 24h or 7d";
    }

    @Override
    protected String unknownRequest() {
        return "Unknown request; send {\"type\":\"resync\"} or {\"type\":\"subscribe\",\"window\":\"24h\"}";
    }
}
