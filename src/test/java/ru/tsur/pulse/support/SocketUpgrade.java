package ru.tsur.pulse.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One attempt to open a socket, for the tests of who may: the HTTP status of the upgrade (101 when it
 * opened, else the refusal's status), and when it opened, the JSON frames it then receives. The token can
 * ride as a browser page sends it — in the subprotocol list ({@link #carrying}), the only header a page may
 * set on a WebSocket — or in any header the test names (Authorization, Origin).
 */
public final class SocketUpgrade implements AutoCloseable {

    private final int status;
    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames;

    private SocketUpgrade(int status, WebSocket socket, BlockingQueue<JsonNode> frames) {
        this.status = status;
        this.socket = socket;
        this.frames = frames;
    }

    /** The subprotocols the wall's page sends: ["bearer-token-carrier", encodeURIComponent("quarkus-http-upgrade#Authorization#Bearer " + token)]. */
    public static List<String> carrying(String token) {
        return List.of("bearer-token-carrier", URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token,
                StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** Tries to open {@code ws://127.0.0.1:port/path} with these headers and subprotocols (either may be empty). */
    public static SocketUpgrade attempt(int port, String path, Map<String, String> headers, List<String> subprotocols)
            throws InterruptedException {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        try {
            WebSocket socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), new JsonFrameListener(frames))
                    .get(15, TimeUnit.SECONDS);
            return new SocketUpgrade(101, socket, frames);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof WebSocketHandshakeException refused) {
                return new SocketUpgrade(refused.getResponse().statusCode(), null, frames);
            }
            throw new IllegalStateException("The upgrade of " + path + " failed without an HTTP answer", failed.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The upgrade of " + path + " got no answer within 15 s", e);
        }
    }

    /** 101 when the socket opened, else the status the upgrade was refused with. */
    public int status() {
        return status;
    }

    /** The subprotocol the server chose ("" when none, or when the upgrade was refused). */
    public String subprotocol() {
        return socket == null ? "" : socket.getSubprotocol();
    }

    /** The next frame; fails after the timeout. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("No frame within " + timeout);
        }
        return frame;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
