package ru.tsur.pulse.prevention.measures.api;

import java.time.Instant;

/**
 * One week of a measure's chart: counted from the measure (−1 the week before it, 0 its first week), the
 * treated unit's messages and its controls' (summed), and how many days of the week are inside the window.
 */
public record MeasureWeek(int week, Instant start, double days, long treated, long controls) {
}
