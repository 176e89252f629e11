package ru.tsur.pulse.cases;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/scorecards?by=executor|municipality}: the {@link Scorecard} ranking over the cases
 * opened within {@code pulse.cases.scorecard-period}. A case counts as on time when its first reply came by
 * its first-reply due time; an unanswered case counts as late once that time has passed.
 */
@Path("/api/v1/scorecards")
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {

    private final CaseRepository repository;
    private final DeadlinePolicy policy;
    private final CasesConfig config;
    private final Clock clock = Clock.systemUTC();

    public ScorecardResource(CaseRepository repository, DeadlinePolicy policy, CasesConfig config) {
        this.repository = repository;
        this.policy = policy;
        this.config = config;
    }

    @GET
    public Uni<Map<String, Object>> scorecards(@QueryParam("by") String by) {
        String dimension = by == null ? "executor" : by;
        if (!dimension.equals("executor") && !dimension.equals("municipality")) {
            throw Problem.invalid("request", "by must be executor or municipality");
        }
        Instant now = clock.instant();
        // Working hours and ranks of every case of the period are CPU work: on a worker, not the event loop.
        return repository.scorecardSource(now.minus(config.scorecardPeriod())).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(sources -> {
            List<Scorecard.Outcome> outcomes = new ArrayList<>(sources.size());
            for (CaseRepository.ScorecardSource source : sources) {
                String key = dimension.equals("executor") ? source.executor() : source.municipality();
                outcomes.add(outcome(key == null ? "" : key, source, now));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("by", dimension);
            body.put("at", now.toString());
            body.put("since", now.minus(config.scorecardPeriod()).toString());
            body.put("rows", Scorecard.rank(outcomes, config.scorecardPriorWeight()));
            return body;
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
