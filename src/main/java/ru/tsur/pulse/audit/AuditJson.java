package ru.tsur.pulse.audit;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes the small JSON texts an audit row keeps as {@code before}/{@code after}: flat objects of strings, in
 * the order given, so the stored (and hashed) text is predictable and readable by a person.
 */
public final class AuditJson {

    private AuditJson() {
    }

    /** A JSON string literal, or {@code null}. */
    public static String quote(String value) {
        return value == null ? "null" : '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
    }

    /** A flat object of key, value, key, value, … in that order. */
    public static String of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            entries.put(keysAndValues[index], keysAndValues[index + 1]);
        }
        return object(entries);
    }

    /** A flat object of the entries in order (values as strings, null as null); null for no entries. */
    public static String object(Map<String, String> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        StringJoiner object = new StringJoiner(",", "{", "}");
        entries.forEach((key, value) -> object.add(quote(key) + ":" + quote(value)));
        return object.toString();
    }
}
