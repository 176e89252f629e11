package ru.tsur.pulse.prevention.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** MASE, coverage and bias on a hand example of four weekly counts. */
class ForecastAccuracyTest {

    @Test
    void maseIsTheRatioOfTheMeanAbsoluteErrorsAndCoverageTheShareInside() {
        ForecastAccuracy accuracy = new ForecastAccuracy();
        //           actual forecast naive  interval
        accuracy.add(3, 2, 1, 2, 4);     // |3-2| = 1, naive |3-1| = 2, inside
        accuracy.add(0, 1, 0, 0, 2);     // 1, naive 0, inside
        accuracy.add(5, 5, 2, 3, 6);     // 0, naive 3, inside
        accuracy.add(10, 6, 9, 3, 8);    // 4, naive 1, outside
        // MASE = (1 + 1 + 0 + 4) / (2 + 0 + 3 + 1) = 6 / 6
        assertThat(accuracy.mase()).isEqualTo(1.0);
        assertThat(accuracy.naiveMase()).isEqualTo(1.0);
        assertThat(accuracy.coverage()).isEqualTo(0.75);
        assertThat(accuracy.meanAbsoluteError()).isEqualTo(1.5);
        // forecasts sum to 14 against 18 actual
        assertThat(accuracy.bias()).isCloseTo(14.0 / 18 - 1, within(1e-12));
        assertThat(accuracy.scored()).isEqualTo(4);

        ForecastAccuracy better = new ForecastAccuracy();
        better.add(3, 3, 1, 3, 3);       // 0, naive 2
        better.add(1, 0, 0, 0, 0);       // 1, naive 1, outside
        assertThat(better.mase()).isCloseTo(1.0 / 3, within(1e-12));
        better.addAll(accuracy);
        // (6 + 1) / (6 + 3), 4 of 6 inside
        assertThat(better.mase()).isCloseTo(7.0 / 9, within(1e-12));
        assertThat(better.coverage()).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void withoutAnyNaiveErrorMaseIsUndefined() {
        ForecastAccuracy accuracy = new ForecastAccuracy();
        assertThat(accuracy.coverage()).isNaN();
        accuracy.add(2, 1, 2, 0, 3);
        assertThat(accuracy.mase()).isNaN();
        assertThat(accuracy.naiveMase()).isNaN();
        assertThat(accuracy.coverage()).isEqualTo(1.0);
    }
}
