package ru.tsur.pulse.cases.api;

import ru.tsur.pulse.cases.Scorecard;

import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /api/v1/scorecards}: the ranking by {@code by} (executor or municipality) over the
 * cases opened between {@code since} and {@code at}.
 */
public record Scorecards(String by, Instant at, Instant since, List<Scorecard.Row> rows) {
}
