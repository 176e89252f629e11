package ru.tsur.pulse.prevention.api;

import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /api/v1/prevention/places}: the chronic-places register as of {@code at}, from the
 * messages of the 90 days before it matching the filters echoed here (null: any), best first, at most
 * {@code limit} rows of {@code total}.
 */
public record PlaceRegister(Instant at, String municipality, String category, String topic, int limit, int total,
                            List<ChronicPlaceItem> places) {
}
