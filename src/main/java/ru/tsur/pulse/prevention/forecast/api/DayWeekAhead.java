package ru.tsur.pulse.prevention.forecast.api;

import java.time.LocalDate;

/**
 * One day of a series' week ahead: the messages expected (the mean, which adds up over days and series),
 * the median (half the time fewer, half the time more) and the interval {@code low … high} (both included)
 * meant to hold the day's count with the answer's {@code coverage}.
 */
public record DayWeekAhead(LocalDate day, double expected, long median, long low, long high) {
}
