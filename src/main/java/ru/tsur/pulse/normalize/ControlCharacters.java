package ru.tsur.pulse.normalize;

import java.util.regex.Pattern;

/**
 * What may not travel in a text field: control characters that PostgreSQL refuses (NUL) or that corrupt
 * what a screen shows (terminal escapes, other C0/C1 controls), unpaired UTF-16 surrogates (not text at
 * all), and — only for display — the bidirectional overrides that make a line read backwards. The door
 * refuses the first kind per field; {@link #stripForDisplay} removes what is left from text shown on walls.
 * Plain code: used by the ingest parser, the JSON reader of every request body and the normalizer.
 */
public final class ControlCharacters {

    /** An ANSI escape sequence (CSI … final byte, or ESC followed by one character), and C1's own CSI. */
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B.?|\u009B[0-?]*[ -/]*[@-~]");

    private ControlCharacters() {
    }

    /**
     * The position of the first character a text field may not hold, or -1. Forbidden: U+0000–U+001F (but
     * tab, line feed and carriage return when {@code lineBreaksAllowed}), U+007F–U+009F, and an unpaired
     * surrogate.
     */
    public static int firstForbidden(String text, boolean lineBreaksAllowed) {
        int length = text.length();
        for (int position = 0; position < length; position++) {
            char character = text.charAt(position);
            if (character < 0x20) {
                if (lineBreaksAllowed && (character == '\t' || character == '\n' || character == '\r')) {
                    continue;
                }
                return position;
            }
            if (character >= 0x7F && character <= 0x9F) {
                return position;
            }
            if (Character.isHighSurrogate(character)) {
                if (position + 1 < length && Character.isLowSurrogate(text.charAt(position + 1))) {
                    position++;
                    continue;
                }
                return position;
            }
            if (Character.isLowSurrogate(character)) {
                return position;
            }
        }
        return -1;
    }

    /** How the character at the position is named in an error message, e.g. {@code U+0000}. */
    public static String describe(String text, int position) {
        return String.format("U+%04X", (int) text.charAt(position));
    }

    /**
     * The text without what would make a screen show something other than the text: ANSI escape sequences,
     * C0/C1 controls other than tab and line feed, and the bidirectional embedding, override and isolate
     * controls (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C). Returns the same instance
     * when there is nothing to remove (the common case costs one scan).
     */
    public static String stripForDisplay(String text) {
        if (text == null || !needsStripping(text)) {
            return text;
        }
        String withoutEscapes = ANSI_ESCAPE.matcher(text).replaceAll("");
        StringBuilder kept = new StringBuilder(withoutEscapes.length());
        for (int position = 0; position < withoutEscapes.length(); position++) {
            char character = withoutEscapes.charAt(position);
            if (!isDisplayControl(character)) {
                kept.append(character);
            }
        }
        return kept.toString();
    }

    private static boolean needsStripping(String text) {
        for (int position = 0; position < text.length(); position++) {
            if (isDisplayControl(text.charAt(position))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDisplayControl(char character) {
        if (character < 0x20) {
            return character != '\t' && character != '\n' && character != '\r';
        }
        return character >= 0x7F && character <= 0x9F
                || character >= '\u202A' && character <= '\u202E'
                || character >= '\u2066' && character <= '\u2069'
                || character == '\u200E' || character == '\u200F' || character == '\u061C';
    }
}
