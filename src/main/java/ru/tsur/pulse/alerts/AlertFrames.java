package ru.tsur.pulse.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON frames of {@code /ws/alerts}:
 * <pre>
 * {"type":"snapshot","seq":7,"at":"…","alerts":[…every firing alert and the recently resolved…]}
 * {"type":"change","seq":8,"at":"…","alerts":[…the changed alerts in full…]}
 * {"type":"heartbeat","seq":8,"at":"…"}
 * </pre>
 * A screen applies a change only when its seq is one more than the last it holds; otherwise it sends
 * {@code {"type":"resync"}} and gets a snapshot.
 */
final class AlertFrames {

    private final ObjectMapper json;

    AlertFrames(ObjectMapper json) {
        this.json = json;
    }

    String snapshot(long seq, List<Alert> alerts, Instant at) {
        Map<String, Object> body = header("snapshot", seq, at);
        body.put("alerts", alerts);
        return write(body);
    }

    String change(long seq, List<Alert> alerts, Instant at) {
        Map<String, Object> body = header("change", seq, at);
        body.put("alerts", alerts);
        return write(body);
    }

    String heartbeat(long seq, Instant at) {
        return write(header("heartbeat", seq, at));
    }

    String error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "error");
        body.put("message", message);
        return write(body);
    }

    private static Map<String, Object> header(String type, long seq, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("seq", seq);
        body.put("at", at.toString());
        return body;
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Alert frame not serializable", e);
        }
    }
}
