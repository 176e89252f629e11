package ru.tsur.pulse.alerts.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/** Body of {@code POST /api/v1/alerts/{id}/ack}: who takes the alert on ("I am on it"). */
public record AcknowledgeRequest(
        @Schema(description = "Who acknowledges (one line, at most 200 characters)", examples = "дежурный Иванов", maxLength = TextLimit.MAX_ACTOR_LENGTH)
        @NotBlank(message = TextBounds.REQUIRED) @BoundedText(TextLimit.ACTOR) String by) {

    public AcknowledgeRequest {
        by = TextBounds.clean(by);
    }
}
