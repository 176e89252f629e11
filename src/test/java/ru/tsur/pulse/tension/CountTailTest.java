package ru.tsur.pulse.tension;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/** Tail probabilities against closed forms and reference values (SciPy 1.17 {@code poisson.sf}, {@code nbinom.sf}). */
class CountTailTest {

    @Test
    void poissonTailMatchesClosedFormsAndReferenceValues() {
        assertThat(CountTail.poisson(1, 0.3)).isCloseTo(1 - Math.exp(-0.3), within(1e-12));
        assertThat(CountTail.poisson(5, 1.0)).isCloseTo(0.003659846827343713, withinPercentage(1e-9));
        assertThat(CountTail.poisson(3, 5.0)).isCloseTo(0.8753479805169189, withinPercentage(1e-9));
        // Far tails are summed directly, not as 1 - (almost 1): no cancellation.
        assertThat(CountTail.poisson(20, 1.0)).isCloseTo(1.5875276010732616e-19, withinPercentage(1e-7));
        assertThat(CountTail.poisson(30, 4.0)).isCloseTo(9.134135636972122e-17, withinPercentage(1e-7));
    }

    @Test
    void negativeBinomialTailMatchesTheGeometricCaseAndReferenceValues() {
        // Size 1 is the geometric distribution: P(X >= k) = (mean / (1 + mean))^k.
        assertThat(CountTail.negativeBinomial(7, 2.5, 1.0)).isCloseTo(Math.pow(2.5 / 3.5, 7), withinPercentage(1e-9));
        assertThat(CountTail.negativeBinomial(10, 3.0, 2.0)).isCloseTo(0.03023308799999999, withinPercentage(1e-9));
        assertThat(CountTail.negativeBinomial(3, 3.0, 2.0)).isCloseTo(0.47520000000000007, withinPercentage(1e-9));
        assertThat(CountTail.negativeBinomial(50, 2.0, 0.5)).isCloseTo(2.450173413503802e-06, withinPercentage(1e-7));
    }

    @Test
    void overDispersionMakesTheSameExcessLessSurprising() {
        double poisson = CountTail.poisson(12, 4.0);
        assertThat(CountTail.negativeBinomial(12, 4.0, 8.0)).isGreaterThan(poisson);
        assertThat(CountTail.negativeBinomial(12, 4.0, 2.0)).isGreaterThan(CountTail.negativeBinomial(12, 4.0, 8.0));
        assertThat(CountTail.negativeBinomial(12, 4.0, 1e9)).isCloseTo(poisson, withinPercentage(1e-2));
    }

    @Test
    void edgeCasesAreCertainOrImpossible() {
        assertThat(CountTail.poisson(0, 3.0)).isEqualTo(1.0);
        assertThat(CountTail.poisson(1, 0.0)).isEqualTo(0.0);
        assertThat(CountTail.negativeBinomial(0, 0.0, 2.0)).isEqualTo(1.0);
    }

    @Test
    void logGammaMatchesFactorials() {
        assertThat(CountTail.logGamma(5.0)).isCloseTo(Math.log(24), within(1e-12));
        assertThat(CountTail.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
        assertThat(CountTail.logGamma(101.0)).isCloseTo(363.73937555556347, within(1e-9));
    }
}
