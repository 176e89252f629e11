package ru.tsur.pulse.tension.api;

import java.time.Instant;

/**
 * One step of {@link Dynamics}: messages observed from {@code at}, the baseline's expectation, and the count
 * one series would exceed with probability at most 1% (the band a sparkline draws).
 */
public record DynamicsPoint(Instant at, long observed, double expected, double upper) {
}
