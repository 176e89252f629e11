package ru.tsur.pulse.feed;

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
public class FeedSocket {

    private final FeedBroadcaster broadcaster;
    private final ObjectMapper json;

    public FeedSocket(FeedBroadcaster broadcaster, ObjectMapper json) {
        this.broadcaster = broadcaster;
        this.json = json;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        broadcaster.register(connection);
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
