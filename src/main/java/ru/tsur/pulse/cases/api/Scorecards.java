package ru.tsur.pulse.cases.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import ru.tsur.pulse.cases.Scorecard;

import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /api/v1/scorecards}: the ranking by {@code by} (executor or municipality) over the
 * cases opened between {@code since} and {@code at}. Registered with its whole hierarchy so the native image
 * can write the {@link Scorecard.Row}s it carries, which belong to plain code without framework imports.
 */
@RegisterForReflection(registerFullHierarchy = true)
public record Scorecards(String by, Instant at, Instant since, List<Scorecard.Row> rows) {
}
