package ru.tsur.pulse.cases;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.audit.AuditJson;
import ru.tsur.pulse.audit.CallerAudit;
import ru.tsur.pulse.cases.api.AddExecutor;
import ru.tsur.pulse.cases.api.ExecutorAdded;

import java.util.List;

/**
 * The executors cases may be assigned to ({@code GET /api/v1/admin/executors}: routed and added), and how an
 * admin adds one the routing table does not name yet ({@code POST}, audited as {@code executor.add}).
 */
@Path("/api/v1/admin/executors")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutorResource {

    private final KnownExecutors executors;
    private final CallerAudit audit;

    public ExecutorResource(KnownExecutors executors, CallerAudit audit) {
        this.executors = executors;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Executors cases may be assigned to (routing table, overrides, added by an admin)")
    public Uni<List<String>> list() {
        return executors.all();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add an executor the routing table does not name (audited)")
    public Uni<ExecutorAdded> add(@NotNull(message = TextBounds.REQUIRED) @Valid AddExecutor request) {
        Actor actor = audit.caller();
        return executors.inTransaction(transaction -> executors.add(transaction, request.name(), actor.subject())
                .call(added -> added ? audit.record(transaction, actor, "executor.add", "executor:" + request.name(),
                        AuditJson.of("name", request.name())) : Uni.createFrom().voidItem())
                .map(added -> new ExecutorAdded(request.name(), added)));
    }
}
