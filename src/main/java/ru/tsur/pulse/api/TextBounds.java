package ru.tsur.pulse.api;

import ru.tsur.pulse.normalize.ControlCharacters;

/**
 * The length and line rules of one text value, as a Russian message for the field's entry in a 400
 * problem (or null when the value keeps them). Plain code shared by {@link BoundedTextValidator} (request
 * bodies) and {@link QueryParameters} (query parameters). Lengths count Unicode characters (code points),
 * so an emoji is one character, as a person counts.
 */
public final class TextBounds {

    /**
     * The message of a required text field that is absent or blank. Every constraint of a request record
     * names its Russian message itself rather than relying on {@code quarkus.default-locale}: Hibernate
     * Validator picks its own messages by the request's Accept-Language among {@code quarkus.locales}, so
     * the answer would depend on the client.
     */
    public static final String REQUIRED = "обязательное поле, не пустое";

    private TextBounds() {
    }

    /**
     * A request's text as it is kept: without the bidirectional overrides and marks that would make a wall
     * show it reversed (control characters never got this far), and without surrounding white space.
     */
    public static String clean(String value) {
        return value == null ? null : ControlCharacters.stripForDisplay(value).strip();
    }

    /** An optional text as it is kept: {@link #clean cleaned}, and null when nothing is left of it. */
    public static String cleanOptional(String value) {
        String cleaned = clean(value);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    /** The one wording of a length refusal, e.g. «не длиннее 300 символов (получено 301)». */
    public static String tooLong(int maxLength, int length) {
        return "не длиннее " + maxLength + " символов (получено " + length + ")";
    }

    /** What is wrong with {@code value} under the limit, or null; a null value is not this check's concern. */
    public static String problem(String value, int maxLength, boolean multiline) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            return tooLong(maxLength, length);
        }
        if (!multiline) {
            for (int position = 0; position < value.length(); position++) {
                char character = value.charAt(position);
                if (character == '\n' || character == '\r' || character == '\t') {
                    return "одна строка: без переводов строки и табуляции (позиция " + position + ")";
                }
            }
        }
        return null;
    }
}
