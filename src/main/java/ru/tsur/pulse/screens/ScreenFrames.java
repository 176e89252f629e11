package ru.tsur.pulse.screens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the frames every screen stream shares: the header ({@code type}, the subscription where a stream
 * has one, {@code seq}, {@code at}) that each stream's frames extend, and the error frame
 * {@code {"type":"error","message":…}}. Field order is the wire's: type first, so frames read well in logs.
 */
public final class ScreenFrames {

    private final ObjectMapper json;

    public ScreenFrames(ObjectMapper json) {
        this.json = json;
    }

    /** {@code {"type","seq","at"}}, to be extended with the frame's content. */
    public Map<String, Object> header(String type, long seq, Instant at) {
        return header(type, null, null, seq, at);
    }

    /** {@code {"type",<subscription field>,"seq","at"}} for a stream whose screens choose a subscription. */
    public Map<String, Object> header(String type, String subscriptionField, String subscription, long seq, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        if (subscriptionField != null) {
            body.put(subscriptionField, subscription);
        }
        body.put("seq", seq);
        body.put("at", at.toString());
        return body;
    }

    /** {@code {"type","seq","at",<field>:<content>}}: a frame that carries one list (alerts, messages). */
    public String write(String type, long seq, Instant at, String field, Object content) {
        Map<String, Object> body = header(type, seq, at);
        body.put(field, content);
        return write(body);
    }

    public String error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "error");
        body.put("message", message);
        return write(body);
    }

    public String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Screen frame not serializable", e);
        }
    }
}
