package ru.tsur.pulse.admin;

import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.audit.AuditEntry;
import ru.tsur.pulse.audit.AuditRepository;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.counters.CounterService;
import ru.tsur.pulse.counters.CountingStage;

/**
 * Operator actions on the service itself. {@code POST /api/v1/admin/counters/rebuild} (no body) rewrites the
 * Redis view from PostgreSQL (after a Redis incident, or when counts look wrong) and answers the
 * {@link CounterService.RebuildReport}. If PostgreSQL or Redis is unavailable the failure reaches
 * {@code ProblemMapper}: 503 with Retry-After; any other failure is a logged 500, never its message.
 */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final CountingStage counting;
    private final CurrentCaller caller;
    private final AuditRepository audit;

    public AdminResource(CountingStage counting, CurrentCaller caller, AuditRepository audit) {
        this.counting = counting;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @Path("/counters/rebuild")
    @Operation(summary = "Rebuild the Redis counters from PostgreSQL", description = "No body; any body is ignored")
    @APIResponse(responseCode = "200", description = "What was rebuilt",
            content = @Content(schema = @Schema(implementation = CounterService.RebuildReport.class)))
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    public Uni<CounterService.RebuildReport> rebuildCounters() {
        Actor actor = Actor.of(caller.get());
        // Audited before it runs: a rebuild that fails half-way was still asked for by someone.
        return audit.append(new AuditEntry(actor, "counters.rebuild", "counters", null, null))
                .chain(() -> counting.rebuild("requested by " + actor.subject()));
    }
}
