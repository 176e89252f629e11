package ru.tsur.pulse.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A wall screen for tests: a plain JDK WebSocket client that queues every JSON frame it receives.
 */
public final class ScreenClient implements AutoCloseable {

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private ScreenClient(URI uri, String user) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (user != null) {
            builder.header("Authorization", Tokens.bearer(user));
        }
        this.socket = builder.buildAsync(uri, new JsonFrameListener(frames)).get(10, TimeUnit.SECONDS);
    }

    /** A screen logged in as the tests' own user. */
    public static ScreenClient connect(int port, String pathAndQuery) throws Exception {
        return connect(port, pathAndQuery, Tokens.TEST_USER);
    }

    /** A screen with the token of the user (null: no token at all). */
    public static ScreenClient connect(int port, String pathAndQuery, String user) throws Exception {
        return new ScreenClient(URI.create("ws://127.0.0.1:" + port + pathAndQuery), user);
    }

    /** The next frame matching the predicate, skipping others; fails after the timeout. */
    public JsonNode await(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
            if (frame == null) {
                throw new AssertionError("No matching frame within " + timeout);
            }
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    public JsonNode awaitType(String type, Duration timeout) throws InterruptedException {
        return await(frame -> type.equals(frame.path("type").asText()), timeout);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Frames received and not yet taken. */
    public BlockingQueue<JsonNode> frames() {
        return frames;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
