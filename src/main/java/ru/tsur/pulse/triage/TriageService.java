package ru.tsur.pulse.triage;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.audit.AuditEntry;
import ru.tsur.pulse.audit.AuditJson;
import ru.tsur.pulse.audit.AuditRepository;
import ru.tsur.pulse.cases.CaseRepository;
import ru.tsur.pulse.cases.DeadlinePolicy;
import ru.tsur.pulse.cases.DeadlineWatcher;
import ru.tsur.pulse.cases.KnownExecutors;
import ru.tsur.pulse.cases.ProblemCase;
import ru.tsur.pulse.classify.Classifier;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.domain.Route;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.route.RoutingTable;
import ru.tsur.pulse.triage.api.TriageDecision;
import ru.tsur.pulse.triage.api.TriageItem;
import ru.tsur.pulse.triage.api.TriageOutcome;
import ru.tsur.pulse.triage.api.TriageQueue;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Triage: the queue of messages the model was unsure of, and an operator's decision on one — the labels
 * written onto the message, its route and its case moved by {@link TriageRouting}, the decision kept as a
 * labelled example for the next training run and in the audit trail, all in one transaction. A message
 * already decided (by another operator a moment ago) is a 409, so two operators never decide it twice.
 * The queue's candidates are the region's model scoring the text again (CPU work, on a worker thread).
 */
@ApplicationScoped
public class TriageService {

    private final TriageRepository repository;
    private final CaseRepository cases;
    private final Classifier classifier;
    private final RoutingTable routing;
    private final KnownExecutors executors;
    private final DeadlinePolicy deadlines;
    private final DeadlineWatcher watcher;
    private final AuditRepository audit;
    private final Region region;
    private final Map<String, String> categoryNames;
    private final Map<String, String> municipalityNames;

    public TriageService(TriageRepository repository, CaseRepository cases, Classifier classifier, RoutingTable routing,
                         KnownExecutors executors, DeadlinePolicy deadlines, DeadlineWatcher watcher,
                         AuditRepository audit, Region region) {
        this.repository = repository;
        this.cases = cases;
        this.classifier = classifier;
        this.routing = routing;
        this.executors = executors;
        this.deadlines = deadlines;
        this.watcher = watcher;
        this.audit = audit;
        this.region = region;
        this.categoryNames = region.categories().stream().collect(Collectors.toUnmodifiableMap(Category::id, Category::name));
        this.municipalityNames = region.municipalities().stream()
                .collect(Collectors.toUnmodifiableMap(Municipality::id, Municipality::name, (first, second) -> first));
    }

    /** The region's categories, for the operator's choice. */
    public List<Category> categories() {
        return region.categories();
    }

    public String categoryName(String id) {
        return categoryNames.getOrDefault(id, id);
    }

    /** The oldest {@code limit} messages waiting, with the model's candidates, and how many wait in all. */
    public Uni<TriageQueue> queue(int limit) {
        return repository.queue(limit).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(flagged -> flagged.stream().map(this::item).toList())
                .chain(items -> repository.waiting().map(waiting -> new TriageQueue(items, waiting)));
    }

    private TriageItem item(TriageRepository.Flagged message) {
        Classification scored = classifier.classify(new IncomingMessage(null, null, message.createdAt(),
                message.displayText(), message.lat(), message.lon(), null, null, null, null, null), message.normalizedText());
        return new TriageItem(message.id(), message.createdAt(), message.receivedAt(), message.displayText(), message.lat(),
                message.lon(), message.municipality(), municipalityNames.getOrDefault(message.municipality(), "не определён"),
                message.category(), categoryName(message.category()), message.topic(), message.confidence(),
                message.route().executor(), message.route().rule(), message.caseId(),
                scored.categoryCandidates().stream().limit(3).toList(), scored.topicCandidates().stream().limit(3).toList());
    }

    /** Applies the operator's decision on one message (see the class comment). */
    public Uni<TriageOutcome> decide(long messageId, TriageDecision decision, Caller caller) {
        if (!categoryNames.containsKey(decision.category())) {
            return Uni.createFrom().failure(Problem.invalid("category", "в таксономии региона нет категории «"
                    + decision.category() + "»"));
        }
        Uni<Boolean> known = decision.executor() == null ? Uni.createFrom().item(true) : executors.knows(decision.executor());
        return known.chain(isKnown -> {
            if (!isKnown) {
                return Uni.createFrom().failure(Problem.invalid("executor", "такого исполнителя регион не знает"));
            }
            return repository.inTransaction(connection -> repository.lock(connection, messageId)
                    .chain(found -> decideLocked(connection, found.orElseThrow(
                            () -> Problem.notFound("Нет сообщения № " + messageId)), decision, caller)));
        }).call(outcome -> outcome.caseId() == null ? Uni.createFrom().voidItem() : watcher.evaluate(List.of(outcome.caseId())));
    }

    private Uni<TriageOutcome> decideLocked(SqlConnection connection, TriageRepository.Flagged message,
                                            TriageDecision decision, Caller caller) {
        if (!message.triage()) {
            throw Problem.conflict("Сообщение № " + message.id() + " уже разобрано (или не требовало разбора)");
        }
        boolean changed = !decision.category().equals(message.category()) || !Objects.equals(decision.topic(), message.topic());
        Route route = TriageRouting.route(message.route(), changed, decision.executor(),
                routing.route(decision.topic(), decision.category(), message.municipality()));
        TriageRepository.Correction correction = new TriageRepository.Correction(message.id(), region.id(),
                message.displayText(), message.municipality(), message.category(), message.topic(), decision.category(),
                decision.topic(), route.executor(), !changed, caller.name());
        Uni<Void> written = repository.decide(connection, message.id(), decision.category(), decision.topic(), route)
                .chain(() -> repository.keep(connection, correction))
                .chain(() -> audit.append(connection, new AuditEntry(Actor.of(caller), "message.triage",
                        "message:" + message.id(),
                        AuditJson.of("category", message.category(), "topic", message.topic(), "executor", message.route().executor()),
                        AuditJson.of("category", decision.category(), "topic", decision.topic(), "executor", route.executor()))))
                .replaceWithVoid();
        Function<ProblemCase, TriageOutcome> outcome = problem -> new TriageOutcome(message.id(), decision.category(),
                decision.topic(), route.executor(), route.rule(), changed, problem == null ? null : problem.id(),
                problem == null ? null : problem.executor(), problem == null ? null : problem.status());
        if (message.caseId() == null) {
            return written.map(ignored -> outcome.apply(null));
        }
        return written.chain(() -> cases.lock(connection, message.caseId()))
                .chain(found -> moveCase(connection, found.orElseThrow(), decision, route, caller))
                .map(outcome);
    }

    /**
     * A case that is this message alone takes the new labels, route and deadlines; a case that gathered other
     * messages keeps its own (the others still say what it is about) and records the decision as an event.
     */
    private Uni<ProblemCase> moveCase(SqlConnection connection, ProblemCase problem, TriageDecision decision, Route route,
                                      Caller caller) {
        TriageRouting.CaseMove move = TriageRouting.caseMove(problem.statusValue(), problem.executor(), route.executor());
        String detail = "категория " + categoryName(decision.category())
                + (decision.topic() == null ? "" : ", тема «" + decision.topic() + "»")
                + (move.moved() ? ", исполнитель " + move.executor() : "");
        if (problem.messageCount() > 1) {
            return cases.event(connection, problem.id(), caller.actor(), "triage", problem.status(), problem.status(),
                    detail + " (обращение объединяет несколько сообщений: его категория не меняется)").replaceWith(problem);
        }
        String deadlineClass = route.deadlineClass() == null ? problem.deadlineClass() : route.deadlineClass();
        CaseRepository.Reclassification change = new CaseRepository.Reclassification(problem.id(), decision.category(),
                decision.topic(), move.executor(), move.status(), deadlineClass,
                deadlines.firstReplyDue(problem.createdAt(), deadlineClass),
                deadlines.resolutionDue(problem.createdAt(), deadlineClass));
        return cases.reclassify(connection, change)
                .call(updated -> cases.event(connection, problem.id(), caller.actor(), "triage", problem.status(),
                        updated.status(), detail));
    }
}
