package ru.tsur.pulse.prevention.incidents.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/** Body of {@code POST /api/v1/prevention/incidents/{id}/dismiss}: why it is no incident. */
public record DismissIncidentRequest(
        @Schema(description = "The reason (at most pulse.cases.max-reason-length characters)",
                examples = "Совпадение: жалобы на разные подъезды, общей сети нет")
        @NotBlank(message = TextBounds.REQUIRED) @BoundedText(TextLimit.CASE_REASON) String reason) {

    public DismissIncidentRequest {
        reason = TextBounds.clean(reason);
    }
}
