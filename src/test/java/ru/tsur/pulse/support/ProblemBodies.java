package ru.tsur.pulse.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole problem+json bodies the service answers, written out as a client reads them, so a test can
 * compare a response with the exact body it expects (type, Russian title, detail, named fields) rather
 * than with a fragment of it.
 */
public final class ProblemBodies {

    private ProblemBodies() {
    }

    /** 400 naming fields: {@code invalid("by", "обязательное поле, не пустое", "reason", "…")}, in the order the service gives them. */
    public static String invalid(String... fieldsAndMessages) {
        List<String> errors = new ArrayList<>();
        for (int index = 0; index < fieldsAndMessages.length; index += 2) {
            errors.add("{\"field\":\"" + escaped(fieldsAndMessages[index]) + "\",\"message\":\""
                    + escaped(fieldsAndMessages[index + 1]) + "\"}");
        }
        String detail = errors.size() == 1 ? "Неверно поле " + fieldsAndMessages[0] : "Неверных полей: " + errors.size();
        return "{\"type\":\"urn:tsur-pulse:problem:invalid-input\",\"title\":\"Неверные данные запроса\",\"status\":400,"
                + "\"detail\":\"" + escaped(detail) + "\",\"errors\":[" + String.join(",", errors) + "]}";
    }

    public static String notFound(String detail) {
        return of("not-found", "Не найдено", 404, detail);
    }

    public static String conflict(String detail) {
        return of("conflict", "Действие невозможно в текущем состоянии", 409, detail);
    }

    public static String unreadable(String detail) {
        return of("unreadable-body", "Тело запроса не удалось прочитать", 400, detail);
    }

    public static String unsupportedMediaType(String detail) {
        return of("unsupported-media-type", "Неподдерживаемый тип содержимого", 415, detail);
    }

    public static String unavailable(String detail) {
        return of("unavailable", "Сервис временно недоступен", 503, detail);
    }

    private static String of(String type, String title, int status, String detail) {
        return "{\"type\":\"urn:tsur-pulse:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + escaped(detail) + "\"}";
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
