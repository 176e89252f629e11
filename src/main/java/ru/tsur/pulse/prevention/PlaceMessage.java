package ru.tsur.pulse.prevention;

import java.time.Instant;
import java.util.Objects;

/**
 * What the chronic-places register needs of one message: when it came, where (its {@link Place}), its
 * category and topic (null when the source has none: the category then stands for it), the executor it went
 * to and when the problem was resolved (both null when unknown or not yet), and its point if it has one.
 */
public record PlaceMessage(Instant createdAt, Place place, String municipality, String category, String topic,
                           String executor, Instant resolvedAt, Double latitude, Double longitude) {

    public PlaceMessage {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(category, "category");
    }

    /** The place × topic this message counts for. */
    public PlaceTopic placeTopic() {
        return PlaceTopic.of(this);
    }
}
