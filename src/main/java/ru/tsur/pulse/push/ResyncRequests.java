package ru.tsur.pulse.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.WebSocketConnection;

import java.io.IOException;
import java.util.function.Function;

/**
 * What a screen may send on a socket whose only request is {@code {"type":"resync"}} (alerts, live feed):
 * a resync gets the screen a fresh snapshot; anything else is answered with an error frame.
 */
public final class ResyncRequests {

    private ResyncRequests() {
    }

    /**
     * Handles one text frame from a screen ({@code null} when the connection has no screen yet: ignored);
     * {@code errorFrame} turns a message into the socket's error frame.
     */
    public static void handle(WebSocketConnection connection, ScreenSession<?> screen, String text, ObjectMapper json,
                              Function<String, String> errorFrame) {
        if (screen == null) {
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(text);
        } catch (IOException e) {
            connection.sendTextAndAwait(errorFrame.apply("Frames must be JSON objects"));
            return;
        }
        if ("resync".equals(request.path("type").asText())) {
            screen.resync();
        } else {
            connection.sendTextAndAwait(errorFrame.apply("Unknown request; send {\"type\":\"resync\"}"));
        }
    }
}
