package ru.tsur.pulse.cases.api;

import java.time.Instant;
import java.util.List;

/** Answer of {@code GET /api/v1/deadlines/summary}: per executor, open, overdue and at-risk cases at {@code at}. */
public record DeadlineSummary(Instant at, List<ExecutorDeadlines> executors) {
}
