package ru.tsur.pulse.normalize;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what sources send (portal HTML, entities, stray whitespace) into plain text, the form stored
 * beside the original and read by every later stage. {@link #fold} (and {@link #foldLine}) further fold case
 * and «ё» for matching words: the one Russian fold every comparison of words in the service uses. Plain code,
 * no framework: shared by serving, training and tests.
 */
public final class TextNormalizer {

    private static final Pattern SCRIPT_OR_STYLE =
            Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern BLOCK_TAG =
            Pattern.compile("(?i)</?(p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|blockquote)\\b[^>]*>");
    private static final Pattern ANY_TAG = Pattern.compile("<[!/?]?[a-zA-Z][^<>]*>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Pattern ALL_SPACE = Pattern.compile("\\s+");

    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("nbsp", " "), Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("laquo", "«"), Map.entry("raquo", "»"),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("hellip", "…"), Map.entry("bdquo", "„"),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
            Map.entry("numero", "№"), Map.entry("deg", "°"), Map.entry("shy", ""), Map.entry("thinsp", " "),
            Map.entry("ensp", " "), Map.entry("emsp", " "), Map.entry("zwnj", ""), Map.entry("zwj", ""),
            Map.entry("times", "×"), Map.entry("middot", "·"), Map.entry("bull", "•"), Map.entry("copy", "©"),
            Map.entry("sect", "§"), Map.entry("euro", "€"), Map.entry("minus", "−"));

    /**
     * Plain text for storage and display: terminal escapes, stray controls and bidirectional overrides
     * removed ({@link ControlCharacters#stripForDisplay}), tags removed (block tags become line breaks), entities
     * decoded, runs of spaces folded to one, blank lines folded, ends trimmed.
     */
    public String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = raw;
        if (text.indexOf('<') >= 0) {
            text = SCRIPT_OR_STYLE.matcher(text).replaceAll(" ");
            text = BLOCK_TAG.matcher(text).replaceAll("\n");
            text = ANY_TAG.matcher(text).replaceAll(" ");
        }
        // After decoding: «&#0;» or «&#x202E;» must not bring back what the door refuses or the wall must not show.
        text = ControlCharacters.stripForDisplay(decodeEntities(text));
        text = text.replace('\u00A0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        return foldSpaces(text).strip();
    }

    /**
     * Runs of horizontal white space ({@code [ \t\x0B\f]}) become one space, and a line break with the
     * spaces and line breaks around it becomes one line break — in one pass, without regular expressions
     * (this runs for every message; {@code TextNormalizerTest} checks it against the two expressions it
     * replaces). Expects no carriage returns.
     */
    static String foldSpaces(String text) {
        int length = text.length();
        StringBuilder folded = null;
        char pending = 0;
        for (int position = 0; position < length; position++) {
            char character = text.charAt(position);
            if (character == '\n') {
                pending = '\n';
            } else if (character == ' ' || character == '\t' || character == '\u000B' || character == '\f') {
                if (pending == 0) {
                    pending = ' ';
                }
            } else {
                if (pending != 0) {
                    if (folded == null && (pending != ' ' || text.charAt(position - 1) != ' '
                            || position >= 2 && isFoldedSpace(text.charAt(position - 2)))) {
                        folded = new StringBuilder(length).append(text, 0, startOfRun(text, position));
                    }
                    if (folded != null) {
                        folded.append(pending);
                    }
                    pending = 0;
                }
                if (folded != null) {
                    folded.append(character);
                }
            }
        }
        if (folded == null) {
            return pending == 0 ? text : text.substring(0, startOfRun(text, length));
        }
        return folded.toString();
    }

    private static boolean isFoldedSpace(char character) {
        return character == '\n' || character == ' ' || character == '\t' || character == '\u000B' || character == '\f';
    }

    /** Where the run of folded white space that ends just before {@code end} starts. */
    private static int startOfRun(String text, int end) {
        int start = end;
        while (start > 0 && isFoldedSpace(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** Lower case ({@link Locale#ROOT}), «ё» as «е»: the form Russian words are compared in. */
    public static String fold(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** One character folded as {@link #fold(String)} folds it, for loops that build words character by character. */
    public static char fold(char character) {
        char lower = Character.toLowerCase(character);
        return lower == 'ё' ? 'е' : lower;
    }

    /**
     * {@link #fold(String) Folded} on one line: runs of white space become one space, ends trimmed. The form
     * keywords, labels, topics and names are matched in.
     */
    public static String foldLine(String text) {
        return fold(ALL_SPACE.matcher(text).replaceAll(" ")).strip();
    }

    static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        // Decode twice at most: portals sometimes double-escape («&amp;nbsp;»).
        for (int pass = 0; pass < 2 && text.indexOf('&') >= 0; pass++) {
            Matcher matcher = ENTITY.matcher(text);
            StringBuilder decoded = new StringBuilder(text.length());
            boolean changed = false;
            while (matcher.find()) {
                String replacement = decodeEntity(matcher.group(1));
                if (replacement == null) {
                    replacement = matcher.group();
                } else {
                    changed = true;
                }
                matcher.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(decoded);
            text = decoded.toString();
            if (!changed) {
                break;
            }
        }
        return text;
    }

    private static String decodeEntity(String body) {
        if (body.charAt(0) == '#') {
            try {
                int codePoint = body.charAt(1) == 'x' || body.charAt(1) == 'X'
                        ? Integer.parseInt(body.substring(2), 16)
                        : Integer.parseInt(body.substring(1));
                if (!Character.isValidCodePoint(codePoint) || codePoint == 0) {
                    return null;
                }
                return codePoint == 0xA0 ? " " : new String(Character.toChars(codePoint));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return NAMED_ENTITIES.get(body.toLowerCase(Locale.ROOT));
    }
}
