package ru.tsur.pulse.api;

/**
 * A refusal of the operators' APIs (alerts, cases): status, title and detail, answered as
 * {@code application/problem+json} by {@link ApiProblemMapper}.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;

    private ApiProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad request", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
