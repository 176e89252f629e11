package ru.tsur.pulse.keys;

import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.keys.api.CreateKeyRequest;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.problems.Problem;

import java.util.List;

/**
 * Admin API of source systems' keys: create (the key is in the answer once and never again), list (never a
 * secret or its hash) and revoke. Every create and revoke leaves an audit row in the same transaction.
 */
@Path("/api/v1/admin/keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    private final ApiKeys keys;
    private final CurrentCaller caller;

    public KeyResource(ApiKeys keys, CurrentCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key for source systems; the key is shown in this answer only")
    public Uni<RestResponse<KeyCreated>> create(@Valid @NotNull(message = "нужно тело запроса") CreateKeyRequest request) {
        return keys.create(request.name(), request.sources(),
                        request.expiresAt() == null ? null : request.expiresAt().toInstant(), Actor.of(caller.get()))
                .map(created -> RestResponse.status(Response.Status.CREATED, KeyCreated.of(created)));
    }

    @GET
    @Operation(summary = "API keys, newest first, without secrets")
    public Uni<List<ApiKey>> list() {
        return keys.list();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key at once; revoking it again changes nothing")
    public Uni<ApiKey> revoke(@PathParam("id") String id) {
        return keys.revoke(id, Actor.of(caller.get()))
                .map(found -> found.orElseThrow(() -> Problem.notFound("Ключа " + shown(id) + " нет")));
    }

    private static String shown(String id) {
        return id.length() > 40 ? id.substring(0, 40) + "…" : id;
    }
}
