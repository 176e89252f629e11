package ru.tsur.pulse.prevention.measures;

import java.util.List;

/**
 * A measure's effect as {@link MeasureEffect} judged it. Counts are always given; the expectation needs
 * controls, and the ratio with its interval is given only when the verdict is one of DECREASE, INCREASE or
 * NO_CLEAR_CHANGE (null when too early or too few).
 *
 * @param window              the before and after windows
 * @param treatedBefore       the target's messages in the before window
 * @param treatedAfter        the target's messages in the after window (observed)
 * @param controls            the comparable units chosen, closest level first
 * @param controlsBefore      their messages in the before window, summed
 * @param controlsAfter       their messages in the after window, summed
 * @param expectedAfter       treated before × controls after / controls before; null without controls
 * @param ratio               observed / expected
 * @param percentChange       (ratio − 1) × 100
 * @param lower               lower end of the ratio's interval
 * @param upper               upper end
 * @param level               the interval's nominal coverage (0.95)
 * @param betweenUnitVariance τ², the variance of the log change across control units beyond chance
 * @param weeks               the weekly chart, oldest week first
 */
public record EffectEstimate(Verdict verdict, MeasureWindow window, long treatedBefore, long treatedAfter,
                             List<String> controls, long controlsBefore, long controlsAfter, Double expectedAfter,
                             Double ratio, Double percentChange, Double lower, Double upper, double level,
                             Double betweenUnitVariance, List<WeekCount> weeks) {
}
