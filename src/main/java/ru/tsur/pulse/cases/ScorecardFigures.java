package ru.tsur.pulse.cases;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@link Scorecard} rows of the cases opened within {@code pulse.cases.scorecard-period}, by executor or
 * by municipality: what the scorecards API ranks and what an executor's inbox shows of its own row. A case
 * counts as on time when its first reply came by its first-reply due time; an unanswered case counts as
 * late once that time has passed.
 */
@ApplicationScoped
public class ScorecardFigures {

    private final CaseRepository repository;
    private final DeadlinePolicy policy;
    private final CasesConfig config;

    public ScorecardFigures(CaseRepository repository, DeadlinePolicy policy, CasesConfig config) {
        this.repository = repository;
        this.policy = policy;
        this.config = config;
    }

    /** When the period of the figures at {@code now} starts. */
    public Instant since(Instant now) {
        return now.minus(config.scorecardPeriod());
    }

    /**
     * The ranked rows by {@code executor} or {@code municipality} over the period's cases that {@code counts}
     * (a municipal official's: its municipalities only), best first.
     */
    public Uni<List<Scorecard.Row>> rows(String dimension, Predicate<CaseRepository.ScorecardSource> counts, Instant now) {
        // Working hours and ranks of every case of the period are CPU work: on a worker, not the event loop.
        return repository.scorecardSource(since(now)).emitOn(Infrastructure.getDefaultWorkerPool()).map(sources -> {
            List<Scorecard.Outcome> outcomes = new ArrayList<>(sources.size());
            for (CaseRepository.ScorecardSource source : sources) {
                if (!counts.test(source)) {
                    continue;
                }
                String key = dimension.equals("executor") ? source.executor() : source.municipality();
                outcomes.add(outcome(key == null ? "" : key, source, now));
            }
            return Scorecard.rank(outcomes, config.scorecardPriorWeight());
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
