package ru.tsur.pulse.admin;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import ru.tsur.pulse.counters.CounterService;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.problems.ProblemMapper;
import ru.tsur.pulse.push.HeatmapBroadcaster;

/**
 * Operator actions on the service itself. {@code POST /api/v1/admin/counters/rebuild} rewrites the Redis
 * view from PostgreSQL (after a Redis incident, or when counts look wrong).
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final CounterService counters;
    private final HeatmapBroadcaster broadcaster;

    public AdminResource(CounterService counters, HeatmapBroadcaster broadcaster) {
        this.counters = counters;
        this.broadcaster = broadcaster;
    }

    @POST
    @Path("/counters/rebuild")
    @Operation(summary = "Rebuild the Redis counters from PostgreSQL")
    public Uni<Response> rebuildCounters() {
        return counters.rebuild("requested by an operator")
                .invoke(broadcaster::everythingChanged)
                .map(report -> Response.ok(report).build())
                .onFailure().recoverWithItem(failure -> ProblemMapper.response(Problem.unavailable("Пересчёт не выполнен: " + failure.getMessage(), 5)));
    }
}
