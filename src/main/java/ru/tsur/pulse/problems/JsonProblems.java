package ru.tsur.pulse.problems;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;

/**
 * Turns what Jackson says about a body it could not read into a problem a person can act on, in Russian:
 * the field named as the client wrote it ({@code until}, {@code items[2].lat}) and what was expected there
 * ("ожидается длительность ISO-8601, например PT2H") — never Jackson's English message, which names Java
 * types and may quote a huge value. Messages the service's own JSON reader wrote (control characters,
 * {@code StrictJson}) are kept. Plain code: {@link ProblemMapper} calls it.
 */
public final class JsonProblems {

    private static final String DUPLICATE_FIELD = "Duplicate field '";
    private static final int LONGEST_MESSAGE = 300;

    private JsonProblems() {
    }

    public static Problem of(JsonProcessingException failure) {
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return Problem.invalid(withParent(unknown, unknown.getPropertyName()), "неизвестное поле");
        }
        if (failure instanceof MismatchedInputException mismatched) {
            if (mismatched.getPath().isEmpty()) {
                String message = mismatched.getOriginalMessage();
                if (message != null && message.startsWith("Trailing token")) {
                    return Problem.unreadable("После JSON-значения в теле запроса есть ещё данные");
                }
                return Problem.invalid("body", "ожидается JSON-объект");
            }
            return Problem.invalid(path(mismatched), expected(mismatched.getTargetType()));
        }
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problem.invalid(path(mapping), shortened(failure.getOriginalMessage()));
        }
        String message = failure.getOriginalMessage();
        if (message != null && message.startsWith(DUPLICATE_FIELD) && message.indexOf('\'', DUPLICATE_FIELD.length()) > 0) {
            String field = message.substring(DUPLICATE_FIELD.length(), message.indexOf('\'', DUPLICATE_FIELD.length()));
            return Problem.invalid(shortened(field), "поле указано дважды");
        }
        JsonLocation location = failure.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " (строка " + location.getLineNr() + ", столбец " + location.getColumnNr() + ")";
        return Problem.unreadable("Тело запроса — не корректный JSON" + where);
    }

    /** What a value of the target type looks like, said to a person. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "неверное значение";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "ожидается строка";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "ожидается целое число";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "ожидается число";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "ожидается true или false";
        }
        if (type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class) {
            return "ожидается время ISO-8601 со смещением, например 2026-12-01T18:00:00+03:00";
        }
        if (type == Duration.class) {
            return "ожидается длительность ISO-8601, например PT2H";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "ожидается массив";
        }
        if (type.isEnum()) {
            return "неизвестное значение";
        }
        return "ожидается JSON-объект";
    }

    /** Jackson's messages may quote the offending value: a client's huge string must not come back whole. */
    public static String shortened(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= LONGEST_MESSAGE ? message : message.substring(0, LONGEST_MESSAGE) + "…";
    }

    private static String withParent(JsonMappingException mapping, String property) {
        // The path of an unknown property ends with the property itself.
        return path(mapping).equals("body") ? property : path(mapping);
    }

    /** The field as the client wrote it: {@code items[2].lat}; {@code body} for the body itself. */
    static String path(JsonMappingException mapping) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                name.append('[').append(reference.getIndex()).append(']');
            }
        }
        return name.isEmpty() ? "body" : shortened(name.toString());
    }
}
