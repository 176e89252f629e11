package ru.tsur.pulse.ingest;

/**
 * One problem with one field of the input, e.g. {@code [3].lat: must be between -90 and 90}.
 */
public record FieldError(String field, String message) {
}
