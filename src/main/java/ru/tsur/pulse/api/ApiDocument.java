package ru.tsur.pulse.api;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.problems.ProblemMapper;

/**
 * The parts of the OpenAPI document ({@code /q/openapi}, Swagger UI at {@code /q/swagger-ui}) that every
 * resource shares: the problem+json refusals, declared once as named responses, which each operation
 * names by {@code @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)}. Title, version
 * and description come from {@code application.properties}.
 */
@OpenAPIDefinition(info = @Info(title = "TSUR Pulse API", version = "0.1.0"), components = @Components(responses = {
        @APIResponse(name = ApiDocument.INVALID_INPUT, description = "Invalid request: problem+json naming each bad field or parameter",
                content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.Body.class))),
        @APIResponse(name = ApiDocument.NOT_FOUND, description = "No such resource (problem+json)",
                content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.Body.class))),
        @APIResponse(name = ApiDocument.CONFLICT, description = "The action is not allowed in the current state (problem+json)",
                content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.Body.class))),
        @APIResponse(name = ApiDocument.UNSUPPORTED_MEDIA_TYPE, description = "The body is not application/json in UTF-8 (problem+json)",
                content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.Body.class))),
        @APIResponse(name = ApiDocument.UNAVAILABLE, description = "PostgreSQL or Redis unavailable, or not ready yet: try again after Retry-After seconds (problem+json)",
                headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(implementation = Long.class)),
                content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.Body.class)))
}))
public final class ApiDocument {

    public static final String INVALID_INPUT = "InvalidInput";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String UNAVAILABLE = "Unavailable";

    private ApiDocument() {
    }
}
