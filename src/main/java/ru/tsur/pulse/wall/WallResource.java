package ru.tsur.pulse.wall;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * The wall page itself is static ({@code META-INF/resources/wall/}); this sends {@code /} and
 * {@code /wall} there, keeping kiosk query parameters ({@code ?window=…}).
 */
@Path("/")
@PermitAll // only redirects to the wall, which asks for a login itself
public class WallResource {

    @GET
    @Operation(hidden = true)
    public Response root(@Context UriInfo uri) {
        return toWall(uri);
    }

    @GET
    @Path("wall")
    @Operation(hidden = true)
    public Response wall(@Context UriInfo uri) {
        return toWall(uri);
    }

    private static Response toWall(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return Response.status(Response.Status.FOUND)
                .location(URI.create("/wall/" + (query == null ? "" : "?" + query))).build();
    }
}
