package ru.tsur.pulse.counters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts of the counters (under {@code redis/} on the classpath), each prefixed with the shared
 * window-sliding prelude, with the SHA-1 Redis knows them by.
 */
public final class CounterScripts {

    /** A script's source and digest. */
    public record Script(String source, String sha) {
    }

    private final Script count;
    private final Script read;

    public CounterScripts() {
        String prelude = load("redis/windows.lua");
        this.count = script(prelude + "\n" + load("redis/count.lua"));
        this.read = script(prelude + "\n" + load("redis/read.lua"));
    }

    public Script count() {
        return count;
    }

    public Script read() {
        return read;
    }

    private static Script script(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new Script(source, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String load(String path) {
        try (InputStream stream = CounterScripts.class.getClassLoader().getResourceAsStream(path)) {
            if (stream == null) {
                throw new IllegalStateException("No resource " + path);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
