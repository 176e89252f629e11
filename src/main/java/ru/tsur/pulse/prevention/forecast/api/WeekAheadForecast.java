package ru.tsur.pulse.prevention.forecast.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Answer of {@code GET /api/v1/prevention/forecast}: the week {@code firstDay … lastDay} (days of the region's
 * {@code timeZone}; the first is tomorrow) as forecast at {@code computedAt}, intervals meant to hold with
 * probability {@code coverage}; {@code learning} while the baselines still learn ({@code learningDaysLeft}
 * days left, else null) — the forecast is then mostly the prior. The filters echoed (null: any), the order
 * ({@code expected} or {@code rise}), at most {@code limit} of {@code total} series; the totals per
 * municipality (largest first) and per category over {@code categoriesOver}: {@code region} (the region's own
 * series) or {@code municipalities} (the covered municipalities summed).
 */
public record WeekAheadForecast(Instant computedAt, LocalDate firstDay, LocalDate lastDay, String timeZone,
                                double coverage, boolean learning, Integer learningDaysLeft, String municipality,
                                String category, String order, int limit, int total, List<SeriesWeekAhead> series,
                                List<AreaWeekAhead> municipalities, String categoriesOver,
                                List<CategoryWeekAhead> categories) {
}
