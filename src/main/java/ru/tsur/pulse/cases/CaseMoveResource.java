package ru.tsur.pulse.cases;

import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.cases.api.AnswerRequest;
import ru.tsur.pulse.cases.api.AssignRequest;
import ru.tsur.pulse.cases.api.FeedbackRequest;
import ru.tsur.pulse.cases.api.MergeRequest;
import ru.tsur.pulse.cases.api.SplitRequest;
import ru.tsur.pulse.cases.api.RejectRequest;
import ru.tsur.pulse.cases.api.ResolveRequest;

/**
 * The moves of a case ({@code POST /api/v1/cases/{id}/…}): executors {@code accept}, {@code answer},
 * {@code resolve}, {@code reject}; operators {@code assign}, {@code reassign}; residents {@code confirm},
 * {@code reopen} (what a portal calls, with its key, or an operator on the resident's behalf); operators also
 * {@code merge} a case into another and {@code split} a message off into a case of its own. Who acts is the
 * caller (never a body field); an executor acts on its own cases only (others' are 404). Bodies are typed
 * records checked by Bean Validation; an illegal move is 409, an unknown case (or an id that is no case number) 404, a bad
 * body 400, any body but JSON 415 — all problem+json in Russian. The answers every move shares are declared
 * once, on the class.
 */
@Path("/api/v1/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "200", description = "The case after the move", content = @Content(schema = @Schema(implementation = ProblemCase.class)))
@APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
@APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
@APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
@APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
public class CaseMoveResource {

    private final CaseService cases;
    private final CurrentCaller caller;

    public CaseMoveResource(CaseService cases, CurrentCaller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @POST
    @Path("accept")
    @RolesAllowed({Roles.OPERATOR, Roles.EXECUTOR})
    @Consumes(MediaType.WILDCARD) // no body: whatever a client declares for nothing is fine
    @Operation(summary = "Executor: take the case into work")
    public Uni<ProblemCase> accept(@PathParam("id") String id) {
        return move(id, CaseLifecycle.Action.ACCEPT, null, null, null);
    }

    @POST
    @Path("answer")
    @RolesAllowed({Roles.OPERATOR, Roles.EXECUTOR})
    @Operation(summary = "Executor: answer the resident (checked for quality)")
    public Uni<ProblemCase> answer(@PathParam("id") String id,
                                   @NotNull(message = TextBounds.REQUIRED) @Valid AnswerRequest request) {
        return move(id, CaseLifecycle.Action.ANSWER, null, request.text(), null);
    }

    @POST
    @Path("resolve")
    @RolesAllowed({Roles.OPERATOR, Roles.EXECUTOR})
    @Operation(summary = "Executor: the problem is solved (optionally with an answer)")
    public Uni<ProblemCase> resolve(@PathParam("id") String id,
                                    @NotNull(message = TextBounds.REQUIRED) @Valid ResolveRequest request) {
        return move(id, CaseLifecycle.Action.RESOLVE, null, request.text(), null);
    }

    @POST
    @Path("reject")
    @RolesAllowed({Roles.OPERATOR, Roles.EXECUTOR})
    @Operation(summary = "Executor: the case is not theirs, with the reason")
    public Uni<ProblemCase> reject(@PathParam("id") String id,
                                   @NotNull(message = TextBounds.REQUIRED) @Valid RejectRequest request) {
        return move(id, CaseLifecycle.Action.REJECT, null, null, request.reason());
    }

    @POST
    @Path("assign")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator: assign the case to an executor")
    public Uni<ProblemCase> assign(@PathParam("id") String id,
                                   @NotNull(message = TextBounds.REQUIRED) @Valid AssignRequest request) {
        return move(id, CaseLifecycle.Action.ASSIGN, request.executor(), null, null);
    }

    @POST
    @Path("reassign")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator: give the case to another executor (after a rejection)")
    public Uni<ProblemCase> reassign(@PathParam("id") String id,
                                     @NotNull(message = TextBounds.REQUIRED) @Valid AssignRequest request) {
        return move(id, CaseLifecycle.Action.REASSIGN, request.executor(), null, null);
    }

    @POST
    @Path("confirm")
    @RolesAllowed({Roles.OPERATOR, Roles.SOURCE})
    @Operation(summary = "Resident: the problem is solved")
    public Uni<ProblemCase> confirm(@PathParam("id") String id,
                                    @NotNull(message = TextBounds.REQUIRED) @Valid FeedbackRequest request) {
        return move(id, CaseLifecycle.Action.CONFIRM, null, null, request.comment());
    }

    @POST
    @Path("reopen")
    @RolesAllowed({Roles.OPERATOR, Roles.SOURCE})
    @Operation(summary = "Resident: the problem is not solved; the case opens again")
    public Uni<ProblemCase> reopen(@PathParam("id") String id,
                                   @NotNull(message = TextBounds.REQUIRED) @Valid FeedbackRequest request) {
        return move(id, CaseLifecycle.Action.REOPEN, null, null, request.comment());
    }

    @POST
    @Path("merge")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator: merge this case into another about the same problem (its messages move; it points at the survivor)")
    public Uni<ProblemCase> merge(@PathParam("id") String id,
                                  @NotNull(message = TextBounds.REQUIRED) @Valid MergeRequest request) {
        return cases.merge(CaseResource.caseId(id), request.into(), caller.get());
    }

    @POST
    @Path("split")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator: split one message off this case into a new case of its own (answers the new case)")
    public Uni<ProblemCase> split(@PathParam("id") String id,
                                  @NotNull(message = TextBounds.REQUIRED) @Valid SplitRequest request) {
        return cases.split(CaseResource.caseId(id), request.message(), caller.get());
    }

    private Uni<ProblemCase> move(String id, CaseLifecycle.Action action, String executor, String text, String reason) {
        return cases.move(CaseResource.caseId(id), new CaseService.Move(action, executor, text, reason), caller.get());
    }
}
