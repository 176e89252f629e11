package ru.tsur.pulse.tools.prevention;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Precision at k and average precision on rankings small enough to work out by hand, ties included (their
 * expected values over every order of the tie, checked against listing the orders).
 */
class RankingQualityTest {

    private static List<RankingQuality.Scored> ranking(double[] scores, boolean... positive) {
        List<RankingQuality.Scored> list = new ArrayList<>();
        for (int index = 0; index < scores.length; index++) {
            list.add(new RankingQuality.Scored(scores[index], positive[index]));
        }
        return list;
    }

    @Test
    void withoutTiesTheFiguresAreTheTextbookOnes() {
        // + − + − −: precision at 2 = 1/2; AP = (1/1 + 2/3) / 2 = 5/6
        List<RankingQuality.Scored> ranking = ranking(new double[]{5, 4, 3, 2, 1}, true, false, true, false, false);
        RankingQuality.Figures figures = RankingQuality.of(ranking, 2);
        assertThat(figures.precisionAtK()).isCloseTo(0.5, within(1e-12));
        assertThat(figures.averagePrecision()).isCloseTo(5 / 6.0, within(1e-12));
        assertThat(figures.candidates()).isEqualTo(5);
        assertThat(figures.positives()).isEqualTo(2);
        // k beyond the candidates: over all of them
        assertThat(RankingQuality.of(ranking, 10).precisionAtK()).isCloseTo(0.4, within(1e-12));
        // the order of the input does not matter, the scores do
        List<RankingQuality.Scored> reversed = new ArrayList<>(ranking);
        Collections.reverse(reversed);
        assertThat(RankingQuality.of(reversed, 2)).isEqualTo(figures);
    }

    @Test
    void aTieCountsAsTheMeanOverItsOrders() {
        // Four tied, two positive: the six placements of the positives give AP 1, 5/6, 3/4, 7/12, 1/2, 5/12 → 49/72.
        List<RankingQuality.Scored> tied = ranking(new double[]{1, 1, 1, 1}, true, false, true, false);
        assertThat(RankingQuality.of(tied, 1).averagePrecision()).isCloseTo(49 / 72.0, within(1e-12));
        assertThat(RankingQuality.of(tied, 1).precisionAtK()).isCloseTo(0.5, within(1e-12));
        assertThat(RankingQuality.of(tied, 3).precisionAtK()).isCloseTo(0.5, within(1e-12));

        // 3 (−), then 2 and 2 (one +, one −), then 1 (+): orders − + − + (AP 1/2) and − − + + (AP 5/12) → 11/24;
        // at 2 the tie straddles the cut: half a positive in the second place → 1/4.
        List<RankingQuality.Scored> straddling = ranking(new double[]{3, 2, 2, 1}, false, true, false, true);
        assertThat(RankingQuality.of(straddling, 2).averagePrecision()).isCloseTo(11 / 24.0, within(1e-12));
        assertThat(RankingQuality.of(straddling, 2).precisionAtK()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void noPositivesIsZeroAndKMustBePositive() {
        assertThat(RankingQuality.of(ranking(new double[]{2, 1}, false, false), 1))
                .isEqualTo(new RankingQuality.Figures(0, 0, 2, 0));
        assertThat(RankingQuality.of(List.of(), 5)).isEqualTo(new RankingQuality.Figures(0, 0, 0, 0));
        assertThatThrownBy(() -> RankingQuality.of(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
