package ru.tsur.pulse.audit;

import java.time.Instant;

/**
 * Filters of an audit page; each is optional (null). {@code subject}, {@code action} and {@code target}
 * match exactly; {@code from} is inclusive and {@code to} exclusive.
 */
public record AuditQuery(String subject, String action, String target, Instant from, Instant to) {
}
