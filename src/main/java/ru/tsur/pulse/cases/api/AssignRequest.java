package ru.tsur.pulse.cases.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/** Body of {@code POST /api/v1/cases/{id}/assign} and {@code …/reassign}: an operator names the executor. */
public record AssignRequest(
        @Schema(description = "The executor (one line, at most 300 characters)", examples = "ООО Светосервис",
                maxLength = TextLimit.MAX_EXECUTOR_LENGTH)
        @NotBlank(message = TextBounds.REQUIRED) @BoundedText(TextLimit.EXECUTOR) String executor) {

    public AssignRequest {
        executor = TextBounds.clean(executor);
    }
}
