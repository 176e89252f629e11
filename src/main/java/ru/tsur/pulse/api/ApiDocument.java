package ru.tsur.pulse.api;

/**
 * The names of the problem responses every operation of the OpenAPI document ({@code /q/openapi}, Swagger UI
 * at {@code /q/swagger-ui}) shares, declared once in this package's {@code package-info.java} and named by
 * each operation: {@code @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)}. Title,
 * version and description come from {@code application.properties}.
 */
public final class ApiDocument {

    public static final String INVALID_INPUT = "InvalidInput";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String UNAVAILABLE = "Unavailable";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";

    private ApiDocument() {
    }
}
