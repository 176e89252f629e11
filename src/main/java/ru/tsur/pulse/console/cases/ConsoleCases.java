package ru.tsur.pulse.console.cases;

import ru.tsur.pulse.pages.CaseWords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.audit.AuditQuery;
import ru.tsur.pulse.audit.AuditRepository;
import ru.tsur.pulse.calendar.WorkingCalendar;
import ru.tsur.pulse.cases.CaseFilter;
import ru.tsur.pulse.cases.CaseLifecycle;
import ru.tsur.pulse.cases.CaseRepository;
import ru.tsur.pulse.cases.CaseScope;
import ru.tsur.pulse.cases.CaseStatus;
import ru.tsur.pulse.cases.DeadlineAssessment;
import ru.tsur.pulse.cases.KnownExecutors;
import ru.tsur.pulse.cases.ProblemCase;
import ru.tsur.pulse.cases.RerouteSuggestion;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.domain.Route;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.route.RoutingTable;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the console's case pages show and turns it into {@link CaseViews}: the filtered list (the "at risk"
 * view is judged by {@link DeadlineAssessment} in working time, so it is filtered here over the open cases that
 * are not overdue, at most {@link #RISK_SCAN} of them), one case with everything about it, and the rejected queue
 * with each case's suggestion ({@link RerouteSuggestion} over {@link RoutingTable#candidates}).
 */
@ApplicationScoped
public class ConsoleCases {

    static final int PAGE_SIZE = 50;
    /** The most open cases the at-risk view judges (newest first). */
    static final int RISK_SCAN = 2000;
    private static final int AUDIT_ROWS = 50;
    private static final int REJECTED_ROWS = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final CaseRepository repository;
    private final AuditRepository audit;
    private final KnownExecutors executors;
    private final DeadlineAssessment assessment;
    private final RoutingTable routing;
    private final WorkingCalendar calendar;
    private final Region region;
    private final Clock clock;
    private final Map<String, String> names = new LinkedHashMap<>();

    public ConsoleCases(CaseRepository repository, AuditRepository audit, KnownExecutors executors,
                        DeadlineAssessment assessment, RoutingTable routing, WorkingCalendar calendar, Region region,
                        Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.executors = executors;
        this.assessment = assessment;
        this.routing = routing;
        this.calendar = calendar;
        this.region = region;
        this.clock = clock;
        region.municipalities().forEach(place -> names.put(place.id(), place.name()));
    }

    /** The list page for the query. */
    public Uni<CaseViews.ListPage> list(CaseQuery query) {
        Instant now = clock.instant();
        Uni<CaseRepository.Page> found;
        if (query.risk()) {
            CaseFilter openInTime = new CaseFilter(query.status(), query.executor(), query.municipality(), false,
                    query.repeat() ? Boolean.TRUE : null, query.flagged() ? Boolean.TRUE : null, true);
            found = repository.list(openInTime, CaseScope.EVERYTHING, RISK_SCAN, 0).map(all -> {
                List<ProblemCase> atRisk = all.items().stream().filter(problem -> level(problem, now)
                        .filter(level -> level == DeadlineAssessment.Level.WARNING).isPresent()).toList();
                int from = Math.min(atRisk.size(), query.page() * PAGE_SIZE);
                return new CaseRepository.Page(atRisk.subList(from, Math.min(atRisk.size(), from + PAGE_SIZE)), atRisk.size());
            });
        } else {
            CaseFilter filter = new CaseFilter(query.status(), query.executor(), query.municipality(),
                    query.overdue() ? Boolean.TRUE : null, query.repeat() ? Boolean.TRUE : null,
                    query.flagged() ? Boolean.TRUE : null, null);
            found = repository.list(filter, CaseScope.EVERYTHING, PAGE_SIZE, query.page() * PAGE_SIZE);
        }
        return found.chain(page -> executors.all().map(names -> {
            List<CaseViews.Row> rows = page.items().stream().map(problem -> row(problem, now)).toList();
            int pages = (int) Math.max(1, (page.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            String previous = query.page() > 0 ? query.onPage(query.page() - 1).href() : null;
            String next = query.page() + 1 < pages ? query.onPage(query.page() + 1).href() : null;
            List<CaseViews.ViewLink> views = CaseQuery.VIEWS.stream()
                    .map(view -> new CaseViews.ViewLink(view.title(), view.query().href(), view.query().equals(query.onPage(0))))
                    .toList();
            List<CaseViews.Option> statuses = new ArrayList<>();
            statuses.add(new CaseViews.Option("", "любой", query.status() == null));
            for (CaseStatus status : CaseStatus.values()) {
                statuses.add(new CaseViews.Option(status.id(), CaseWords.status(status.id()), status.id().equals(query.status())));
            }
            List<CaseViews.Option> executorOptions = new ArrayList<>();
            executorOptions.add(new CaseViews.Option("", "любой", query.executor() == null));
            names.forEach(name -> executorOptions.add(new CaseViews.Option(name, name, name.equals(query.executor()))));
            List<CaseViews.Option> municipalities = new ArrayList<>();
            municipalities.add(new CaseViews.Option("", "любое", query.municipality() == null));
            region.municipalities().stream().sorted(Comparator.comparing(Municipality::name))
                    .forEach(place -> municipalities.add(new CaseViews.Option(place.id(), place.name(),
                            place.id().equals(query.municipality()))));
            return new CaseViews.ListPage(rows, page.total(), query.page() + 1, pages, previous, next, views, statuses,
                    executorOptions, municipalities, query.overdue(), query.repeat(), query.risk(), query.flagged());
        }));
    }

    /** One case with its messages, events, audit rows and allowed actions; 404 when there is no such case. */
    public Uni<CaseViews.Case> one(long caseId) {
        Instant now = clock.instant();
        return repository.find(caseId).chain(found -> {
            ProblemCase problem = found.orElseThrow(() -> Problem.notFound("Нет обращения № " + caseId));
            return repository.messages(caseId).chain(messages -> repository.events(caseId)
                    .chain(events -> audit.page(new AuditQuery(null, null, "case:" + caseId, null, null), 0, AUDIT_ROWS)
                            .chain(auditPage -> executors.all().map(names -> {
                                CaseStatus status = problem.statusValue();
                                Optional<DeadlineAssessment.Level> level = level(problem, now);
                                boolean merged = status == CaseStatus.MERGED;
                                CaseViews.Actions actions = new CaseViews.Actions(
                                        allowed(status, CaseLifecycle.Action.ASSIGN),
                                        !allowed(status, CaseLifecycle.Action.ASSIGN) && allowed(status, CaseLifecycle.Action.REASSIGN),
                                        allowed(status, CaseLifecycle.Action.ACCEPT), allowed(status, CaseLifecycle.Action.ANSWER),
                                        allowed(status, CaseLifecycle.Action.RESOLVE), allowed(status, CaseLifecycle.Action.REJECT),
                                        allowed(status, CaseLifecycle.Action.CONFIRM), allowed(status, CaseLifecycle.Action.REOPEN),
                                        !merged, !merged && messages.size() > 1);
                                Optional<Route> suggestion = status == CaseStatus.REJECTED ? suggestion(problem) : Optional.empty();
                                return new CaseViews.Case(problem.id(), problem.status(), CaseWords.status(problem.status()),
                                        problem.summary(), municipalityName(problem.municipality()), problem.category(),
                                        problem.topic(), problem.executor(), problem.deadlineClass(), time(problem.createdAt()),
                                        time(problem.firstReplyDue()), time(problem.resolutionDue()),
                                        CaseWords.deadline(level.orElse(null)), CaseWords.deadlineClass(level.orElse(null)),
                                        problem.messageCount(), problem.repeatOf(), problem.mergedInto(), problem.answerText(),
                                        problem.answerFlags().stream().map(CaseWords::flag).toList(), problem.rejectedReason(),
                                        messages.stream().map(message -> new CaseViews.Message(message.id(), message.source(),
                                                time(message.createdAt()), message.text())).toList(),
                                        events.stream().map(event -> new CaseViews.Event(time(event.at()), event.actor(),
                                                CaseWords.action(event.action()), CaseWords.status(event.from()),
                                                CaseWords.status(event.to()), event.detail())).toList(),
                                        auditPage.items().stream().map(row -> new CaseViews.Audit(time(row.at()), row.subject(),
                                                CaseWords.action(row.action()), row.before(), row.after())).toList(),
                                        names.stream().map(name -> new CaseViews.Option(name, name,
                                                name.equals(suggestion.map(Route::executor).orElse(problem.executor())))).toList(),
                                        actions, suggestion.map(Route::executor).orElse(null),
                                        suggestion.map(Route::rule).orElse(null));
                            }))));
        });
    }

    /** The rejected queue, newest case first (as the list), at most {@link #REJECTED_ROWS}. */
    public Uni<List<CaseViews.Rejected>> rejected() {
        CaseFilter filter = new CaseFilter(CaseStatus.REJECTED.id(), null, null, null, null, null, null);
        return repository.list(filter, CaseScope.EVERYTHING, REJECTED_ROWS, 0)
                .map(page -> page.items().stream().map(this::rejectedRow).toList());
    }

    /** One row of the rejected queue, for the queue and for the part that answers a send. */
    public CaseViews.Rejected rejectedRow(ProblemCase problem) {
        Optional<Route> suggestion = suggestion(problem);
        return new CaseViews.Rejected(problem.id(), "/console/cases/" + problem.id(), problem.summary(),
                municipalityName(problem.municipality()), problem.executor(), problem.rejectedReason(),
                time(problem.updatedAt()), suggestion.map(Route::executor).orElse(null),
                suggestion.map(Route::rule).orElse(null));
    }

    /** Where the routing table would send a rejected case next (another executor than the one who rejected). */
    public Optional<Route> suggestion(ProblemCase problem) {
        return RerouteSuggestion.next(routing.candidates(problem.topic(), problem.category(), problem.municipality()),
                problem.executor());
    }

    private CaseViews.Row row(ProblemCase problem, Instant now) {
        Optional<DeadlineAssessment.Level> level = level(problem, now);
        return new CaseViews.Row(problem.id(), "/console/cases/" + problem.id(), problem.status(),
                CaseWords.status(problem.status()), problem.summary(), municipalityName(problem.municipality()),
                problem.executor(), time(problem.createdAt()), CaseWords.deadline(level.orElse(null)),
                CaseWords.deadlineClass(level.orElse(null)), problem.repeatOf() != null, !problem.answerFlags().isEmpty(),
                problem.mergedInto());
    }

    private Optional<DeadlineAssessment.Level> level(ProblemCase problem, Instant now) {
        if (problem.overdue()) {
            return Optional.of(DeadlineAssessment.Level.OVERDUE);
        }
        return assessment.assess(problem, now).map(DeadlineAssessment.Finding::level);
    }

    private static boolean allowed(CaseStatus status, CaseLifecycle.Action action) {
        return CaseLifecycle.next(status, action).isPresent();
    }

    private String municipalityName(String id) {
        return names.getOrDefault(id, id);
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(calendar.zone()));
    }

}
