package ru.tsur.pulse.audit;

/**
 * The result of checking the audit chain from its first row: how many rows were checked (up to and including
 * the first broken one), whether the chain holds, and if not, the first broken row and why. {@code lastHash}
 * is the hash of the last row checked: written down outside the database (a ticket, a signed mail), it later
 * shows that no row was removed from the end, which the chain alone cannot.
 */
public record AuditVerification(long rows, boolean valid, Long firstBrokenId, String reason, String lastHash) {
}
