package ru.tsur.pulse.audit;

import java.util.List;

/** One page of audit rows, newest first, with the number of rows matching the filters. */
public record AuditPage(int page, int size, long total, List<AuditEvent> items) {
}
