package ru.tsur.pulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;

/**
 * Receives a test socket's text frames, joins the parts of each, and queues it parsed as JSON: what
 * {@link ScreenClient} and {@link SocketUpgrade} both listen with.
 */
final class JsonFrameListener implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> frames;
    private final StringBuilder partial = new StringBuilder();

    JsonFrameListener(BlockingQueue<JsonNode> frames) {
        this.frames = frames;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }
}
