package ru.tsur.pulse.cases.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.TextBounds;

/** Body of {@code POST /api/v1/cases/{id}/merge}: the case that survives and takes the messages. */
public record MergeRequest(
        @Schema(description = "The survivor's case number", examples = "42", required = true)
        @NotNull(message = TextBounds.REQUIRED) @Positive(message = "номер обращения — целое положительное число") Long into) {
}
