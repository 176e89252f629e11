package ru.tsur.pulse.prevention.measures.api;

import java.time.Instant;
import java.util.List;

/** Answer of {@code GET /api/v1/prevention/measures}: the filters as read, and the measures newest taken first. */
public record MeasureList(Instant asOf, String municipality, String category, List<MeasureItem> measures) {
}
