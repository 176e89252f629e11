package ru.tsur.pulse.tension;

import java.util.Arrays;

/**
 * Benjamini–Hochberg adjusted p-values for a family of tests run at once (every series at every
 * evaluation). Chosen over a Bonferroni alpha because a city-wide event makes many series truly
 * elevated at the same time, and BH then lets the weaker districts through while still bounding the
 * expected share of false alarms among the alerts; on a quiet hour (no true signal) it is as strict as
 * Bonferroni. Series not tested count in the family with p = 1, so the family is always every series.
 */
public final class FalseDiscovery {

    private FalseDiscovery() {
    }

    /**
     * Adjusted p-values of {@code pValues} (same order) in a family of {@code familySize} tests, where the
     * tests not listed have p = 1. {@code familySize} is at least the number of values given.
     */
    public static double[] adjust(double[] pValues, int familySize) {
        int count = pValues.length;
        int family = Math.max(familySize, count);
        Integer[] order = new Integer[count];
        for (int index = 0; index < count; index++) {
            order[index] = index;
        }
        Arrays.sort(order, (left, right) -> Double.compare(pValues[left], pValues[right]));
        double[] adjusted = new double[count];
        double running = 1.0;
        for (int rank = count; rank >= 1; rank--) {
            int index = order[rank - 1];
            running = Math.min(running, pValues[index] * family / rank);
            adjusted[index] = Math.min(1.0, running);
        }
        return adjusted;
    }
}
