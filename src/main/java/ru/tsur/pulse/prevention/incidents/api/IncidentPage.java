package ru.tsur.pulse.prevention.incidents.api;

import java.time.Instant;
import java.util.List;

/** Body of {@code GET /api/v1/prevention/incidents}: the incidents asked for, newest first. */
public record IncidentPage(String status, String municipality, Instant since, int limit, List<IncidentItem> incidents) {
}
