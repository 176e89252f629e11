package ru.tsur.pulse.prevention.measures.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.prevention.measures.EffectEstimate;

import java.time.Instant;
import java.util.List;

/**
 * A measure's effect as the API shows it ({@link EffectEstimate}, rounded to three decimals): the counts
 * before and after, the controls, the expected count, the ratio observed/expected with its 95% interval and
 * the verdict; the ratio and interval are null when it is too early or there are too few messages.
 */
public record MeasureEffectView(
        @Schema(description = "TOO_EARLY, TOO_FEW, DECREASE, INCREASE or NO_CLEAR_CHANGE") String verdict,
        Instant beforeFrom, Instant afterTo, double daysAfter,
        long treatedBefore, long treatedAfter,
        @Schema(description = "The comparable units: municipality ids or place keys") List<String> controls,
        long controlsBefore, long controlsAfter,
        @Schema(description = "treatedBefore × controlsAfter / controlsBefore") Double expectedAfter,
        @Schema(description = "treatedAfter / expectedAfter") Double ratio,
        Double percentChange, Double lower, Double upper, double level, Double betweenUnitVariance) {

    public static MeasureEffectView of(EffectEstimate effect) {
        return new MeasureEffectView(effect.verdict().name(), effect.window().beforeFrom(), effect.window().afterTo(),
                round(effect.window().daysAfter()), effect.treatedBefore(), effect.treatedAfter(), effect.controls(),
                effect.controlsBefore(), effect.controlsAfter(), round(effect.expectedAfter()), round(effect.ratio()),
                round(effect.percentChange()), round(effect.lower()), round(effect.upper()), effect.level(),
                round(effect.betweenUnitVariance()));
    }

    /** Three decimals; null stays null. */
    public static Double round(Double value) {
        return value == null ? null : Math.round(value * 1000) / 1000.0;
    }
}
