package ru.tsur.pulse.prevention.measures.api;

import java.util.List;

/** Answer of {@code GET /api/v1/prevention/measures/{id}}: the measure with its effect and the weekly chart. */
public record MeasureDetail(MeasureItem measure, List<MeasureWeek> weeks) {
}
