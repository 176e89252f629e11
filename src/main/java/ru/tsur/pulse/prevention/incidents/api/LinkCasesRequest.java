package ru.tsur.pulse.prevention.incidents.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.TextBounds;

import java.util.List;

/**
 * Body of {@code POST /api/v1/prevention/incidents/{id}/link}: cases to link besides those of the incident's
 * own messages (a call with no point, a message placed too far); may be empty.
 */
public record LinkCasesRequest(
        @Schema(description = "Case numbers to link as well (at most 500)", examples = "[1042, 1057]")
        @NotNull(message = TextBounds.REQUIRED) @Size(max = 500, message = "не больше 500 обращений")
        List<@NotNull(message = TextBounds.REQUIRED) @Positive(message = "номер обращения — положительное целое") Long> caseIds) {

    public LinkCasesRequest {
        caseIds = caseIds == null ? null : List.copyOf(new java.util.LinkedHashSet<>(caseIds));
    }
}
