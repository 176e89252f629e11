package ru.tsur.pulse.tension;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Benjamini–Hochberg adjusted p-values worked out by hand. */
class FalseDiscoveryTest {

    @Test
    void adjustsInRankOrderAndKeepsTheInputOrder() {
        // Sorted 0.005, 0.01, 0.03, 0.04 → ×4/1, ×4/2, ×4/3, ×4/4 = 0.02, 0.02, 0.04, 0.04 (already monotone).
        double[] adjusted = FalseDiscovery.adjust(new double[]{0.01, 0.04, 0.03, 0.005}, 4);
        assertThat(adjusted).containsExactly(new double[]{0.02, 0.04, 0.04, 0.02}, within(1e-12));
    }

    @Test
    void untestedSeriesEnlargeTheFamily() {
        // A family of 10 where only 4 were tested: ×10/1, ×10/2, ×10/3, ×10/4 = 0.05, 0.05, 0.1, 0.1.
        double[] adjusted = FalseDiscovery.adjust(new double[]{0.01, 0.04, 0.03, 0.005}, 10);
        assertThat(adjusted).containsExactly(new double[]{0.05, 0.1, 0.1, 0.05}, within(1e-12));
    }

    @Test
    void aLaterSmallerRatioPullsEarlierOnesDown() {
        // Sorted 0.02, 0.021 → 0.04, 0.021: the first becomes min(0.04, 0.021) = 0.021 (step-up).
        double[] adjusted = FalseDiscovery.adjust(new double[]{0.021, 0.02}, 2);
        assertThat(adjusted).containsExactly(new double[]{0.021, 0.021}, within(1e-12));
    }

    @Test
    void adjustedValuesNeverExceedOne() {
        assertThat(FalseDiscovery.adjust(new double[]{0.6, 0.9}, 1700)).containsExactly(1.0, 1.0);
    }
}
