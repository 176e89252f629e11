package ru.tsur.pulse.cases.api;

/** Answer of {@code POST /api/v1/admin/executors}: the executor, and whether it was not known before. */
public record ExecutorAdded(String name, boolean added) {
}
