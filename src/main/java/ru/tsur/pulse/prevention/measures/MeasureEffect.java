package ru.tsur.pulse.prevention.measures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Did a measure work? The effect of a measure (a yard repaired, a contractor changed, a rota of inspections)
 * on the messages of its topic, by difference in differences on counts.
 *
 * <p><b>The comparison.</b> The treated unit is the measure's target — a municipality, or one place (a
 * building or a 150 m cell, as the chronic-places register names it) — with the measure's category or topic.
 * Its messages in the {@code weeksBefore} weeks before the measure ({@code Y0}) and in the time after it, up
 * to {@code weeksAfter} weeks ({@code Y1}), are compared with the same windows of <i>control</i> units: units
 * of the same kind (other municipalities, or other places) with the same category or topic that got no
 * measure of their own in the window (the caller names those in {@code excluded}). Whatever moved every unit
 * alike — the season (heating complaints rise in October), a holiday, a campaign that brought more people to
 * the portal — moves the controls too, so the expected count after is the treated unit's before count carried
 * forward at the controls' rate of change: {@code expected = Y0 × C1 / C0}, with {@code C0}, {@code C1} the
 * controls' counts summed. (The exposures — 8 weeks before, the days passed after — are the same for the
 * treated unit and its controls and cancel from this ratio; the after window is as long as has passed, so an
 * effect read at 3 weeks compares 3 weeks with 3 weeks.) The effect is {@code R = Y1 / expected}, shown also
 * as the percent change {@code (R − 1) × 100}: −50% means half the messages the controls' trend predicts.
 *
 * <p><b>Which controls.</b> Difference in differences rests on parallel trends: without the measure the
 * treated unit would have changed as the controls did. That is likelier for units of a similar size — a big
 * district's heating complaints and a village's do not move alike — so the controls are the
 * {@code maximumControls} candidates whose before count is closest to the treated unit's on the log scale
 * (nearest neighbours, ties by unit id), among those with at least one message before (a unit with none has no
 * rate of change). Nearest neighbours rather than a caliper, so a unit of unusual size still gets its closest
 * peers; matching uses only the before counts, never the after ones, which would bias the comparison towards
 * no effect. Several controls rather than one, so that one control's own shock (a burst pipe) is averaged out.
 *
 * <p><b>The interval.</b> Complaints are clustered: one unit's counts vary from one period to the next more
 * than a Poisson count would, and units' trends differ. Poisson alone would make the interval too narrow. On
 * the log scale, {@code log R = log Y1 − log Y0 − (log C1 − log C0)}, and by the delta method its variance is
 * the Poisson part {@code 1/Y1 + 1/Y0 + 1/C1 + 1/C0} plus the unit-to-unit variance of the true change,
 * {@code τ²}, which the treated unit carries once and the pooled controls carry as {@code τ² Σ wᵢ²} with
 * {@code wᵢ = Cᵢ0 / C0} their shares. {@code τ²} is estimated from the controls themselves, the way a
 * random-effects meta-analysis does (DerSimonian–Laird): each control's log change {@code yᵢ = log((Cᵢ1 + ½) /
 * (Cᵢ0 + ½))} has the Poisson variance {@code vᵢ = 1/(Cᵢ1 + ½) + 1/(Cᵢ0 + ½)}; the spread of the {@code yᵢ}
 * beyond those variances, {@code τ² = max(0, (Q − (k − 1)) / (Σ1/vᵢ − Σ(1/vᵢ)²/Σ1/vᵢ))} with Cochran's
 * {@code Q}, is what clustering adds. The interval is {@code exp(log R ± 1.96 √Var)}, a 95% interval. A bootstrap
 * over control units was the alternative; with the 3 to 10 controls one has it is coarser than this and
 * random, where this is closed-form and repeatable. With no message after, {@code Y1} is taken as ½ in the
 * interval (the point estimate stays 0).
 *
 * <p><b>When not to conclude.</b> Less than {@code minimumDaysAfter} days after the measure is <i>too early</i>
 * (a week's count says little about a season's); fewer than {@code minimumControls} controls, or fewer than
 * {@code minimumCount} treated messages before or expected after is <i>too few</i> — below about five the
 * log-ratio's normal approximation fails and any change looks like chance or like a miracle.
 */
public final class MeasureEffect {

    /** z of a two-sided 95% normal interval. */
    static final double Z95 = 1.959963984540054;

    /**
     * How a measure is judged.
     *
     * @param weeksBefore      weeks before the measure (the baseline)
     * @param weeksAfter       at most this many weeks after it
     * @param minimumDaysAfter below this much after-time: too early
     * @param maximumControls  at most this many controls, the nearest in level
     * @param minimumControls  fewer controls with messages before: too few
     * @param minimumCount     fewer treated messages before, or fewer expected after: too few
     */
    public record Settings(int weeksBefore, int weeksAfter, int minimumDaysAfter, int maximumControls,
                           int minimumControls, int minimumCount) {

        /** 8 weeks each side, 14 days at least, 3 to 10 controls, 5 messages. */
        public static Settings defaults() {
            return new Settings(8, 8, 14, 10, 3, 5);
        }
    }

    private final Settings settings;

    public MeasureEffect(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Judges a measure from the weekly counts of every unit of its kind and topic.
     *
     * @param window   the measure's window ({@link MeasureWindow#of}, with this class's weeks)
     * @param treated  the measure's unit
     * @param weekly   per unit, its messages per {@link MeasureWindow#slot slot}; a unit with no messages may
     *                 be missing (the treated one too)
     * @param excluded units that got a measure of their own in the window: never controls
     */
    public EffectEstimate assess(MeasureWindow window, String treated, Map<String, long[]> weekly, Set<String> excluded) {
        int before = window.weeksBefore();
        long[] treatedWeeks = weekly.getOrDefault(treated, new long[window.slots()]);
        long treatedBefore = sum(treatedWeeks, 0, before);
        long treatedAfter = sum(treatedWeeks, before, window.slots());

        double treatedLevel = Math.log(Math.max(treatedBefore, 0.5));
        List<String> controls = weekly.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(treated) && !excluded.contains(entry.getKey()))
                .filter(entry -> sum(entry.getValue(), 0, before) > 0)
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(
                                entry -> distance(sum(entry.getValue(), 0, before), treatedLevel))
                        .thenComparing(Map.Entry::getKey))
                .limit(settings.maximumControls()).map(Map.Entry::getKey).toList();

        long[] controlWeeks = new long[window.slots()];
        for (String control : controls) {
            long[] counts = weekly.get(control);
            for (int slot = 0; slot < controlWeeks.length; slot++) {
                controlWeeks[slot] += counts[slot];
            }
        }
        long controlsBefore = sum(controlWeeks, 0, before);
        long controlsAfter = sum(controlWeeks, before, window.slots());
        List<WeekCount> weeks = new ArrayList<>(window.slots());
        for (int slot = 0; slot < window.slots(); slot++) {
            weeks.add(new WeekCount(slot - before, window.slotStart(slot), window.slotDays(slot), treatedWeeks[slot],
                    controlWeeks[slot]));
        }
        Double expected = controlsBefore == 0 ? null : treatedBefore * (double) controlsAfter / controlsBefore;

        Verdict early = window.daysAfter() < settings.minimumDaysAfter() ? Verdict.TOO_EARLY
                : controls.size() < settings.minimumControls() || treatedBefore < settings.minimumCount()
                  || expected == null || expected < settings.minimumCount() ? Verdict.TOO_FEW : null;
        if (early != null) {
            return new EffectEstimate(early, window, treatedBefore, treatedAfter, controls, controlsBefore,
                    controlsAfter, expected, null, null, null, null, 0.95, null, weeks);
        }

        double tau2 = betweenUnitVariance(controls.stream().map(weekly::get).toList(), before);
        double shares = 0;
        for (String control : controls) {
            double share = sum(weekly.get(control), 0, before) / (double) controlsBefore;
            shares += share * share;
        }
        double observed = Math.max(treatedAfter, 0.5);
        double variance = 1 / observed + 1.0 / treatedBefore + 1.0 / controlsAfter + 1.0 / controlsBefore
                + tau2 * (1 + shares);
        double logRatio = Math.log(observed / expected);
        double half = Z95 * Math.sqrt(variance);
        double ratio = treatedAfter / expected;
        double lower = Math.exp(logRatio - half);
        double upper = Math.exp(logRatio + half);
        Verdict verdict = upper < 1 ? Verdict.DECREASE : lower > 1 ? Verdict.INCREASE : Verdict.NO_CLEAR_CHANGE;
        return new EffectEstimate(verdict, window, treatedBefore, treatedAfter, controls, controlsBefore,
                controlsAfter, expected, ratio, (ratio - 1) * 100, lower, upper, 0.95, tau2, weeks);
    }

    /**
     * DerSimonian–Laird τ² of the controls' log changes: 0 with fewer than two controls or when they vary no
     * more than their counts' chance.
     */
    static double betweenUnitVariance(List<long[]> controls, int before) {
        int k = controls.size();
        if (k < 2) {
            return 0;
        }
        double[] changes = new double[k];
        double[] weights = new double[k];
        double weightSum = 0;
        double weightSquares = 0;
        double weighted = 0;
        for (int index = 0; index < k; index++) {
            long[] counts = controls.get(index);
            double earlier = sum(counts, 0, before) + 0.5;
            double later = sum(counts, before, counts.length) + 0.5;
            changes[index] = Math.log(later / earlier);
            weights[index] = 1 / (1 / later + 1 / earlier);
            weightSum += weights[index];
            weightSquares += weights[index] * weights[index];
            weighted += weights[index] * changes[index];
        }
        double mean = weighted / weightSum;
        double q = 0;
        for (int index = 0; index < k; index++) {
            q += weights[index] * (changes[index] - mean) * (changes[index] - mean);
        }
        return Math.max(0, (q - (k - 1)) / (weightSum - weightSquares / weightSum));
    }

    /** Distance of two levels on the log scale, in units of 10⁻⁹, so that equal distances tie exactly. */
    private static long distance(long count, double level) {
        return Math.round(Math.abs(Math.log(count) - level) * 1e9);
    }

    private static long sum(long[] counts, int from, int to) {
        long total = 0;
        for (int slot = from; slot < to; slot++) {
            total += counts[slot];
        }
        return total;
    }
}
