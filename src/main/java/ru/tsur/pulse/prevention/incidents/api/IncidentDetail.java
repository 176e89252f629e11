package ru.tsur.pulse.prevention.incidents.api;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code GET /api/v1/prevention/incidents/{id}}: the incident, its messages (display text only, with
 * the case each is in now) and the cases linked to it.
 */
public record IncidentDetail(IncidentItem incident, List<Message> messages, List<LinkedCase> cases) {

    /** One of its messages. */
    public record Message(long id, Instant createdAt, String text, String address, Double latitude, Double longitude,
                          Long caseId) {
    }

    /** A case linked to it. */
    public record LinkedCase(long id, String status, String executor) {
    }
}
