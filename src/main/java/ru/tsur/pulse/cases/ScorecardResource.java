package ru.tsur.pulse.cases;

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
import ru.tsur.pulse.cases.api.Scorecards;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/scorecards?by=executor|municipality}: the {@link Scorecard} ranking over the cases
 * opened within {@code pulse.cases.scorecard-period} ({@link ScorecardFigures}). A PostgreSQL outage is a
 * 503 with Retry-After.
 */
@Path("/api/v1/scorecards")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {

    private final CurrentCaller caller;
    private final ScorecardFigures figures;
    private final Clock clock;

    public ScorecardResource(ScorecardFigures figures, Clock clock, CurrentCaller caller) {
        this.caller = caller;
        this.figures = figures;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Executors or municipalities ranked by on-time first replies (Wilson lower bound)")
    @APIResponse(responseCode = "200", description = "The ranking", content = @Content(schema = @Schema(implementation = Scorecards.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    public Uni<Scorecards> scorecards(@Parameter(description = "executor (default) or municipality") @QueryParam("by") String by) {
        String dimension = QueryParameters.single(parameters ->
                parameters.oneOf("by", by, "executor", List.of("executor", "municipality")));
        Instant now = clock.instant();
        Caller who = caller.get();
        // A municipal official ranks its municipalities' cases only.
        return figures.rows(dimension, source -> who.sees(source.municipality()), now)
                .map(rows -> new Scorecards(dimension, now, figures.since(now), rows));
    }
}
