package ru.tsur.pulse.cases.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/**
 * Body of {@code POST /api/v1/cases/{id}/confirm} and {@code …/reopen}: the resident (or the portal on their
 * behalf) says the problem is solved, or that it is not, optionally with a comment.
 */
public record FeedbackRequest(
        @Schema(description = "A comment, optional (at most pulse.cases.max-reason-length characters, 500 by default)",
                examples = "воды по-прежнему нет")
        @BoundedText(TextLimit.CASE_REASON) String comment) {

    public FeedbackRequest {
        comment = TextBounds.cleanOptional(comment);
    }
}
