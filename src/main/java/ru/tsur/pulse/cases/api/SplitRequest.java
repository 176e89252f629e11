package ru.tsur.pulse.cases.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.TextBounds;

/** Body of {@code POST /api/v1/cases/{id}/split}: the message that leaves the case for a case of its own. */
public record SplitRequest(
        @Schema(description = "The id of a message of this case", examples = "812", required = true)
        @NotNull(message = TextBounds.REQUIRED) @Positive(message = "номер сообщения — целое положительное число") Long message) {
}
