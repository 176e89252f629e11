package ru.tsur.pulse.cases.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/** Body of {@code POST /api/v1/cases/{id}/answer}: the executor's public answer, checked for quality. */
public record AnswerRequest(
        @Schema(description = "The answer (at most pulse.cases.max-answer-length characters, 4000 by default)",
                examples = "Подача горячей воды восстановлена 01.12 после замены задвижки")
        @NotBlank(message = TextBounds.REQUIRED) @BoundedText(TextLimit.ANSWER) String text) {

    public AnswerRequest {
        text = TextBounds.clean(text);
    }
}
