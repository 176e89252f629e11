package ru.tsur.pulse.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import ru.tsur.pulse.access.Roles;

import java.net.URI;

/** {@code /console} opens the operator's first section, the triage queue. */
@Path("/console")
@RolesAllowed(Roles.OPERATOR)
public class ConsoleEntry {

    @GET
    public Response console() {
        return Response.status(Response.Status.FOUND).location(URI.create("/console/triage")).build();
    }
}
