package ru.tsur.pulse.prevention.incidents.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/** Body of {@code POST /api/v1/prevention/incidents/{id}/resolve}: the answer every linked case gets. */
public record ResolveIncidentRequest(
        @Schema(description = "The answer to residents (at most pulse.cases.max-answer-length characters, 4000 by default)",
                examples = "Авария на тепловой сети у дома 12 устранена 03.12 в 16:40, горячая вода подана во все дома квартала")
        @NotBlank(message = TextBounds.REQUIRED) @BoundedText(TextLimit.ANSWER) String text) {

    public ResolveIncidentRequest {
        text = TextBounds.clean(text);
    }
}
