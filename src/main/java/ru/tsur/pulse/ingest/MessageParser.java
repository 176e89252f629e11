package ru.tsur.pulse.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.normalize.ControlCharacters;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.pipeline.Submission;

import ru.tsur.pulse.problems.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one JSON object into an {@link IncomingMessage}, or into the list of everything wrong with it
 * (each bad field named, prefixed with the item's position in a batch). Plain code, unit-tested.
 */
public final class MessageParser {

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    /** The bounds of the other fields, in characters (README «Limits»; the text's own is configured). */
    static final int MAX_EXTERNAL_ID = 200;
    static final int MAX_SOURCE = 64;
    static final int MAX_ADDRESS = 500;
    static final int MAX_NAME = 300;
    static final int MAX_CATEGORY = 100;
    /** The earliest {@code createdAt} taken: older is a typo or a zero date, and PostgreSQL would store year 0 as a BC date. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final Clock clock;
    private final Duration maxClockSkew;
    private final int maxTextLength;
    private final TextNormalizer normalizer;

    public MessageParser(Clock clock, Duration maxClockSkew, int maxTextLength, TextNormalizer normalizer) {
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
        this.maxTextLength = maxTextLength;
        this.normalizer = normalizer;
    }

    /** The result of parsing one item: a message with its normalized text, or its errors. */
    public record Parsed(Submission submission, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }

        public IncomingMessage message() {
            return submission == null ? null : submission.message();
        }
    }

    /**
     * @param node       the item
     * @param fieldPrefix prefix for field names in errors ({@code ""} for a single message, {@code "[3]."} in a batch)
     */
    public Parsed parse(JsonNode node, String fieldPrefix) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            String where = fieldPrefix.isEmpty() ? "body" : fieldPrefix.substring(0, fieldPrefix.length() - 1);
            errors.add(new FieldError(where, "must be a JSON object"));
            return new Parsed(null, errors);
        }
        Fields fields = new Fields(node, fieldPrefix, errors);
        String source = fields.string("source", true, MAX_SOURCE);
        if (source != null) {
            source = source.toLowerCase(Locale.ROOT);
            if (!SOURCE.matcher(source).matches()) {
                fields.error("source", "must be 1-64 characters of a-z, 0-9, '_', '.', '-'");
            }
        }
        String externalId = fields.idLike("externalId", MAX_EXTERNAL_ID);
        Instant createdAt = fields.timestamp("createdAt");
        String text = fields.text("text", true, maxTextLength, true);
        String normalized = text == null ? null : normalizer.normalize(text);
        if (normalized != null && normalized.isEmpty()) {
            fields.error("text", "is empty once markup is removed");
        }
        Double lat = fields.number("lat", -90, 90);
        Double lon = fields.number("lon", -180, 180);
        if ((lat == null) != (lon == null) && !fields.hasError("lat") && !fields.hasError("lon")) {
            fields.error(lat == null ? "lat" : "lon", "must be given together with " + (lat == null ? "lon" : "lat"));
        }
        String address = fields.string("address", false, MAX_ADDRESS);
        String municipality = fields.string("municipality", false, MAX_NAME);
        String category = fields.idLike("category", MAX_CATEGORY, false);
        String topic = fields.string("topic", false, MAX_NAME);
        String author = fields.string("author", false, MAX_NAME);
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new Submission(new IncomingMessage(source, externalId, createdAt, text, lat, lon, address,
                municipality, category, topic, author), normalized), List.of());
    }

    /** Field readers that record an error instead of throwing. */
    private final class Fields {
        private final JsonNode node;
        private final String prefix;
        private final List<FieldError> errors;

        Fields(JsonNode node, String prefix, List<FieldError> errors) {
            this.node = node;
            this.prefix = prefix;
            this.errors = errors;
        }

        void error(String field, String message) {
            errors.add(new FieldError(prefix + field, message));
        }

        boolean hasError(String field) {
            return errors.stream().anyMatch(error -> error.field().equals(prefix + field));
        }

        private JsonNode present(String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value;
        }

        String string(String field, boolean required, int maxLength) {
            return text(field, required, maxLength, false);
        }

        /**
         * A string field: no control characters (tab and line breaks only where {@code lineBreaksAllowed}),
         * no unpaired surrogates — PostgreSQL refuses NUL and a screen must not receive terminal escapes.
         */
        String text(String field, boolean required, int maxLength, boolean lineBreaksAllowed) {
            JsonNode value = present(field);
            if (value == null) {
                if (required) {
                    error(field, "is required");
                }
                return null;
            }
            if (!value.isTextual()) {
                error(field, "must be a string");
                return null;
            }
            String text = value.asText();
            if (text.isBlank()) {
                if (required) {
                    error(field, "must not be blank");
                }
                return null;
            }
            if (text.length() > maxLength) {
                error(field, "must be at most " + maxLength + " characters");
                return null;
            }
            int forbidden = ControlCharacters.firstForbidden(text, lineBreaksAllowed);
            if (forbidden >= 0) {
                error(field, "must not contain the control character " + ControlCharacters.describe(text, forbidden)
                        + " (position " + forbidden + ")");
                return null;
            }
            return text.strip();
        }

        String idLike(String field, int maxLength) {
            return idLike(field, maxLength, true);
        }

        /** A string, or an integer written as a number (sources send ids and codes both ways). */
        String idLike(String field, int maxLength, boolean required) {
            JsonNode value = present(field);
            if (value != null && value.isIntegralNumber()) {
                String digits = value.asText();
                if (digits.length() > maxLength) {
                    error(field, "must be at most " + maxLength + " characters");
                    return null;
                }
                return digits;
            }
            return string(field, required, maxLength);
        }

        Instant timestamp(String field) {
            JsonNode value = present(field);
            if (value == null) {
                return clock.instant();
            }
            if (!value.isTextual()) {
                error(field, "must be an ISO-8601 string with an offset, e.g. 2021-01-14T09:30:00+03:00");
                return null;
            }
            try {
                Instant instant = OffsetDateTime.parse(value.asText()).toInstant();
                if (instant.isAfter(clock.instant().plus(maxClockSkew))) {
                    error(field, "lies in the future");
                    return null;
                }
                if (instant.isBefore(EARLIEST)) {
                    error(field, "must not be before 2000-01-01");
                    return null;
                }
                return instant;
            } catch (DateTimeParseException e) {
                error(field, "must be an ISO-8601 timestamp with an offset, e.g. 2021-01-14T09:30:00+03:00");
                return null;
            }
        }

        Double number(String field, double min, double max) {
            JsonNode value = present(field);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                error(field, "must be a number");
                return null;
            }
            double number = value.asDouble();
            if (!Double.isFinite(number) || number < min || number > max) {
                error(field, "must be between " + (int) min + " and " + (int) max);
                return null;
            }
            return number;
        }
    }
}
