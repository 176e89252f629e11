package ru.tsur.pulse.push;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.problems.ProblemMapper;

import java.util.Optional;

/**
 * {@code GET /api/v1/heatmap?window=1h|24h|7d}: the same snapshot a screen gets on connect.
 */
@Path("/api/v1/heatmap")
@Produces(MediaType.APPLICATION_JSON)
public class HeatmapResource {

    private final HeatmapBroadcaster broadcaster;

    public HeatmapResource(HeatmapBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @GET
    @Operation(summary = "Heat-map snapshot: count per municipality × category in a rolling window")
    public Uni<Response> snapshot(@QueryParam("window") @DefaultValue("1h") String window) {
        Optional<Window> chosen = Window.fromLabel(window);
        if (chosen.isEmpty()) {
            return Uni.createFrom().item(ProblemMapper.response(Problem.invalid("window", "must be 1h, 24h or 7d")));
        }
        return broadcaster.snapshot(chosen.get()).map(body -> Response.ok(body).build())
                .onFailure().recoverWithItem(failure -> ProblemMapper.response(Problem.unavailable("Счётчики в Redis недоступны", 5)));
    }
}
