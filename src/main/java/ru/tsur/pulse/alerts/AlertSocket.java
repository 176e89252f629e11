package ru.tsur.pulse.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import ru.tsur.pulse.push.ScreenSession;

/**
 * {@code /ws/alerts}: a snapshot on connect, then changes and heartbeats; a screen that sees a gap in the
 * sequence numbers sends {@code {"type":"resync"}} and gets a snapshot.
 */
@WebSocket(path = "/ws/alerts")
public class AlertSocket {

    private final AlertBroadcaster broadcaster;
    private final ObjectMapper json;

    public AlertSocket(AlertBroadcaster broadcaster, ObjectMapper json) {
        this.broadcaster = broadcaster;
        this.json = json;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        broadcaster.register(connection);
    }

    @OnTextMessage
    public void onMessage(WebSocketConnection connection, String text) {
        ScreenSession<AlertBroadcaster.Feed> screen = broadcaster.screen(connection);
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
        if ("resync".equals(request.path("type").asText())) {
            screen.resync();
        } else {
            connection.sendTextAndAwait(broadcaster.errorFrame("Unknown request; send {\"type\":\"resync\"}"));
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        broadcaster.unregister(connection);
    }
}
