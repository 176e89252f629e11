package ru.tsur.pulse.tension;

/**
 * A CDI event: past counts or messages were written while the service runs (the demo's history at its
 * start), so the tension baselines must be rebuilt from PostgreSQL; {@code what} says what, for the log.
 */
public record HistoryWritten(String what) {
}
