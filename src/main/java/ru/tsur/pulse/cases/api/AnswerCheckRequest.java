package ru.tsur.pulse.cases.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/** Body of {@code POST /api/v1/answers/check}: an answer not yet sent, to be checked for quality. */
public record AnswerCheckRequest(
        @Schema(description = "The answer as it would be sent (at most pulse.cases.max-answer-length characters)",
                examples = "Ваше обращение принято к сведению")
        @NotNull(message = TextBounds.REQUIRED) @BoundedText(TextLimit.ANSWER) String text) {

    public AnswerCheckRequest {
        text = TextBounds.clean(text);
    }
}
