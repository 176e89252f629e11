package ru.tsur.pulse.cases;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.cases.api.AnswerCheckRequest;
import ru.tsur.pulse.cases.api.AnswerCheckResult;

import java.util.List;

/**
 * {@code POST /api/v1/answers/check}: the answer-quality check before sending — the flags the answer would
 * be recorded with, each explained in Russian, so a client can warn before the executor sends an
 * «отписка». Nothing is stored. Executors and operators (who answer on an executor's behalf) may ask.
 */
@Path("/api/v1/answers/check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnswerCheckResource {

    private final AnswerCheck check;

    public AnswerCheckResource(AnswerCheck check) {
        this.check = check;
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.EXECUTOR})
    @Operation(summary = "Check an answer for quality before sending it (flags with Russian explanations)")
    @APIResponse(responseCode = "200", description = "The flags", content = @Content(schema = @Schema(implementation = AnswerCheckResult.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    public Uni<AnswerCheckResult> check(@NotNull(message = TextBounds.REQUIRED) @Valid AnswerCheckRequest request) {
        return check.flags(request.text()).map(AnswerCheckResource::result);
    }

    static AnswerCheckResult result(List<String> flags) {
        return new AnswerCheckResult(!flags.isEmpty(), AnswerFlagWords.warning(flags),
                AnswerFlagWords.all(flags).stream()
                        .map(words -> new AnswerCheckResult.Flag(words.flag(), words.explanation())).toList());
    }
}
