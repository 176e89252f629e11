package ru.tsur.pulse.prevention.incidents.api;

import java.util.List;

/**
 * Body answering {@code POST /api/v1/prevention/incidents/{id}/resolve}: the resolved incident and what
 * happened to each linked case ({@code resolved}, {@code already_resolved}, or {@code refused} with the
 * lifecycle's reason).
 */
public record IncidentResolution(IncidentItem incident, List<CaseOutcome> cases) {

    /** One linked case's outcome. */
    public record CaseOutcome(long caseId, String outcome, String detail) {
    }
}
