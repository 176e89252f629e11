package ru.tsur.pulse.prevention.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The executors whose resolutions come back, ranked with the scorecards' small-number correction. */
class ExecutorReturnsTest {

    @Test
    void oneUnluckyCaseOfTwoRanksBelowEightOfTwentyAndTheShrunkSharesAreExact() {
        // 40 resolved, 9 came back: p = 0.225, w = 10.
        // A: (1 + 2.25)/(2 + 10) = 0.270833; B: (8 + 2.25)/(20 + 10) = 0.341667; C: 2.25/28 = 0.080357.
        List<ExecutorReturns.Tally> tallies = List.of(new ExecutorReturns.Tally("А", 2, 1, 0, 1),
                new ExecutorReturns.Tally("Б", 20, 5, 4, 8), new ExecutorReturns.Tally("В", 18, 0, 0, 0));
        ExecutorReturnsSection section = ExecutorReturns.section(tallies, 10, 10);
        assertThat(section.resolved()).isEqualTo(40);
        assertThat(section.returned()).isEqualTo(9);
        assertThat(section.share()).isEqualTo(0.225);
        assertThat(section.executors()).isEqualTo(3);
        assertThat(section.lines()).extracting(line -> line.rank() + " " + line.executor() + " " + line.resolved() + " "
                        + line.reopened() + " " + line.cameBack() + " " + line.returned() + " "
                        + ReportCsv.number(line.share()) + " " + ReportCsv.number(line.adjustedShare()))
                .containsExactly("1 Б 20 5 4 8 0.4000 0.3417", "2 А 2 1 0 1 0.5000 0.2708", "3 В 18 0 0 0 0.0000 0.0804");
    }

    @Test
    void tiesGoToMoreReturnsThenMoreResolvedThenTheNameAndTheLimitCuts() {
        // Everyone at the overall share 0.5: equal adjusted shares.
        List<ExecutorReturns.Tally> tallies = List.of(new ExecutorReturns.Tally("Я", 2, 1, 0, 1),
                new ExecutorReturns.Tally("Б", 4, 2, 0, 2), new ExecutorReturns.Tally("А", 2, 0, 1, 1),
                new ExecutorReturns.Tally("Г", 4, 0, 2, 2));
        ExecutorReturnsSection section = ExecutorReturns.section(tallies, 10, 3);
        assertThat(section.lines()).extracting(ExecutorReturnsSection.Line::executor).containsExactly("Б", "Г", "А");
        assertThat(section.executors()).isEqualTo(4);
        assertThat(ExecutorReturns.section(List.of(), 10, 10).lines()).isEmpty();
    }
}
