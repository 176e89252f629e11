package ru.tsur.pulse.alerts.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Body of {@code POST /api/v1/alerts/{id}/silence}: who silences, why, and until when — a time
 * ({@code until}) or a length ({@code duration}), exactly one, at most {@code pulse.alerts.max-silence}
 * (7 days) ahead.
 */
public record SilenceRequest(
        @Schema(description = "Why (at most pulse.alerts.max-reason-length characters, 500 by default); shown on the wall", examples = "плановые работы")
        @NotBlank(message = TextBounds.REQUIRED) @BoundedText(TextLimit.ALERT_REASON) String reason,
        @Schema(description = "End of the silence, ISO-8601 with offset; give this or duration", examples = "2026-12-01T18:00:00+03:00")
        OffsetDateTime until,
        @Schema(type = SchemaType.STRING, format = "duration", description = "Length of the silence, ISO-8601; give this or until", examples = "PT2H")
        Duration duration) {

    public SilenceRequest {
        reason = TextBounds.clean(reason);
    }
}
