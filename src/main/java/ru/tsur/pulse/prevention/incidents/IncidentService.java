package ru.tsur.pulse.prevention.incidents;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.alerts.AlertService;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.audit.AuditEntry;
import ru.tsur.pulse.audit.AuditJson;
import ru.tsur.pulse.audit.AuditRepository;
import ru.tsur.pulse.cases.CaseLifecycle;
import ru.tsur.pulse.cases.CaseService;
import ru.tsur.pulse.cases.CaseStatus;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What operators do with an incident: confirm it (one root cause), dismiss it (no incident: a coincidence, a
 * campaign), link its cases (those of its messages, and cases they name — a phone call with no point), and
 * resolve its cases together with one answer. Each status change and its audit row commit together and the
 * incident's alert follows at once (updated on confirmation, resolved on dismissal or resolution); resolving
 * moves every linked open case through the cases' own lifecycle ({@link CaseService#move}: answer quality,
 * events, audit and deadline alerts as for any resolution), one after another, and reports what happened to
 * each — a case the lifecycle does not let be resolved (still {@code new}, or already closed) is reported,
 * not forced.
 */
@ApplicationScoped
public class IncidentService {

    /** What happened to one case when its incident was resolved. */
    public record CaseOutcome(long caseId, String outcome, String detail) {
    }

    /** An incident after its resolution, with the outcome for each linked case. */
    public record Resolution(StoredIncident incident, List<CaseOutcome> cases) {
    }

    private static final Set<String> OPEN = Set.of(StoredIncident.DETECTED, StoredIncident.CONFIRMED);
    private static final Set<CaseStatus> CLOSED = Set.of(CaseStatus.RESOLVED, CaseStatus.CONFIRMED);

    private final IncidentRepository repository;
    private final AuditRepository audit;
    private final AlertService alerts;
    private final CaseService cases;
    private final IncidentAlertText text;
    private final Clock clock;

    public IncidentService(IncidentRepository repository, AuditRepository audit, AlertService alerts, CaseService cases,
                           Region region, IncidentsConfig config, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.alerts = alerts;
        this.cases = cases;
        this.clock = clock;
        this.text = IncidentAlertText.of(region, config.criticalPlaces());
    }

    /** The incident, or a 404. */
    public Uni<StoredIncident> get(long id) {
        return repository.find(id).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /** detected → confirmed; its alert shows the new status. */
    public Uni<StoredIncident> confirm(long id, Caller caller) {
        return move(id, Set.of(StoredIncident.DETECTED), StoredIncident.CONFIRMED, null, caller, "incident.confirm")
                .call(incident -> alerts.raise(text.raise(incident)));
    }

    /** detected or confirmed → dismissed, with the reason; its alert resolves. */
    public Uni<StoredIncident> dismiss(long id, String reason, Caller caller) {
        return move(id, OPEN, StoredIncident.DISMISSED, reason, caller, "incident.dismiss")
                .call(incident -> alerts.resolve(IncidentAlertText.alertId(incident)));
    }

    /**
     * Links the cases of the incident's messages and the named cases (each must exist, not be merged and be in
     * no other incident: else 400 naming it) to the open incident; returns the linked cases' numbers.
     */
    public Uni<List<Long>> link(long id, Collection<Long> named, Caller caller) {
        return get(id).chain(incident -> {
            if (!incident.open()) {
                throw closed(incident);
            }
            return checkNamed(id, named);
        }).chain(() -> repository.inTransaction(connection -> repository.linkCases(connection, id, named)
                .call(linked -> audit.append(connection, new AuditEntry(Actor.of(caller), "incident.link", "incident:" + id,
                        null, AuditJson.of("cases", linked.stream().map(String::valueOf).collect(Collectors.joining(","))))))))
                .map(linked -> linked.stream().sorted().toList());
    }

    /**
     * Links the cases as {@link #link} does without naming any, resolves every linked open case with the answer,
     * then moves the incident to resolved (its alert resolves). Cases already resolved or confirmed are left
     * as they are; one the lifecycle refuses is reported with the refusal's detail and does not stop the others.
     */
    public Uni<Resolution> resolve(long id, String answer, Caller caller) {
        return link(id, List.of(), caller)
                .chain(() -> repository.cases(id))
                .chain(linked -> Multi.createFrom().iterable(linked)
                        .onItem().transformToUniAndConcatenate(found -> resolveCase(found, answer, caller))
                        .collect().asList())
                .chain(outcomes -> move(id, OPEN, StoredIncident.RESOLVED, answer, caller, "incident.resolve")
                        .call(incident -> alerts.resolve(IncidentAlertText.alertId(incident)))
                        .map(incident -> new Resolution(incident, outcomes)));
    }

    private Uni<CaseOutcome> resolveCase(IncidentRepository.CaseRow found, String answer, Caller caller) {
        Optional<CaseStatus> status = CaseStatus.byId(found.status());
        if (status.isPresent() && CLOSED.contains(status.get())) {
            return Uni.createFrom().item(new CaseOutcome(found.id(), "already_resolved", null));
        }
        return cases.move(found.id(), new CaseService.Move(CaseLifecycle.Action.RESOLVE, null, answer, null), caller)
                .map(moved -> new CaseOutcome(found.id(), "resolved", null))
                .onFailure(Problem.class).recoverWithItem(refusal ->
                        new CaseOutcome(found.id(), "refused", refusal.getMessage()));
    }

    private Uni<Void> checkNamed(long id, Collection<Long> named) {
        if (named.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.named(named).invoke(found -> {
            List<String> problems = new ArrayList<>();
            for (Long caseId : named) {
                Optional<IncidentRepository.NamedCase> match = found.stream().filter(row -> row.id() == caseId).findFirst();
                if (match.isEmpty()) {
                    problems.add("нет обращения № " + caseId + " (или оно объединено с другим)");
                } else if (match.get().incidentId() != null && match.get().incidentId() != id) {
                    problems.add("обращение № " + caseId + " уже в инциденте № " + match.get().incidentId());
                }
            }
            if (!problems.isEmpty()) {
                throw Problem.invalid("caseIds", String.join("; ", problems));
            }
        }).replaceWithVoid();
    }

    private Uni<StoredIncident> move(long id, Set<String> from, String to, String note, Caller caller, String action) {
        Instant now = clock.instant();
        return repository.inTransaction(connection -> repository.find(id).chain(before -> {
            StoredIncident current = before.orElseThrow(() -> notFound(id));
            return repository.setStatus(connection, id, from, to, caller.actor(), now, note)
                    .map(moved -> moved.orElseThrow(() -> Problem.conflict("Инцидент № " + id + " в статусе "
                            + current.status() + "; это действие возможно только в статусах: "
                            + String.join(", ", from.stream().sorted().toList()))))
                    .call(moved -> audit.append(connection, new AuditEntry(Actor.of(caller), action, "incident:" + id,
                            AuditJson.of("status", current.status()),
                            AuditJson.of("status", moved.status(), "note", note))));
        }));
    }

    private static Problem notFound(long id) {
        return Problem.notFound("Нет инцидента № " + id);
    }

    private static Problem closed(StoredIncident incident) {
        return Problem.conflict("Инцидент № " + incident.id() + " закрыт (" + incident.status()
                + "): связывать обращения можно с открытым инцидентом");
    }
}
