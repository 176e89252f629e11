package ru.tsur.pulse.prevention.forecast;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.tension.CountTail;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The count interval on cases worked out by hand (Poisson masses e^−m m^k / k!), and on simulated
 * negative-binomial counts (a gamma-distributed mean, then a Poisson count), where the share of draws inside the
 * interval must match the probability it claims, near 80% once the mean is large enough for whole numbers not to
 * matter.
 */
class CountIntervalTest {

    private static double poissonMass(int count, double mean) {
        double mass = Math.exp(-mean);
        for (int k = 1; k <= count; k++) {
            mass *= mean / k;
        }
        return mass;
    }

    @Test
    void aSparseCountGetsTheIntervalWhoseProbabilityIsNearestTheTarget() {
        // mean 0.2: {0} holds e^-0.2 = 0.819, {0, 1} 0.982; 0.819 is nearer 0.8
        CountInterval.Bounds fifth = CountInterval.nearest(0.2, CountTail.POISSON, 0.8);
        assertThat(fifth.low()).isZero();
        assertThat(fifth.high()).isZero();
        assertThat(fifth.probability()).isCloseTo(poissonMass(0, 0.2), within(1e-12));
        // mean 0.5: {0} holds 0.607, {0, 1} 0.910; 0.910 is nearer (0.110 against 0.193)
        CountInterval.Bounds half = CountInterval.nearest(0.5, CountTail.POISSON, 0.8);
        assertThat(half.low()).isZero();
        assertThat(half.high()).isEqualTo(1);
        assertThat(half.probability()).isCloseTo(poissonMass(0, 0.5) + poissonMass(1, 0.5), within(1e-12));
        assertThat(CountInterval.nearest(0, CountTail.POISSON, 0.8)).isEqualTo(new CountInterval.Bounds(0, 0, 1.0));
    }

    @Test
    void aPoissonCountOfTenGetsTheShortestIntervalAroundItsMode() {
        // From the mode 10, adding the more probable neighbour each time: 10, 9, 11, 8, 12, 7, 13, 6 holds
        // 0.797; adding 14 (0.052) would overshoot to 0.849, farther from 0.8.
        CountInterval.Bounds bounds = CountInterval.nearest(10, CountTail.POISSON, 0.8);
        double sum = 0;
        for (int count = 6; count <= 13; count++) {
            sum += poissonMass(count, 10);
        }
        assertThat(bounds.low()).isEqualTo(6);
        assertThat(bounds.high()).isEqualTo(13);
        assertThat(bounds.probability()).isCloseTo(sum, within(1e-9)).isCloseTo(0.7974, within(1e-4));
        assertThat(bounds.contains(6)).isTrue();
        assertThat(bounds.contains(14)).isFalse();
    }

    @Test
    void medianAndSizeFollowTheirDefinitions() {
        // Poisson(10): P(X <= 9) = 0.458, P(X <= 10) = 0.583
        assertThat(CountInterval.quantile(10, CountTail.POISSON, 0.5)).isEqualTo(10);
        assertThat(CountInterval.quantile(0.5, CountTail.POISSON, 0.5)).isZero();
        // variance 1.5 m + 0.25 m² at m = 20 is 130 = m + m²/size, so size = 400 / 110
        assertThat(CountInterval.sizeFor(20, 1.5, 0.25)).isCloseTo(400.0 / 110, within(1e-12));
        assertThat(CountInterval.sizeFor(20, 1.0, 0.0)).isEqualTo(CountTail.POISSON);
        assertThatThrownBy(() -> CountInterval.nearest(1, CountTail.POISSON, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void simulatedNegativeBinomialCountsFallInsideAsOftenAsTheIntervalClaims() {
        SplittableRandom random = new SplittableRandom(17);
        int draws = 20_000;
        for (double[] meanAndSize : new double[][]{{5, 10}, {20, 4}, {60, 8}, {300, 20}}) {
            double mean = meanAndSize[0];
            double size = meanAndSize[1];
            CountInterval.Bounds bounds = CountInterval.nearest(mean, size, 0.8);
            int inside = 0;
            for (int draw = 0; draw < draws; draw++) {
                inside += bounds.contains(negativeBinomial(mean, size, random)) ? 1 : 0;
            }
            // 3 standard errors of a share of 0.8 over 20 000 draws
            assertThat((double) inside / draws).as("mean %s size %s", mean, size)
                    .isCloseTo(bounds.probability(), within(0.009));
            assertThat(bounds.probability()).isCloseTo(0.8, within(0.03));
        }
    }

    /** A negative-binomial count: Poisson with a gamma(size, mean/size) mean. */
    static long negativeBinomial(double mean, double size, SplittableRandom random) {
        return CountTail.samplePoisson(gamma(size, random) * mean / size, random);
    }

    /** A gamma(shape, 1) variate (Marsaglia and Tsang; shape below 1 boosted by U^(1/shape)). */
    static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
