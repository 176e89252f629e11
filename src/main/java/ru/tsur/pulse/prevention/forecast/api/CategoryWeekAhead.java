package ru.tsur.pulse.prevention.forecast.api;

/**
 * A category's week ahead over the municipalities the answer covers — the whole region (its region-wide
 * series, unplaced messages included) or the municipalities asked for or in the official's scope (summed) —
 * with its messages of the last 7 days.
 */
public record CategoryWeekAhead(String category, String categoryName, double expected, long median, long low,
                                long high, long lastWeek) {
}
