package ru.tsur.pulse.api;

import ru.tsur.pulse.problems.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads the small JSON bodies of the operators' APIs by hand, so a malformed body or a missing field is
 * answered with a problem naming it rather than the framework's bare 400.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonNode object(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw Problem.invalid("request", "A JSON object body is required");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw Problem.invalid("request", "The body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problem.invalid("request", "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static String requiredText(JsonNode body, String field) {
        String value = optionalText(body, field);
        if (value == null) {
            throw Problem.invalid("request", "Field '" + field + "' is required (a non-empty string)");
        }
        return value;
    }

    public static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw Problem.invalid("request", "Field '" + field + "' must be a non-empty string");
        }
        return value.asText().strip();
    }

    public static Instant optionalInstant(JsonNode body, String field) {
        String text = optionalText(body, field);
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.invalid("request", "Field '" + field + "' must be an ISO-8601 time with offset, e.g. 2026-12-01T18:00:00Z");
        }
    }

    public static Duration optionalDuration(JsonNode body, String field) {
        String text = optionalText(body, field);
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.invalid("request", "Field '" + field + "' must be an ISO-8601 duration, e.g. PT2H");
        }
    }
}
