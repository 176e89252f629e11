package ru.tsur.pulse.screens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocketConnection;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.ScreenScope;
import ru.tsur.pulse.access.SocketExpiry;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What every screen socket does, whatever it streams: on open it closes the socket when the caller's token
 * expires, works out which municipalities the caller may see and registers the screen with its first
 * subscription; it answers {@code {"type":"resync"}} (the screen saw a sequence gap) with a snapshot and, on
 * streams with subscriptions, {@code {"type":"subscribe",…}}; anything else gets an error frame. Each
 * endpoint ({@code @WebSocket}) extends it with its path, roles and subscriptions.
 *
 * @param <S> what a screen of this stream subscribes to
 */
public abstract class ScreenSocket<S> {

    private final ScreenStream<S> stream;
    private final SecurityIdentity identity;
    private final SocketExpiry expiry;
    private final ObjectMapper json;
    private final ScreenFrames frames;

    protected ScreenSocket(ScreenStream<S> stream, SecurityIdentity identity, SocketExpiry expiry, ObjectMapper json) {
        this.stream = stream;
        this.identity = identity;
        this.expiry = expiry;
        this.json = json;
        this.frames = new ScreenFrames(json);
    }

    /** The subscription a new screen asked for in its handshake; empty when it asked for one that does not exist. */
    protected abstract Optional<S> requested(WebSocketConnection connection);

    /** Whether screens may switch subscriptions ({@code {"type":"subscribe",…}}); streams with one feed do not. */
    protected boolean takesSubscriptions() {
        return false;
    }

    /** The subscription a {@code subscribe} request names; empty when it names none. */
    protected Optional<S> subscription(JsonNode request) {
        return Optional.empty();
    }

    /** The error a screen gets for an unknown subscription. */
    protected String unknownSubscription() {
        return "Unknown subscription";
    }

    /** The error a screen gets for a request the stream does not know: what it may send. */
    protected String unknownRequest() {
        return "Unknown request; send {\"type\":\"resync\"}";
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        expiry.closeAtExpiry(connection, identity);
        Optional<S> subscription = requested(connection);
        if (subscription.isEmpty()) {
            connection.sendText(frames.error(unknownSubscription()))
                    .chain(() -> connection.close()).subscribe().with(ignored -> { }, failure -> { });
            return;
        }
        stream.open(connection, subscription.get(), ScreenScope.of(Caller.of(identity)));
    }

    @OnTextMessage
    public void onMessage(WebSocketConnection connection, String text) {
        ScreenSession<S> screen = stream.hub().screen(connection);
        if (screen == null) {
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(text);
        } catch (IOException e) {
            connection.sendTextAndAwait(frames.error("Frames must be JSON objects"));
            return;
        }
        String type = request.path("type").asText();
        if (type.equals("resync")) {
            screen.resync();
        } else if (type.equals("subscribe") && takesSubscriptions()) {
            subscription(request).ifPresentOrElse(screen::subscribe,
                    () -> connection.sendTextAndAwait(frames.error(unknownSubscription())));
        } else {
            connection.sendTextAndAwait(frames.error(unknownRequest()));
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        stream.hub().unregister(connection);
    }

    /** A query parameter of the handshake, decoded; empty when absent. */
    protected static Optional<String> queryParameter(WebSocketConnection connection, String name) {
        String query = connection.handshakeRequest().query();
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
