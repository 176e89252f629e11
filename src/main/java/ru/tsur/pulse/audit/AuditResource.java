package ru.tsur.pulse.audit;

import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import ru.tsur.pulse.api.QueryParameters;

/**
 * The audit trail API, admin-only: pages of recorded acts (newest first, filtered by subject, action, target
 * and time) and the chain verification that tells whether any row was deleted, edited or inserted.
 */
@Path("/api/v1/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditRepository repository;
    private final AuditConfig config;

    public AuditResource(AuditRepository repository, AuditConfig config) {
        this.repository = repository;
        this.config = config;
    }

    @GET
    @Operation(summary = "Audit rows, newest first, filtered by subject, action, target and time (from inclusive, to exclusive)")
    public Uni<AuditPage> list(@QueryParam("subject") String subject, @QueryParam("action") String action,
                               @QueryParam("target") String target, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("page") String page,
                               @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        int pageNumber = parameters.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = parameters.integer("size", size, config.defaultPageSize(), 1, config.maxPageSize());
        AuditQuery query = new AuditQuery(parameters.text("subject", subject, QueryParameters.MAX_TEXT_LENGTH),
                parameters.text("action", action, QueryParameters.MAX_TEXT_LENGTH),
                parameters.text("target", target, QueryParameters.MAX_TEXT_LENGTH),
                parameters.instant("from", from, null), parameters.instant("to", to, null));
        parameters.check();
        return repository.page(query, pageNumber, pageSize);
    }

    @POST
    @Path("/verify")
    @Operation(summary = "Recompute the audit hash chain from its first row; names the first broken row and why")
    public Uni<AuditVerification> verify() {
        return repository.verify(config.verifyChunk());
    }
}
