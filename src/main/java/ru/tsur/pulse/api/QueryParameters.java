package ru.tsur.pulse.api;

import ru.tsur.pulse.problems.FieldError;
import ru.tsur.pulse.problems.Problem;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the query parameters of one request and collects what is wrong with them, so one 400 names every
 * bad parameter at once (Russian messages, the parameter as the client wrote it). Parameters arrive as
 * strings: a typed {@code Integer} parameter that fails to convert would be a bare 404 by JAX-RS rules.
 * Control characters and values over 300 characters were already refused by {@code RequestHygiene}; here
 * each free-text parameter gets its own, documented bound. Plain code: {@link #check()} throws the problem.
 */
public final class QueryParameters {

    /** Longest free-text filter (municipality, kind, topic, …): ids and names are far shorter. */
    public static final int MAX_TEXT_LENGTH = 200;

    /** The years a time parameter may name: what PostgreSQL stores reaches further, nothing the service keeps does. */
    private static final int EARLIEST_YEAR = 2000;
    private static final int LATEST_YEAR = 9999;

    private final List<FieldError> errors = new ArrayList<>();

    /** The one parameter of a request that has one: read by {@code read}, the 400 thrown at once if it is bad. */
    public static <T> T single(Function<QueryParameters, T> read) {
        QueryParameters parameters = new QueryParameters();
        T value = read.apply(parameters);
        parameters.check();
        return value;
    }

    /** A free-text filter: blank means absent (null); else stripped and at most {@code maxLength} characters. */
    public String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        String problem = TextBounds.problem(stripped, maxLength, true);
        if (problem != null) {
            errors.add(new FieldError(name, problem));
            return null;
        }
        return stripped;
    }

    /** One of {@code allowed} (exactly as written), or {@code fallback} when absent or blank. */
    public String oneOf(String name, String value, String fallback, Collection<String> allowed) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            errors.add(new FieldError(name, "одно из значений: " + String.join(", ", allowed)));
            return fallback;
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent or blank. */
    public int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like a number out of range
        }
        errors.add(new FieldError(name, "целое число от " + min + " до " + max));
        return fallback;
    }

    /** {@code true} or {@code false}; null (no filter) when absent or blank. */
    public Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                errors.add(new FieldError(name, "true или false"));
                yield null;
            }
        };
    }

    /** An ISO-8601 time with an offset in the years 2000 to 9999, or {@code fallback} when absent or blank. */
    public Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.strip());
            if (time.getYear() >= EARLIEST_YEAR && time.getYear() <= LATEST_YEAR) {
                return time.toInstant();
            }
        } catch (DateTimeParseException notATime) {
            // reported below, like a time out of range
        }
        errors.add(new FieldError(name, "время ISO-8601 со смещением между " + EARLIEST_YEAR + " и " + LATEST_YEAR
                + " годом, например 2021-01-14T09:00:00+03:00"));
        return fallback;
    }

    /** Records a problem found by the caller's own rule (e.g. two parameters that contradict each other). */
    public void invalid(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Throws the 400 naming every bad parameter, if there is one. */
    public void check() {
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }
}
