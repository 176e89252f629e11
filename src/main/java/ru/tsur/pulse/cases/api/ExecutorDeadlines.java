package ru.tsur.pulse.cases.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One executor's line of {@link DeadlineSummary} ({@code executor} null for cases without one). */
@RegisterForReflection
public record ExecutorDeadlines(String executor, int overdue, int atRisk, int open) {
}
