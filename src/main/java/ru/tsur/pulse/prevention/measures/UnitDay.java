package ru.tsur.pulse.prevention.measures;

import java.time.Instant;

/**
 * Messages of one unit on one day of a measure's window, as {@link MeasureRepository} counts them: the unit
 * is a municipality id or a place key; the day starts at {@code day} (days counted from the window's start).
 *
 * @param municipality the municipality of the messages (for a place, the one its messages name)
 */
public record UnitDay(String unit, String municipality, Instant day, long messages) {
}
