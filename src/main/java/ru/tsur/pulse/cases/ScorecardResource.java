package ru.tsur.pulse.cases;

import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/scorecards?by=executor|municipality}: the {@link Scorecard} ranking over the cases
 * opened within {@code pulse.cases.scorecard-period}. A case counts as on time when its first reply came by
 * its first-reply due time; an unanswered case counts as late once that time has passed. A PostgreSQL
 * outage is a 503 with Retry-After.
 */
@Path("/api/v1/scorecards")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {

    private final CurrentCaller caller;
    private final CaseRepository repository;
    private final DeadlinePolicy policy;
    private final CasesConfig config;
    private final Clock clock;

    public ScorecardResource(CaseRepository repository, DeadlinePolicy policy, CasesConfig config, Clock clock, CurrentCaller caller) {
        this.caller = caller;
        this.repository = repository;
        this.policy = policy;
        this.config = config;
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
        // Working hours and ranks of every case of the period are CPU work: on a worker, not the event loop.
        return repository.scorecardSource(now.minus(config.scorecardPeriod())).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(sources -> {
            List<Scorecard.Outcome> outcomes = new ArrayList<>(sources.size());
            for (CaseRepository.ScorecardSource source : sources) {
                if (!who.sees(source.municipality())) {
                    continue; // a municipal official ranks its municipalities' cases only
                }
                String key = dimension.equals("executor") ? source.executor() : source.municipality();
                outcomes.add(outcome(key == null ? "" : key, source, now));
            }
            return new Scorecards(dimension, now, now.minus(config.scorecardPeriod()),
                    Scorecard.rank(outcomes, config.scorecardPriorWeight()));
        });
    }

    private Scorecard.Outcome outcome(String key, CaseRepository.ScorecardSource source, Instant now) {
        Double replyHours = source.firstAnswerAt() == null ? null : policy.workingHours(source.createdAt(), source.firstAnswerAt());
        Boolean onTime;
        if (source.firstAnswerAt() != null) {
            onTime = !source.firstAnswerAt().isAfter(source.firstReplyDue());
        } else if (now.isAfter(source.firstReplyDue())) {
            onTime = false;
        } else {
            onTime = null;
        }
        return new Scorecard.Outcome(key, replyHours, onTime, source.reopenedCount() > 0, source.repeat(), source.flagged());
    }
}
