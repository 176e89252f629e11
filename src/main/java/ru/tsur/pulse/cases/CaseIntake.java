package ru.tsur.pulse.cases;

import ru.tsur.pulse.problems.Outages;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import ru.tsur.pulse.domain.StoredMessage;
import ru.tsur.pulse.pipeline.Channels;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives every stored message a case (history loaded by scripts/import-history.sh, {@code imported}, is no work
 * for anyone now and gets none). The truth of what is still to do is PostgreSQL itself — messages
 * whose {@code case_id} is NULL — so the intake is replayable: a stored message only wakes it, and a timer
 * wakes it too (after a restart, or when a batch failed). Each round claims a batch of such messages
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work) and, in one transaction, joins each to an
 * open case of the same problem, opens a repeat case linked to a recently resolved one, or opens a new
 * case with its deadlines; the cases touched are then evaluated by the deadline watcher.
 */
@ApplicationScoped
public class CaseIntake {

    private static final Logger LOG = Logger.getLogger(CaseIntake.class);

    private final Outages outages;
    private final CaseRepository repository;
    private final DuplicateMatcher duplicates;
    private final DeadlinePolicy policy;
    private final DeadlineWatcher watcher;
    private final CaseMetrics metrics;
    private final CasesConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();

    public CaseIntake(CaseRepository repository, DuplicateMatcher duplicates, DeadlinePolicy policy,
                      DeadlineWatcher watcher, CaseMetrics metrics, CasesConfig config, Vertx vertx, Outages outages) {
        this.outages = outages;
        this.repository = repository;
        this.duplicates = duplicates;
        this.policy = policy;
        this.watcher = watcher;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
    }

    /** The safety net: a round every interval even when no message woke the intake (one was left by a failure). */
    @Scheduled(every = "${pulse.cases.intake-interval}")
    void scheduledRound() {
        wake();
    }

    /** A message was stored: run a round soon (never blocks the pipeline; the work is in PostgreSQL). */
    @Incoming(Channels.MESSAGES_STORED)
    public void onStored(StoredMessage stored) {
        wake();
    }

    void wake() {
        if (!running.compareAndSet(false, true)) {
            wokenWhileRunning.set(true);
            return;
        }
        wokenWhileRunning.set(false);
        round().subscribe().with(assigned -> {
            running.set(false);
            if (assigned >= config.intakeBatchSize() || wokenWhileRunning.get()) {
                vertx.runOnContext(this::wake);
            }
        }, failure -> {
            running.set(false);
            if (!outages.absorb(failure)) {
                LOG.warnf("Case intake round failed (messages stay without a case until the next round): %s", failure.toString());
            }
        });
    }

    /** One batch: messages without a case get one; returns how many were handled. */
    Uni<Integer> round() {
        Set<Long> touched = new LinkedHashSet<>();
        List<Runnable> afterCommit = new ArrayList<>();
        return repository.inTransaction(connection -> repository.claimUncased(connection, config.intakeBatchSize())
                        .chain(messages -> assignAll(connection, messages, touched, afterCommit).replaceWith(messages.size())))
                .invoke(() -> afterCommit.forEach(Runnable::run))
                .call(count -> watcher.evaluate(new ArrayList<>(touched)));
    }

    /** Assigns the batch in order (a message may join a case opened earlier in the same batch). */
    private Uni<Void> assignAll(SqlConnection connection, List<CaseRepository.UncasedMessage> messages, Set<Long> touched,
                                List<Runnable> afterCommit) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CaseRepository.UncasedMessage message : messages) {
            chain = chain.chain(() -> assign(connection, message, afterCommit).invoke(touched::add).replaceWithVoid());
        }
        return chain;
    }

    private Uni<Long> assign(SqlConnection connection, CaseRepository.UncasedMessage message, List<Runnable> afterCommit) {
        return repository.candidates(connection, message, config.duplicatePeriod(), config.repeatPeriod())
                .chain(candidates -> {
                    DuplicateMatcher.Decision decision = duplicates.decide(new DuplicateMatcher.Probe(message.createdAt(),
                            message.lat(), message.lon(), message.displayText()), candidates);
                    return switch (decision.outcome()) {
                        case JOIN -> repository.join(connection, decision.caseId(), message).replaceWith(decision.caseId());
                        case REPEAT -> open(connection, message, decision.caseId(), afterCommit)
                                .call(id -> repository.markCameBack(connection, decision.caseId(), id)
                                        .invoke(() -> afterCommit.add(() -> metrics.answerFlagged(AnswerQuality.CAME_BACK))));
                        case NEW -> open(connection, message, null, afterCommit);
                    };
                });
    }

    /** Opens a case; what it counts is counted once the transaction commits ({@code afterCommit}). */
    private Uni<Long> open(SqlConnection connection, CaseRepository.UncasedMessage message, Long repeatOf,
                           List<Runnable> afterCommit) {
        String detail = "message " + message.id() + (repeatOf == null ? "" : ", repeat of case " + repeatOf);
        return open(connection, message, repeatOf, "intake", detail, afterCommit);
    }

    /**
     * Opens a case for one message as the intake does — its municipality, category, topic, place and text, its
     * deadlines from its own time and class, assigned when the message was routed to an executor — with the
     * events {@code opened} (by {@code actor}, with {@code detail}) and {@code assigned} (by routing). Used by
     * the intake and by a split ({@link CaseService#split}); the message's {@code case_id} is set to it.
     */
    Uni<Long> open(SqlConnection connection, CaseRepository.UncasedMessage message, Long repeatOf, String actor,
                   String detail, List<Runnable> afterCommit) {
        String deadlineClass = message.deadlineClass() == null ? "standard" : message.deadlineClass();
        boolean routed = message.executor() != null && !message.executor().isBlank();
        CaseRepository.NewCase fresh = new CaseRepository.NewCase(
                routed ? CaseStatus.ASSIGNED.id() : CaseStatus.NEW.id(), message,
                policy.firstReplyDue(message.createdAt(), deadlineClass),
                policy.resolutionDue(message.createdAt(), deadlineClass), repeatOf);
        return repository.insert(connection, fresh).call(id -> {
            Uni<Void> opened = repository.event(connection, id, actor, "opened", null, CaseStatus.NEW.id(), detail)
                    .invoke(() -> afterCommit.add(() -> metrics.transition(CaseStatus.NEW.id())));
            return routed ? opened.chain(() -> repository.event(connection, id, "routing", "assigned", CaseStatus.NEW.id(),
                    CaseStatus.ASSIGNED.id(), message.executor()).invoke(() -> afterCommit.add(() -> metrics.transition(CaseStatus.ASSIGNED.id()))))
                    : opened;
        });
    }
}
