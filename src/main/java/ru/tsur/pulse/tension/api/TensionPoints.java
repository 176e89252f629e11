package ru.tsur.pulse.tension.api;

import java.time.Instant;
import java.util.List;

/** Answer of {@code GET /api/v1/tension-points}: the series with the highest scores in {@code window}, at {@code at}. */
public record TensionPoints(String window, Instant at, List<TensionPoint> points) {
}
