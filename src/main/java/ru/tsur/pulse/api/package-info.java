/**
 * Shared pieces of the REST API: the OpenAPI document's named problem responses (below, on the package,
 * where SmallRye OpenAPI reads an {@code @OpenAPIDefinition}; their names are in {@link ApiDocument}), the
 * request checks every resource uses ({@link QueryParameters}, {@link BoundedText}), and the filters and
 * JSON settings that guard every request ({@code RequestHygiene}, {@code StrictJson}).
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
        @APIResponse(name = ApiDocument.UNAUTHORIZED, description = "No valid token or API key (problem+json; WWW-Authenticate)",
                content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.Body.class))),
        @APIResponse(name = ApiDocument.FORBIDDEN, description = "The caller's role does not allow this (problem+json)",
                content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.Body.class))),
        @APIResponse(name = ApiDocument.UNAVAILABLE, description = "PostgreSQL or Redis unavailable, or not ready yet: try again after Retry-After seconds (problem+json)",
                headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(implementation = Long.class)),
                content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.Body.class)))
}))
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
