package ru.tsur.pulse.cases;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * One problem and its state, as the API shows it. The clock of its deadlines starts at {@code createdAt}
 * (when the resident wrote the first message); {@code firstReplyDue} and {@code resolutionDue} are in
 * working time of the region's calendar. {@code summary} is the masked display text of the first message.
 * {@code repeatOf} links a case opened about a problem resolved shortly before; {@code cameBack} marks a
 * resolved case that such a repeat followed. {@code overdue} is computed when the case is read. {@code mergedInto}
 * is the survivor a merged case's messages moved to (null unless the status is {@code merged}).
 */
@RegisterForReflection
public record ProblemCase(long id, String status, String municipality, String category, String topic,
                          String executor, String deadlineClass, Double lat, Double lon, String summary,
                          Instant createdAt, Instant openedAt, Instant lastMessageAt, int messageCount,
                          Instant firstReplyDue, Instant resolutionDue, Instant firstAnswerAt, String answerText,
                          List<String> answerFlags, Instant resolvedAt, Instant confirmedAt, int reopenedCount,
                          String rejectedReason, Long repeatOf, boolean cameBack, Instant updatedAt, boolean overdue,
                          Long mergedInto) {

    public CaseStatus statusValue() {
        return CaseStatus.byId(status).orElseThrow(() -> new IllegalStateException("Unknown case status " + status));
    }
}
