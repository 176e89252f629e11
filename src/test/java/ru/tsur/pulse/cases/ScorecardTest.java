package ru.tsur.pulse.cases;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScorecardTest {

    @Test
    void threeLuckyCasesDoNotTopAnExecutorWithAHundred() {
        List<Scorecard.Outcome> outcomes = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            outcomes.add(new Scorecard.Outcome("Малый", 1.0, true, false, false, false));
        }
        for (int index = 0; index < 100; index++) {
            outcomes.add(new Scorecard.Outcome("Большой", 2.0 + index % 3, index < 92, index < 5, index < 10, index < 2));
        }
        List<Scorecard.Row> rows = Scorecard.rank(outcomes, 10);
        assertThat(rows).extracting(Scorecard.Row::key).containsExactly("Большой", "Малый");
        Scorecard.Row big = rows.get(0);
        assertThat(big.cases()).isEqualTo(100);
        assertThat(big.onTimeShare()).isEqualTo(0.92);
        assertThat(big.onTimeLowerBound()).isCloseTo(0.850, within(0.002));
        assertThat(big.medianFirstReplyHours()).isEqualTo(3.0);
        assertThat(big.reopenShare()).isEqualTo(0.05);
        assertThat(big.flaggedAnswers()).isEqualTo(2);
        Scorecard.Row small = rows.get(1);
        assertThat(small.onTimeShare()).isEqualTo(1.0);
        assertThat(small.onTimeLowerBound()).isCloseTo(0.439, within(0.002));
        assertThat(small.onTimeUpperBound()).isEqualTo(1.0);
        assertThat(big.onTimeUpperBound()).isCloseTo(0.959, within(0.002));
        // Prior: 10 repeats in 103 cases; 0 of 3 pulled towards it with the weight of 10 cases.
        assertThat(small.repeatShareAdjusted()).isCloseTo((0 + 10 * (10 / 103.0)) / 13, within(1e-9));
    }

    @Test
    void theWorstAreThoseBadEvenOnTheMostFavourableReading() {
        List<Scorecard.Outcome> outcomes = new ArrayList<>();
        outcomes.add(new Scorecard.Outcome("Один промах", null, false, false, false, false));
        for (int index = 0; index < 50; index++) {
            outcomes.add(new Scorecard.Outcome("Систематически поздно", 30.0, index < 5, false, false, false));
        }
        assertThat(Scorecard.worstFirst(Scorecard.rank(outcomes, 10))).extracting(Scorecard.Row::key)
                .containsExactly("Систематически поздно", "Один промах");
    }

    @Test
    void unjudgedCasesCountButDoNotScore() {
        List<Scorecard.Row> rows = Scorecard.rank(List.of(new Scorecard.Outcome("Новый", null, null, false, false, false)), 10);
        assertThat(rows.get(0).judged()).isZero();
        assertThat(rows.get(0).onTimeLowerBound()).isZero();
        assertThat(rows.get(0).medianFirstReplyHours()).isNull();
    }
}
