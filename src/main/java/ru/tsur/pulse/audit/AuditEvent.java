package ru.tsur.pulse.audit;

import java.time.Instant;
import java.util.List;

/**
 * One stored row of the audit trail, as {@code GET /api/v1/audit} shows it: the recorded act with its
 * time, and the two hashes that chain it to the row before ({@code previousHash}) and to the row after.
 */
public record AuditEvent(long id, Instant at, String subject, List<String> roles, String keyId, String action,
                         String target, String before, String after, String remoteAddress, String previousHash,
                         String hash) {
}
