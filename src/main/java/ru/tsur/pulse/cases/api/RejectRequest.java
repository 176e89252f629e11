package ru.tsur.pulse.cases.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/** Body of {@code POST /api/v1/cases/{id}/reject}: the executor says the case is not theirs, and why. */
public record RejectRequest(
        @Schema(description = "Why (at most pulse.cases.max-reason-length characters, 500 by default)",
                examples = "дом обслуживает другая организация")
        @NotBlank(message = TextBounds.REQUIRED) @BoundedText(TextLimit.CASE_REASON) String reason) {

    public RejectRequest {
        reason = TextBounds.clean(reason);
    }
}
