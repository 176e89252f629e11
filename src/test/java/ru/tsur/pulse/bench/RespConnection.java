package ru.tsur.pulse.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare Redis connection speaking RESP2 over a socket, for the benchmark's raw-limit measurement and its
 * clean-up: commands are written into a buffer and sent on {@link #flush()}, replies read one by one, so
 * pipelining is explicit and nothing else (pools, codecs, futures) is measured.
 */
final class RespConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RespConnection(String host, int port, int database) throws IOException {
        this.socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        write("SELECT", Integer.toString(database));
        flush();
        read();
    }

    /** Queues one command (sent at the next flush). */
    void write(String... parts) throws IOException {
        StringBuilder resp = new StringBuilder(64).append('*').append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Reads one reply: a String (simple or bulk, null for nil), a Long, or a List of replies. */
    Object read() throws IOException {
        int type = in.read();
        String line = readLine();
        return switch (type) {
            case '+' -> line;
            case ':' -> Long.parseLong(line);
            case '-' -> throw new IOException("Redis: " + line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] bytes = in.readNBytes(length);
                in.readNBytes(2);
                yield new String(bytes, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                List<Object> items = new ArrayList<>(Math.max(0, count));
                for (int index = 0; index < count; index++) {
                    items.add(read());
                }
                yield items;
            }
            default -> throw new IOException("Unexpected Redis reply type " + type);
        };
    }

    /** Deletes every key matching the pattern (SCAN + UNLINK); returns how many. */
    long deleteMatching(String pattern) throws IOException {
        String cursor = "0";
        long deleted = 0;
        do {
            write("SCAN", cursor, "MATCH", pattern, "COUNT", "1000");
            flush();
            List<?> page = (List<?>) read();
            cursor = (String) page.get(0);
            List<?> keys = (List<?>) page.get(1);
            if (!keys.isEmpty()) {
                String[] command = new String[keys.size() + 1];
                command[0] = "UNLINK";
                for (int index = 0; index < keys.size(); index++) {
                    command[index + 1] = (String) keys.get(index);
                }
                write(command);
                flush();
                deleted += (Long) read();
            }
        } while (!cursor.equals("0"));
        return deleted;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int character;
        while ((character = in.read()) != -1 && character != '\r') {
            line.append((char) character);
        }
        in.read();
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
