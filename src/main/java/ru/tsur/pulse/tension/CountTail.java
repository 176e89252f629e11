package ru.tsur.pulse.tension;

/**
 * Upper-tail probabilities of counts: {@code P(X >= observed)} for a negative-binomial count with a given
 * mean and size (dispersion) parameter, the Poisson count being the limit of infinite size. Complaint counts
 * are over-dispersed (one resident files three messages, a bad day has several reporters of one problem,
 * the baseline itself is uncertain), so the detector uses the negative binomial with variance
 * {@code mean + mean²/size}: for sparse series it is practically Poisson, for busy region-wide series it
 * stops a 10% wobble from looking like a miracle. Exact sums of the probability mass, no normal
 * approximation, because most series have expected counts far below 1 where approximations fail. Also
 * draws Poisson counts, for synthetic messages (the demo feed, injected spikes).
 */
public final class CountTail {

    /** Size parameter that stands for "no over-dispersion" (the Poisson limit). */
    public static final double POISSON = Double.POSITIVE_INFINITY;

    private static final double RELATIVE_PRECISION = 1e-12;
    private static final int MAX_TERMS = 100_000;

    private CountTail() {
    }

    /** {@code P(X >= observed)} for a Poisson count with the given mean. */
    public static double poisson(long observed, double mean) {
        return negativeBinomial(observed, mean, POISSON);
    }

    /**
     * {@code P(X >= observed)} for a negative-binomial count with the given mean and size {@code size > 0}
     * ({@link #POISSON} for the Poisson limit). A mean of 0 makes any positive count impossible (0).
     */
    public static double negativeBinomial(long observed, double mean, double size) {
        if (observed <= 0) {
            return 1.0;
        }
        if (mean <= 0) {
            return 0.0;
        }
        boolean poisson = Double.isInfinite(size);
        if (observed <= mean) {
            // The tail is large: one minus the (short) lower sum loses nothing.
            double lower = 0;
            double term = Math.exp(logMass(0, mean, size, poisson));
            for (long count = 0; count < observed; count++) {
                lower += term;
                term *= ratio(count, mean, size, poisson);
            }
            return Math.max(0.0, Math.min(1.0, 1.0 - lower));
        }
        // The tail is small: sum it directly from its first term, which avoids cancellation.
        double term = Math.exp(logMass(observed, mean, size, poisson));
        double sum = 0;
        for (long count = observed, steps = 0; steps < MAX_TERMS; count++, steps++) {
            sum += term;
            double next = ratio(count, mean, size, poisson);
            term *= next;
            if (next < 1 && term < sum * RELATIVE_PRECISION) {
                break;
            }
        }
        return Math.min(1.0, sum);
    }

    /**
     * {@code P(X = count)} for a negative-binomial count with the given mean and size ({@link #POISSON} for
     * Poisson), from the log mass, so it holds for large means too (the week-ahead forecast's intervals).
     */
    public static double mass(long count, double mean, double size) {
        if (count < 0) {
            return 0.0;
        }
        if (mean <= 0) {
            return count == 0 ? 1.0 : 0.0;
        }
        return Math.exp(logMass(count, mean, size, Double.isInfinite(size)));
    }

    /** {@code P(X = count + 1) / P(X = count)}. */
    private static double ratio(long count, double mean, double size, boolean poisson) {
        if (poisson) {
            return mean / (count + 1);
        }
        return (count + size) / (count + 1) * (mean / (mean + size));
    }

    private static double logMass(long count, double mean, double size, boolean poisson) {
        if (poisson) {
            return -mean + count * Math.log(mean) - logGamma(count + 1.0);
        }
        double logP = Math.log(size / (size + mean));
        double logOneMinusP = Math.log(mean / (size + mean));
        return logGamma(count + size) - logGamma(size) - logGamma(count + 1.0) + size * logP + count * logOneMinusP;
    }

    /** Above this mean a Poisson count is drawn from its normal approximation (Knuth's product underflows). */
    private static final double NORMAL_ABOVE = 100;

    /**
     * A Poisson-distributed count with the given mean: Knuth's product of uniforms up to a mean of 100, the
     * normal approximation (mean, √mean), rounded, above it — within a fraction of a percent in every quantile
     * there, and Knuth's loop would take as many steps as the mean.
     */
    public static int samplePoisson(double mean, java.util.random.RandomGenerator random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > NORMAL_ABOVE) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** Natural logarithm of the gamma function for {@code x > 0} (Lanczos, g = 7, 9 terms; ~15 digits). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] coefficients = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        double shifted = x - 1;
        double series = coefficients[0];
        for (int index = 1; index < coefficients.length; index++) {
            series += coefficients[index] / (shifted + index);
        }
        double t = shifted + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
    }
}
