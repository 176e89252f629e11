package ru.tsur.pulse.prevention.measures;

import java.time.Instant;

/**
 * A measure as stored ({@code measure}, V21): what was done, in which municipality — and at which place,
 * when it targets one ({@link ru.tsur.pulse.prevention.Place}'s key and label) — for which category or one
 * topic of it, when it was done, who entered it and when.
 */
public record Measure(long id, String title, String description, String municipality, String category, String topic,
                      String placeKey, String placeLabel, Instant takenAt, String createdBy, Instant createdAt) {

    /** Whether the measure targets one place rather than its whole municipality. */
    public boolean atPlace() {
        return placeKey != null;
    }

    /**
     * Whether another measure acts on the same messages as this one could: the same category, and the same
     * topic unless either names none (a whole category's measure touches each of its topics).
     */
    public boolean sharesTopicWith(Measure other) {
        return category.equals(other.category) && (topic == null || other.topic == null || topic.equals(other.topic));
    }
}
