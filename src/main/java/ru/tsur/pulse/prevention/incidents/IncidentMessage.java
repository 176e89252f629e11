package ru.tsur.pulse.prevention.incidents;

import ru.tsur.pulse.prevention.Place;

import java.time.Instant;
import java.util.Objects;

/**
 * What the incident finder needs of one message: its id, when it came, its {@link Place} (the building by its
 * normal address, else the ~150 m cell: distinct places are what make an incident), its category and topic
 * (the topic is the category when the source has none) and its point, without which it cannot be near anything.
 */
public record IncidentMessage(String id, Instant createdAt, Place place, String category, String topic,
                              double latitude, double longitude) {

    public IncidentMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(topic, "topic");
    }
}
