package ru.tsur.pulse.prevention.measures;

import java.time.Instant;

/**
 * One week of a measure's chart: the treated unit's messages and the controls' (summed) in the week that
 * starts at {@code start}; {@code week} counts from the measure (−1 the week before it, 0 its first week),
 * {@code days} is how much of the week is inside the window (7, less for the week still running).
 */
public record WeekCount(int week, Instant start, double days, long treated, long controls) {
}
