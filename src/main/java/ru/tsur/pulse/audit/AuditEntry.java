package ru.tsur.pulse.audit;

import java.util.Objects;

/**
 * One act to record, as a caller hands it to {@link AuditRepository#append}: who ({@link Actor}), what
 * ({@code action}, e.g. {@code case.accept}), to what ({@code target}, e.g. {@code case:42}) and the
 * change, as JSON the caller wrote (the state before and after; either may be null). The time and the
 * chain hashes are added when it is appended.
 */
public record AuditEntry(Actor actor, String action, String target, String before, String after) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs an action");
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs a target");
        }
    }
}
