package ru.tsur.pulse.region;

import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.locate.RegionPack;

import java.util.ArrayList;
import java.util.List;

/**
 * The loaded region for screens: names of municipalities and categories (heat-map frames carry only
 * ids) and the boundaries as GeoJSON, with the OpenStreetMap attribution. Both are read from memory (the
 * region pack), so they answer even while PostgreSQL and Redis are down.
 */
@Path("/api/v1/region")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN, Roles.EXECUTOR})
public class RegionResource {

    private final RegionPack pack;

    public RegionResource(RegionPack pack) {
        this.pack = pack;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The region: municipalities (with «не определено») and categories")
    @APIResponse(responseCode = "200", description = "The region", content = @Content(schema = @Schema(implementation = Region.class)))
    public Region region() {
        Region region = pack.region();
        List<Municipality> municipalities = new ArrayList<>(region.municipalities());
        municipalities.add(Municipality.unknown());
        return new Region(region.id(), region.name(), region.timeZone(), region.attribution(), region.categories(),
                municipalities);
    }

    @GET
    @Path("/boundaries")
    @Produces("application/geo+json")
    @Operation(summary = "Municipal boundaries (GeoJSON, © OpenStreetMap contributors, ODbL 1.0)")
    @APIResponse(responseCode = "200", description = "A GeoJSON FeatureCollection",
            content = @Content(mediaType = "application/geo+json", schema = @Schema(type = SchemaType.OBJECT)))
    public Response boundaries() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(pack.geoJson()).cacheControl(cache).build();
    }
}
