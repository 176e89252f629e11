package ru.tsur.pulse.problems;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One problem with one field of a request, e.g. {@code [3].lat: must be between -90 and 90}: the field as
 * the client wrote it (a batch item's index in front), and what is wrong with it.
 */
@RegisterForReflection
public record FieldError(String field, String message) {
}
