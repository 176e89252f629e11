package ru.tsur.pulse.prevention.incidents.api;

import java.util.List;

/** Body answering {@code POST /api/v1/prevention/incidents/{id}/link}: the numbers of the cases linked now. */
public record LinkedCases(long incident, List<Long> caseIds) {
}
