package ru.tsur.pulse.triage.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/**
 * Body of {@code POST /api/v1/triage/{messageId}}: the operator's labels for a message the model was unsure of
 * — the model's own ones to confirm them — and, optionally, the executor to send it to.
 */
public record TriageDecision(
        @Schema(description = "A category id of the region's taxonomy", examples = "roads")
        @NotBlank(message = TextBounds.REQUIRED) @Size(max = 100) String category,
        @Schema(description = "The fine topic (optional; one line)", examples = "Ямы на дороге")
        @Size(max = 300) String topic,
        @Schema(description = "The executor to send it to (optional; by default the routing for the labels)")
        @BoundedText(TextLimit.EXECUTOR) String executor) {

    public TriageDecision {
        category = TextBounds.clean(category);
        topic = TextBounds.cleanOptional(topic);
        executor = TextBounds.cleanOptional(executor);
    }
}
