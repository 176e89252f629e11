package ru.tsur.pulse.cases.api;

/** One executor's line of {@link DeadlineSummary} ({@code executor} null for cases without one). */
public record ExecutorDeadlines(String executor, int overdue, int atRisk, int open) {
}
