package ru.tsur.pulse.heatmap;

import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.heatmap.api.HeatmapSnapshot;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/heatmap?window=1h|24h|7d}: the same snapshot a screen gets on connect. While Redis
 * (the counters) is unavailable the failure reaches {@code ProblemMapper}: 503 with Retry-After.
 */
@Path("/api/v1/heatmap")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class HeatmapResource {

    private final CurrentCaller caller;
    private final HeatmapBroadcaster broadcaster;

    public HeatmapResource(HeatmapBroadcaster broadcaster, CurrentCaller caller) {
        this.caller = caller;
        this.broadcaster = broadcaster;
    }

    @GET
    @Operation(summary = "Heat-map snapshot: count per municipality × category in a rolling window")
    @APIResponse(responseCode = "200", description = "The snapshot", content = @Content(schema = @Schema(implementation = HeatmapSnapshot.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    public Uni<HeatmapSnapshot> snapshot(@Parameter(description = "1h (default), 24h or 7d") @QueryParam("window") String window) {
        QueryParameters parameters = new QueryParameters();
        String label = parameters.oneOf("window", window, Window.HOUR.label(),
                Arrays.stream(Window.values()).map(Window::label).toList());
        parameters.check();
        Caller who = caller.get();
        return broadcaster.snapshot(Window.fromLabel(label).orElseThrow()).map(snapshot -> who.municipalityScope().isEmpty()
                ? snapshot
                : new HeatmapSnapshot(snapshot.type(), snapshot.window(), snapshot.seq(), snapshot.at(), snapshot.region(),
                snapshot.cells().stream().filter(cell -> who.sees(cell.m())).toList(),
                snapshot.scores() == null ? null : snapshot.scores().stream().filter(score -> who.sees(score.m())).toList(),
                snapshot.learning() == null ? null : new TreeMap<>(snapshot.learning().entrySet().stream()
                        .filter(entry -> who.sees(entry.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))));
    }
}
