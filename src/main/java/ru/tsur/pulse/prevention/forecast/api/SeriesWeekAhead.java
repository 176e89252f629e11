package ru.tsur.pulse.prevention.forecast.api;

import java.util.List;

/**
 * One municipality × category's week ahead: the week's expected messages, median and interval, the messages
 * of the last 7 days ({@code lastWeek}, the usual week to compare with), {@code rise} = expected − lastWeek
 * (messages more than last week; negative: fewer), and the seven days.
 */
public record SeriesWeekAhead(String municipality, String municipalityName, String category, String categoryName,
                              double expected, long median, long low, long high, long lastWeek, double rise,
                              List<DayWeekAhead> days) {
}
