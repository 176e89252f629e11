package ru.tsur.pulse.cases;

import ru.tsur.pulse.problems.Outages;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import ru.tsur.pulse.alerts.Alert;
import ru.tsur.pulse.alerts.AlertRaise;
import ru.tsur.pulse.alerts.AlertService;
import ru.tsur.pulse.leases.JobLeases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps deadline alerts true. Every {@code watch-interval} the replica holding the watcher lease (a row
 * in {@code job_lease}, so one replica sweeps at a time) assesses every open case, raises its alerts
 * (upserts: unchanged ones are no-ops) and resolves the deadline alerts no longer called for. A case that
 * moves (a transition, a new case from the intake) is evaluated at once by whichever replica moved it,
 * so its alert appears or resolves within the request. Cases older than {@code alert-horizon} do not
 * alert (they stay listed as overdue). Every replica refreshes the case gauges.
 */
@ApplicationScoped
public class DeadlineWatcher {

    private static final Logger LOG = Logger.getLogger(DeadlineWatcher.class);
    private static final String LEASE = "deadline-watcher";

    private final Outages outages;
    private final CaseRepository repository;
    private final AlertService alerts;
    private final DeadlineAssessment assessment;
    private final CaseMetrics metrics;
    private final CasesConfig config;
    private final Clock clock;
    private final JobLeases leases;

    public DeadlineWatcher(CaseRepository repository, JobLeases leases, AlertService alerts, DeadlineAssessment assessment,
                           CaseMetrics metrics, CasesConfig config, Outages outages, Clock clock) {
        this.clock = clock;
        this.outages = outages;
        this.repository = repository;
        this.leases = leases;
        this.alerts = alerts;
        this.assessment = assessment;
        this.metrics = metrics;
        this.config = config;
    }

    /** One round: the sweep if this replica holds the lease, and the gauges in any case; skipped while one runs. */
    @Scheduled(every = "${pulse.cases.watch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // Not while the application starts: the channels it emits on may not be connected yet (SRMSG00019).
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> round() {
        Duration lease = config.watchInterval().multipliedBy(3);
        return leases.take(LEASE, lease)
                .chain(held -> held ? sweep().replaceWith("ran") : Uni.createFrom().item("skipped"))
                .call(this::refreshGauges)
                .invoke(metrics::watcherRun)
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    metrics.watcherRun("failed");
                    if (!outages.absorb(failure)) {
                        LOG.warnf("Deadline watcher round failed: %s", failure.toString());
                    }
                    return null;
                });
    }

    /** Assesses every open case; raises what is due and resolves what no longer is. */
    Uni<Void> sweep() {
        Instant started = clock.instant();
        return repository.open().chain(open -> {
            List<DeadlineAssessment.Finding> findings = new ArrayList<>();
            for (ProblemCase problem : open) {
                alertable(problem, started).ifPresent(findings::add);
            }
            List<AlertRaise> raises = assessment.alerts(findings);
            Set<String> firing = new HashSet<>();
            raises.forEach(raise -> firing.add(raise.id()));
            return raiseAll(raises).chain(() -> alerts.resolveStale(DeadlineAssessment.KIND, firing, started));
        });
    }

    /** Evaluates the given cases now (after they moved): raise, update or resolve their alerts. */
    public Uni<Void> evaluate(List<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return repository.findAll(caseIds).chain(cases -> Multi.createFrom().iterable(cases)
                .onItem().transformToUniAndConcatenate(problem -> evaluateOne(problem, now))
                .collect().asList().replaceWithVoid());
    }

    private Uni<Void> evaluateOne(ProblemCase problem, Instant now) {
        Optional<DeadlineAssessment.Finding> finding = alertable(problem, now);
        String current = DeadlineAssessment.alertId(problem);
        Uni<Void> raised = finding.isEmpty() ? Uni.createFrom().voidItem()
                : alerts.find(current).chain(existing -> {
                    AlertRaise raise = assessment.alerts(List.of(finding.get())).get(0);
                    // Keep the group parent the last sweep gave it, so a move does not make it flicker.
                    String parent = existing.filter(Alert::firing).map(Alert::parent).orElse(null);
                    return alerts.raise(new AlertRaise(raise.kind(), raise.labels(), raise.severity(), raise.title(),
                            raise.summary(), raise.details(), raise.group(),
                            finding.get().level() == DeadlineAssessment.Level.OVERDUE ? parent : null));
                }).replaceWithVoid();
        return raised.chain(() -> alerts.firingIdsWithLabel(DeadlineAssessment.KIND, "case", Long.toString(problem.id())))
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .select().where(id -> finding.isEmpty() || !id.equals(current))
                        .onItem().transformToUniAndConcatenate(alerts::resolve)
                        .collect().asList().replaceWithVoid());
    }

    /** The assessment of a case that may alert: none for cases older than the alert horizon. */
    private Optional<DeadlineAssessment.Finding> alertable(ProblemCase problem, Instant now) {
        if (problem.createdAt().isBefore(now.minus(config.alertHorizon()))) {
            return Optional.empty();
        }
        return assessment.assess(problem, now);
    }

    private Uni<Void> raiseAll(List<AlertRaise> raises) {
        return Multi.createFrom().iterable(raises)
                .onItem().transformToUniAndConcatenate(alerts::raise)
                .collect().asList().replaceWithVoid();
    }

    private Uni<Void> refreshGauges() {
        Instant since = clock.instant().minus(Duration.ofDays(30));
        return repository.countByClass().chain(counts -> repository.repeatCounts(since)
                .invoke(repeats -> metrics.counted(counts, repeats[0], repeats[1]))).replaceWithVoid();
    }
}
