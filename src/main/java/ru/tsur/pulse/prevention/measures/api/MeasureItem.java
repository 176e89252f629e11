package ru.tsur.pulse.prevention.measures.api;

import java.time.Instant;

/** A measure as the API lists it, with the names of its municipality and category and its effect as of now. */
public record MeasureItem(long id, String title, String description, String municipality, String municipalityName,
                          String category, String categoryName, String topic, String placeKey, String placeLabel,
                          Instant takenAt, String createdBy, Instant createdAt, MeasureEffectView effect) {
}
