package ru.tsur.pulse.cases.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/** Body of {@code POST /api/v1/cases/{id}/accept}: the executor who takes the case into work. */
public record AcceptRequest(
        @Schema(description = "Who acts (one line, at most 200 characters)", examples = "ООО Жилкомсервис", maxLength = TextLimit.MAX_ACTOR_LENGTH)
        @NotBlank(message = TextBounds.REQUIRED) @BoundedText(TextLimit.ACTOR) String by) {

    public AcceptRequest {
        by = TextBounds.clean(by);
    }
}
