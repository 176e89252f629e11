package ru.tsur.pulse.ingest;

import java.util.List;

/**
 * A request the ingest API refuses, carrying the HTTP status and what a client needs to fix it; turned
 * into an {@code application/problem+json} answer by {@link ProblemMapper}.
 */
public final class IngestProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    private IngestProblem(int status, String title, String detail, List<FieldError> errors, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static IngestProblem invalid(List<FieldError> errors) {
        return new IngestProblem(400, "Invalid message",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors, null);
    }

    public static IngestProblem unreadable(String detail) {
        return new IngestProblem(400, "Unreadable body", detail, List.of(), null);
    }

    public static IngestProblem tooLarge(String detail) {
        return new IngestProblem(413, "Payload too large", detail, List.of(), null);
    }

    public static IngestProblem unsupportedMediaType(String detail) {
        return new IngestProblem(415, "Unsupported media type", detail, List.of(), null);
    }

    public static IngestProblem unavailable(String detail, long retryAfterSeconds) {
        return new IngestProblem(503, "Service unavailable", detail, List.of(), retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
