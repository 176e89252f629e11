package ru.tsur.pulse.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Every refusal the service answers, in one form (RFC 9457, {@code application/problem+json}): a stable
 * {@code type} URI for programs, a Russian {@code title} and {@code detail} for the person reading a wall or
 * a console, the HTTP status, the bad fields where there are any, and {@code Retry-After} for a refusal
 * that passes. Thrown anywhere in a request (or returned as a failed {@code Uni}); {@link ProblemMapper}
 * writes it.
 */
public final class Problem extends RuntimeException {

    /** What kind of refusal: its status, the last segment of its {@code type} URI, and its title. */
    public enum Kind {
        INVALID_INPUT(400, "invalid-input", "Неверные данные запроса"),
        UNREADABLE_BODY(400, "unreadable-body", "Тело запроса не удалось прочитать"),
        UNAUTHORIZED(401, "unauthorized", "Нужен вход"),
        FORBIDDEN(403, "forbidden", "Нет прав на это действие"),
        NOT_FOUND(404, "not-found", "Не найдено"),
        METHOD_NOT_ALLOWED(405, "method-not-allowed", "Метод не поддерживается"),
        NOT_ACCEPTABLE(406, "not-acceptable", "Формат ответа не поддерживается"),
        CONFLICT(409, "conflict", "Действие невозможно в текущем состоянии"),
        PAYLOAD_TOO_LARGE(413, "payload-too-large", "Слишком большой запрос"),
        UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Неподдерживаемый тип содержимого"),
        TOO_MANY_REQUESTS(429, "too-many-requests", "Слишком много запросов"),
        INTERNAL(500, "internal", "Внутренняя ошибка сервиса"),
        UNAVAILABLE(503, "unavailable", "Сервис временно недоступен");

        /** Prefix of every problem type; the URIs are stable names for programs, not links. */
        public static final String TYPE_PREFIX = "urn:tsur-pulse:problem:";

        private final int status;
        private final String slug;
        private final String title;

        Kind(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String type() {
            return TYPE_PREFIX + slug;
        }

        public String title() {
            return title;
        }
    }

    /** The body as written on the wire; {@code errors} only when fields are named. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Problem", description = "RFC 9457 problem: a stable type URI, a Russian title and detail, the bad fields if any")
    public record Body(String type, String title, int status, String detail, List<FieldError> errors) {
    }

    private final Kind kind;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    private Problem(Kind kind, String detail, List<FieldError> errors, Long retryAfterSeconds) {
        super(detail, null, false, false); // a refusal is an answer, not a fault: no stack trace to fill in
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static Problem of(Kind kind, String detail) {
        return new Problem(kind, detail, List.of(), null);
    }

    /** 400 naming every bad field. */
    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? "Неверно поле " + errors.get(0).field()
                : "Неверных полей: " + errors.size();
        return new Problem(Kind.INVALID_INPUT, detail, errors, null);
    }

    /** 400 naming one bad field (a body field or a query parameter). */
    public static Problem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static Problem unreadable(String detail) {
        return of(Kind.UNREADABLE_BODY, detail);
    }

    public static Problem notFound(String detail) {
        return of(Kind.NOT_FOUND, detail);
    }

    public static Problem forbidden(String detail) {
        return of(Kind.FORBIDDEN, detail);
    }

    public static Problem conflict(String detail) {
        return of(Kind.CONFLICT, detail);
    }

    public static Problem tooLarge(String detail) {
        return of(Kind.PAYLOAD_TOO_LARGE, detail);
    }

    public static Problem unsupportedMediaType(String detail) {
        return of(Kind.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    /** 503 with {@code Retry-After}: a dependency is down or the service is full; the same request may pass later. */
    public static Problem unavailable(String detail, long retryAfterSeconds) {
        return new Problem(Kind.UNAVAILABLE, detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    /** 429 with {@code Retry-After}. */
    public static Problem tooManyRequests(String detail, long retryAfterSeconds) {
        return new Problem(Kind.TOO_MANY_REQUESTS, detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public String title() {
        return kind.title();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds a client should wait before trying again, or null when trying again will not help. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Body body() {
        return new Body(kind.type(), kind.title(), kind.status(), getMessage(), errors.isEmpty() ? null : errors);
    }
}
