package ru.tsur.pulse.cases.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/** Body of {@code POST /api/v1/cases/{id}/resolve}: the executor says it is solved, optionally with an answer. */
public record ResolveRequest(
        @Schema(description = "An answer, optional (at most pulse.cases.max-answer-length characters, 4000 by default)",
                examples = "Мусор вывезен 01.12, контейнеры промыты")
        @BoundedText(TextLimit.ANSWER) String text) {

    public ResolveRequest {
        text = TextBounds.cleanOptional(text);
    }
}
