package ru.tsur.pulse.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.calendar.WorkingCalendar;
import ru.tsur.pulse.cases.CaseRepository;
import ru.tsur.pulse.cases.CaseScope;
import ru.tsur.pulse.cases.DeadlineAssessment;
import ru.tsur.pulse.cases.ProblemCase;
import ru.tsur.pulse.cases.ScorecardFigures;
import ru.tsur.pulse.domain.Region;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the executor's pages show: the inbox (its open cases by time left, and its scorecard) and one
 * case of its own. The caller's executor claim is the only scope: a case of another executor is absent, as
 * if it did not exist, and an executor whose token names no executor has an empty inbox.
 */
@ApplicationScoped
public class Inbox {

    /** The inbox page's data. */
    public record Contents(List<InboxList.Row> rows, List<ScoreLine> scores, String at) {
    }

    private final CaseRepository repository;
    private final ScorecardFigures figures;
    private final WorkingCalendar calendar;
    private final InboxList list;
    private final Clock clock;

    public Inbox(CaseRepository repository, ScorecardFigures figures, WorkingCalendar calendar,
                 DeadlineAssessment assessment, Region region, Clock clock) {
        this.repository = repository;
        this.figures = figures;
        this.calendar = calendar;
        this.clock = clock;
        this.list = new InboxList(calendar, assessment, new InboxList.Names(
                region.municipalityNames(),
                region.categoryNames()));
    }

    /** The executors whose cases the caller acts on (none for a token without the claim). */
    static Set<String> executors(Caller caller) {
        return caller.executorScope().orElse(caller.executors());
    }

    public Uni<Contents> contents(Caller caller) {
        Instant now = clock.instant();
        Set<String> own = executors(caller);
        Uni<List<ProblemCase>> cases = own.isEmpty() ? Uni.createFrom().item(List.of()) : repository.openOf(own);
        return cases.chain(open -> figures.rows("executor", source -> true, now)
                .map(ranking -> new Contents(list.rows(open, now), ScoreLine.of(ranking, own),
                        InboxWords.time(now, calendar.zone()))));
    }

    /** The case as its page shows it, when it is one of the caller's own. */
    public Uni<Optional<CaseSheet>> sheet(long caseId, Caller caller) {
        CaseScope scope = new CaseScope(executors(caller), null);
        return repository.find(caseId).chain(found -> {
            Optional<ProblemCase> own = found.filter(scope::includes);
            if (own.isEmpty()) {
                return Uni.createFrom().item(Optional.<CaseSheet>empty());
            }
            return repository.messages(caseId).chain(messages -> repository.events(caseId).map(events ->
                    Optional.of(CaseSheet.of(own.get(), messages, events, list, calendar.zone(), clock.instant()))));
        });
    }
}
