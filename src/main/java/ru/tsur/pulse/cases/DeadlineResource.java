package ru.tsur.pulse.cases;

import ru.tsur.pulse.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.cases.api.DeadlineSummary;
import ru.tsur.pulse.cases.api.ExecutorDeadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/deadlines/summary}: per executor, open cases, overdue ones and those at risk (past
 * the first warning share of their allowed time, not yet overdue) — by the same assessment the watcher
 * alerts with. Executors with the most overdue come first. A PostgreSQL outage is a 503 with Retry-After
 * (the failure reaches {@code ProblemMapper}).
 */
@Path("/api/v1/deadlines")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class DeadlineResource {

    private final CurrentCaller caller;
    private final CaseRepository repository;
    private final DeadlineAssessment assessment;
    private final Clock clock;

    public DeadlineResource(CaseRepository repository, DeadlineAssessment assessment, Clock clock, CurrentCaller caller) {
        this.caller = caller;
        this.repository = repository;
        this.assessment = assessment;
        this.clock = clock;
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Per executor: open cases, overdue ones and those at risk")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(schema = @Schema(implementation = DeadlineSummary.class)))
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    public Uni<DeadlineSummary> summary() {
        Instant now = clock.instant();
        // A municipal official (or its wall) counts its municipalities' cases only.
        CaseScope scope = CaseScope.of(caller.get());
        // Assessing every open case is CPU work proportional to the backlog: on a worker, not the event loop.
        return repository.open().emitOn(Infrastructure.getDefaultWorkerPool()).map(open -> {
            Map<String, int[]> byExecutor = new HashMap<>();
            for (ProblemCase problem : open) {
                if (!scope.includes(problem)) {
                    continue;
                }
                int[] counts = byExecutor.computeIfAbsent(problem.executor() == null ? "" : problem.executor(), key -> new int[3]);
                counts[2]++;
                Optional<DeadlineAssessment.Finding> finding = assessment.assess(problem, now);
                if (finding.isPresent()) {
                    counts[finding.get().level() == DeadlineAssessment.Level.OVERDUE ? 0 : 1]++;
                }
            }
            List<ExecutorDeadlines> executors = new ArrayList<>();
            byExecutor.forEach((executor, counts) -> executors.add(
                    new ExecutorDeadlines(executor.isEmpty() ? null : executor, counts[0], counts[1], counts[2])));
            executors.sort(Comparator.comparingInt(ExecutorDeadlines::overdue).reversed()
                    .thenComparing(Comparator.comparingInt(ExecutorDeadlines::atRisk).reversed())
                    .thenComparing(line -> line.executor() == null ? "" : line.executor()));
            return new DeadlineSummary(now, executors);
        });
    }
}
