package ru.tsur.pulse.tension.api;

import java.util.List;

/**
 * Answer of {@code GET /api/v1/dynamics}: one series (null municipality = region-wide, null category = all,
 * topic = one topic) in steps of {@code step} (ISO-8601), each with its baseline and upper band.
 */
public record Dynamics(String municipality, String category, String topic, String step, List<DynamicsPoint> points) {
}
