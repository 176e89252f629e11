package ru.tsur.pulse.cases;

import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.audit.AuditEntry;
import ru.tsur.pulse.audit.AuditJson;
import ru.tsur.pulse.audit.AuditRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.problems.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Moves cases through their lifecycle on behalf of executors, operators and residents. Each move runs in
 * one transaction: the case row is locked, the move checked against {@link CaseLifecycle} (an illegal one
 * is a 409), the row updated and the event stored with who did it; answers are checked for quality and
 * kept. After the commit the case's deadline alerts are brought up to date before the call returns.
 * Operators also merge a case into another that is the same problem, and split a message off into a case of
 * its own ({@link CaseMerge} says when they may); both write events on the cases touched and an audit row.
 */
@ApplicationScoped
public class CaseService {

    /** What the caller asks for, with the fields the action needs (others null). */
    public record Move(CaseLifecycle.Action action, String executor, String text, String reason) {
    }

    private final KnownExecutors executors;
    private final AuditRepository audit;
    private final CaseRepository repository;
    private final AnswerQuality quality;
    private final DeadlineWatcher watcher;
    private final CaseMetrics metrics;
    private final CasesConfig config;
    private final CaseIntake intake;

    public CaseService(CaseRepository repository, AnswerQuality quality, DeadlineWatcher watcher, CaseMetrics metrics,
                       CasesConfig config, KnownExecutors executors, AuditRepository audit, CaseIntake intake) {
        this.intake = intake;
        this.executors = executors;
        this.audit = audit;
        this.repository = repository;
        this.quality = quality;
        this.watcher = watcher;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Moves the case on behalf of the caller: a case outside the caller's scope (another executor's) is 404, as
     * if it did not exist; a case is resolved only once answered (or with the answer's text); it is assigned only
     * to an executor the region knows. The move, its event and its audit row commit together.
     */
    public Uni<ProblemCase> move(long caseId, Move move, Caller caller) {
        boolean assigns = move.action() == CaseLifecycle.Action.ASSIGN || move.action() == CaseLifecycle.Action.REASSIGN;
        Uni<Boolean> known = assigns ? executors.knows(move.executor()) : Uni.createFrom().item(true);
        return known.chain(isKnown -> {
            if (!isKnown) {
                return Uni.createFrom().failure(Problem.invalid("executor",
                        "такого исполнителя регион не знает: его нет ни в таблице маршрутизации, ни в переопределениях, "
                                + "ни среди добавленных администратором"));
            }
            return moveKnown(caseId, move, caller);
        });
    }

    private Uni<ProblemCase> moveKnown(long caseId, Move move, Caller caller) {
        CaseScope scope = CaseScope.of(caller);
        return repository.inTransaction(connection -> repository.lock(connection, caseId).chain(found -> {
            ProblemCase current = found.filter(scope::includes)
                    .orElseThrow(() -> Problem.notFound("Нет обращения № " + caseId));
            CaseStatus from = current.statusValue();
            if (move.action() == CaseLifecycle.Action.RESOLVE && from != CaseStatus.ANSWERED && move.text() == null) {
                throw Problem.conflict("Обращение № " + caseId + " ещё без ответа: решить его можно после ответа жителю "
                        + "(или передав текст ответа вместе с решением)");
            }
            CaseStatus to = CaseLifecycle.next(from, move.action()).orElseThrow(() -> Problem.conflict(
                    "Обращение № " + caseId + " в статусе " + from.id() + "; действие "
                            + move.action().name().toLowerCase(Locale.ROOT) + " возможно только в статусах: "
                            + String.join(", ", CaseLifecycle.allowedFrom(move.action()).stream()
                            .map(CaseStatus::id).sorted().toList())));
            boolean answers = move.action() == CaseLifecycle.Action.ANSWER
                    || (move.action() == CaseLifecycle.Action.RESOLVE && move.text() != null);
            Uni<List<String>> flags = answers
                    // Stemming the last boilerplate-window answers is CPU work: on a worker, not the event loop.
                    ? repository.earlierAnswers(connection, config.boilerplateWindow())
                            .emitOn(Infrastructure.getDefaultWorkerPool())
                            .map(earlier -> quality.flags(move.text(), earlier))
                    : Uni.createFrom().nullItem();
            return flags.chain(answerFlags -> {
                boolean replied = move.action() == CaseLifecycle.Action.ANSWER || move.action() == CaseLifecycle.Action.RESOLVE;
                CaseRepository.TransitionWrite write = new CaseRepository.TransitionWrite(caseId, to, move.executor(),
                        replied, move.text(), answerFlags, move.reason());
                Uni<Void> answer = answerFlags == null ? Uni.createFrom().voidItem()
                        : repository.insertAnswer(connection, caseId, current.executor(), move.text(), answerFlags);
                return answer.chain(() -> repository.transition(connection, write))
                        .call(updated -> repository.event(connection, caseId, caller.actor(), move.action().name().toLowerCase(),
                                from.id(), to.id(), detail(move)))
                        .call(updated -> audit.append(connection, new AuditEntry(Actor.of(caller),
                                "case." + move.action().name().toLowerCase(Locale.ROOT), "case:" + caseId,
                                AuditJson.of("status", from.id(), "executor", current.executor()),
                                AuditJson.of("status", to.id(), "executor", updated.executor(), "detail", detail(move)))));
            });
        })).invoke(updated -> {
                    metrics.transition(updated.status());
                    if (move.text() != null && (move.action() == CaseLifecycle.Action.ANSWER || move.action() == CaseLifecycle.Action.RESOLVE)) {
                        updated.answerFlags().stream().filter(flag -> !flag.equals(AnswerQuality.CAME_BACK))
                                .forEach(metrics::answerFlagged);
                    }
                })
                .call(updated -> watcher.evaluate(List.of(updated.id())))
                .chain(updated -> repository.find(updated.id()).map(found -> found.orElse(updated)));
    }

    /**
     * Merges case {@code caseId} into {@code intoId} (the survivor): every message of the merged case moves to the
     * survivor, whose count and newest message follow; the merged case becomes final ({@code merged}, pointing at
     * the survivor). Both rows are locked in id order, so two merges of the same pair in opposite directions
     * cannot deadlock. A case the caller may not see is 404; merging into itself or with a merged case is 409.
     * Returns the merged case.
     */
    public Uni<ProblemCase> merge(long caseId, long intoId, Caller caller) {
        CaseScope scope = CaseScope.of(caller);
        return repository.inTransaction(connection -> repository.lock(connection, Math.min(caseId, intoId))
                .chain(first -> (caseId == intoId ? Uni.createFrom().item(first)
                        : repository.lock(connection, Math.max(caseId, intoId))).map(second -> {
                            ProblemCase low = first.filter(scope::includes).orElse(null);
                            ProblemCase high = second.filter(scope::includes).orElse(null);
                            ProblemCase merged = caseId <= intoId ? low : high;
                            ProblemCase survivor = caseId <= intoId ? high : low;
                            if (merged == null) {
                                throw Problem.notFound("Нет обращения № " + caseId);
                            }
                            if (survivor == null) {
                                throw Problem.notFound("Нет обращения № " + intoId);
                            }
                            CaseMerge.mergeRefusal(merged, survivor).ifPresent(refusal -> {
                                throw Problem.conflict(refusal);
                            });
                            return new ProblemCase[]{merged, survivor};
                        }))
                .chain(pair -> {
                    ProblemCase merged = pair[0];
                    ProblemCase survivor = pair[1];
                    return repository.moveMessages(connection, caseId, intoId)
                            .call(() -> repository.markMerged(connection, caseId, intoId))
                            .call(() -> repository.recount(connection, intoId, false))
                            .call(moved -> repository.event(connection, caseId, caller.actor(), "merge", merged.status(),
                                    CaseStatus.MERGED.id(), "into case " + intoId + ", messages moved: " + moved))
                            .call(moved -> repository.event(connection, intoId, caller.actor(), "merged_in",
                                    survivor.status(), survivor.status(), "case " + caseId + ", messages moved: " + moved))
                            .call(moved -> audit.append(connection, new AuditEntry(Actor.of(caller), "case.merge",
                                    "case:" + caseId,
                                    AuditJson.of("status", merged.status(), "executor", merged.executor()),
                                    AuditJson.of("status", CaseStatus.MERGED.id(), "mergedInto", Long.toString(intoId),
                                            "messagesMoved", Integer.toString(moved)))));
                }))
                .invoke(() -> metrics.transition(CaseStatus.MERGED.id()))
                .call(() -> watcher.evaluate(List.of(caseId, intoId)))
                .chain(() -> repository.find(caseId).map(found -> found.orElseThrow()));
    }

    /**
     * Splits message {@code messageId} off case {@code caseId} into a new case of its own, made as the intake would
     * make it for that message (its place, topic, deadlines from its own time, its own routed executor). The case
     * left behind recounts its messages (and takes its summary from its first remaining message). A case the
     * caller may not see, or a message not in it, is 404; the only message of a case (or a merged case) is 409.
     * Returns the new case.
     */
    public Uni<ProblemCase> split(long caseId, long messageId, Caller caller) {
        CaseScope scope = CaseScope.of(caller);
        List<Runnable> afterCommit = new ArrayList<>();
        return repository.inTransaction(connection -> repository.lock(connection, caseId).chain(found -> {
                    ProblemCase current = found.filter(scope::includes)
                            .orElseThrow(() -> Problem.notFound("Нет обращения № " + caseId));
                    return repository.lockMessage(connection, caseId, messageId).chain(message -> {
                        if (message.isEmpty()) {
                            CaseMerge.splitRefusal(current, 0).filter(refusal -> current.statusValue() == CaseStatus.MERGED)
                                    .ifPresent(refusal -> {
                                        throw Problem.conflict(refusal);
                                    });
                            throw Problem.notFound("В обращении № " + caseId + " нет сообщения № " + messageId);
                        }
                        return repository.countMessages(connection, caseId).chain(count -> {
                            CaseMerge.splitRefusal(current, count).ifPresent(refusal -> {
                                throw Problem.conflict(refusal);
                            });
                            return intake.open(connection, message.get(), null, caller.actor(),
                                            "message " + messageId + ", split from case " + caseId, afterCommit)
                                    .call(() -> repository.recount(connection, caseId, true))
                                    .call(fresh -> repository.event(connection, caseId, caller.actor(), "split",
                                            current.status(), current.status(), "message " + messageId + " to case " + fresh))
                                    .call(fresh -> audit.append(connection, new AuditEntry(Actor.of(caller), "case.split",
                                            "case:" + caseId, AuditJson.of("messages", Long.toString(count)),
                                            AuditJson.of("message", Long.toString(messageId), "newCase", Long.toString(fresh),
                                                    "messages", Long.toString(count - 1)))));
                        });
                    });
                }))
                .invoke(() -> afterCommit.forEach(Runnable::run))
                .call(fresh -> watcher.evaluate(List.of(caseId, fresh)))
                .chain(fresh -> repository.find(fresh).map(found -> found.orElseThrow()));
    }

    private static String detail(Move move) {
        if (move.executor() != null) {
            return move.executor();
        }
        if (move.reason() != null) {
            return move.reason();
        }
        return move.text();
    }
}
