package ru.tsur.pulse.prevention.report;

import ru.tsur.pulse.cases.Scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Executors whose resolutions come back most. A resolution <em>comes back</em> when the case resolved in the
 * period was reopened (the resident did not accept the fix) or came back (the intake opened a repeat of it:
 * a new message of the same topic at the same place within the repeat period after the resolution, flag
 * {@code came_back}) — the two flags the service already sets on a case, each case counted once. Why the
 * case's flags and not the chronic-places register's returns after a resolution: a case names the executor
 * who resolved it, while a place's return follows messages of several executors and cannot be laid at one
 * door; and the flags are the ones the scorecards and the repeat rate already rest on.
 *
 * <p>Ranked by the share that came back shrunk towards the share of all executors of the report with a prior
 * worth {@code priorWeight} cases — the scorecards' {@code (k + w·p) / (n + w)} ({@link Scorecard#shrink}),
 * so one executor's single unlucky case does not top the list: 1 of 2 (50%) ranks below 8 of 20 (40%) when
 * the overall share is 22.5% and w = 10 (27.1% against 34.2%). Ties: more returns, more resolved, name.
 */
public final class ExecutorReturns {

    /** One executor's resolutions of the period: how many, how many were reopened, came back, and either. */
    public record Tally(String executor, long resolved, long reopened, long cameBack, long returned) {
    }

    private ExecutorReturns() {
    }

    /** The ranked section; executors with no resolution in the period are not in {@code tallies}. */
    public static ExecutorReturnsSection section(List<Tally> tallies, double priorWeight, int limit) {
        long resolved = 0;
        long returned = 0;
        for (Tally tally : tallies) {
            resolved += tally.resolved();
            returned += tally.returned();
        }
        double prior = resolved == 0 ? 0 : (double) returned / resolved;
        List<ExecutorReturnsSection.Line> lines = new ArrayList<>(tallies.size());
        for (Tally tally : tallies) {
            lines.add(new ExecutorReturnsSection.Line(0, tally.executor(), tally.resolved(), tally.reopened(),
                    tally.cameBack(), tally.returned(), (double) tally.returned() / tally.resolved(),
                    Scorecard.shrink((int) tally.returned(), (int) tally.resolved(), prior, priorWeight)));
        }
        lines.sort(Comparator.comparingDouble(ExecutorReturnsSection.Line::adjustedShare).reversed()
                .thenComparing(Comparator.comparingLong(ExecutorReturnsSection.Line::returned).reversed())
                .thenComparing(Comparator.comparingLong(ExecutorReturnsSection.Line::resolved).reversed())
                .thenComparing(ExecutorReturnsSection.Line::executor));
        List<ExecutorReturnsSection.Line> ranked = new ArrayList<>();
        for (int index = 0; index < Math.min(limit, lines.size()); index++) {
            ExecutorReturnsSection.Line line = lines.get(index);
            ranked.add(new ExecutorReturnsSection.Line(index + 1, line.executor(), line.resolved(), line.reopened(),
                    line.cameBack(), line.returned(), line.share(), line.adjustedShare()));
        }
        return new ExecutorReturnsSection(resolved, returned, prior, priorWeight, lines.size(), ranked);
    }
}
