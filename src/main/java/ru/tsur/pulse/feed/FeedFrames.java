package ru.tsur.pulse.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.tsur.pulse.messages.RecentMessage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON frames of {@code /ws/feed}:
 * <pre>
 * {"type":"snapshot","seq":7,"at":"…","messages":[…the newest N, newest first…]}
 * {"type":"messages","seq":8,"at":"…","messages":[…new ones, newest first…]}
 * {"type":"heartbeat","seq":8,"at":"…"}
 * </pre>
 * Each message is {@code {"id","createdAt","receivedAt","municipality","category","topic","text"}} with the
 * masked display text only. A screen that sees a seq other than last + 1 sends {@code {"type":"resync"}}.
 */
final class FeedFrames {

    private final ObjectMapper json;

    FeedFrames(ObjectMapper json) {
        this.json = json;
    }

    String snapshot(FeedState.Snapshot snapshot, Instant at) {
        return write(body("snapshot", snapshot.seq(), at, snapshot.messages()));
    }

    String messages(FeedState.Batch batch, Instant at) {
        return write(body("messages", batch.seq(), at, batch.messages()));
    }

    String heartbeat(long seq, Instant at) {
        return write(body("heartbeat", seq, at, null));
    }

    String error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "error");
        body.put("message", message);
        return write(body);
    }

    private static Map<String, Object> body(String type, long seq, Instant at, List<RecentMessage> messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("seq", seq);
        body.put("at", at.toString());
        if (messages != null) {
            body.put("messages", messages);
        }
        return body;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
