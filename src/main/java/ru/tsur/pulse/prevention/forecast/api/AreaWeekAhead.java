package ru.tsur.pulse.prevention.forecast.api;

/**
 * A municipality's week ahead over the categories the answer covers (summed: the means add up, the interval is
 * the sum's, README «The week ahead»), with its messages of the last 7 days.
 */
public record AreaWeekAhead(String municipality, String municipalityName, double expected, long median, long low,
                            long high, long lastWeek) {
}
