package ru.tsur.pulse.triage;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.PathIds;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.triage.api.TriageDecision;
import ru.tsur.pulse.triage.api.TriageOutcome;
import ru.tsur.pulse.triage.api.TriageQueue;

/**
 * The triage API, operators only: {@code GET /api/v1/triage} (the oldest messages the model was unsure of) and
 * {@code POST /api/v1/triage/{id}} (confirm or correct one; the console's triage page does the same).
 */
@Path("/api/v1/triage")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {

    /** The most a queue page holds. */
    static final int MAX_LIMIT = 200;

    private final TriageService triage;
    private final CurrentCaller caller;

    public TriageResource(TriageService triage, CurrentCaller caller) {
        this.triage = triage;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Messages waiting for triage, oldest first, with the model's top candidates")
    public Uni<TriageQueue> queue(@QueryParam("limit") String limit) {
        QueryParameters parameters = new QueryParameters();
        int chosen = parameters.integer("limit", limit, 20, 1, MAX_LIMIT);
        parameters.check();
        return triage.queue(chosen);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm or correct a message's labels (re-routes its case; kept as a labelled example)")
    public Uni<TriageOutcome> decide(@PathParam("id") String messageId,
                                     @NotNull(message = TextBounds.REQUIRED) @Valid TriageDecision decision) {
        long id = PathIds.positive(messageId, "Нет сообщения № " + messageId);
        return triage.decide(id, decision, caller.get());
    }
}
