package ru.tsur.pulse.prevention.measures;

/** A measure with its effect as of the time it was judged. */
public record MeasureResult(Measure measure, EffectEstimate effect) {
}
