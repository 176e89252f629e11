package ru.tsur.pulse.prevention.measures.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.TextBounds;

import java.time.OffsetDateTime;

/**
 * Body of {@code POST /api/v1/prevention/measures}: what was done, where, when, for which category or topic.
 * A measure targets its municipality as a whole unless it names a place: an address (a building, as the
 * chronic-places register normalizes it) or a point (its 150 m cell). Who entered it comes from the identity.
 */
public record MeasureRequest(
        @Schema(description = "What was done, one line (at most 300 characters)", examples = "Заменены кровли пяти домов на ул. Садовой")
        @NotBlank(message = TextBounds.REQUIRED) @Size(max = 300, message = "не длиннее 300 символов") String title,
        @Schema(description = "Details (at most 4000 characters)")
        @Size(max = 4000, message = "не длиннее 4000 символов") String description,
        @Schema(description = "The municipality's id (GET /api/v1/region)", examples = "spb-kolomna")
        @NotBlank(message = TextBounds.REQUIRED) @Size(max = 100, message = "не длиннее 100 символов") String municipality,
        @Schema(description = "The category's id (GET /api/v1/region)", examples = "roof")
        @NotBlank(message = TextBounds.REQUIRED) @Size(max = 100, message = "не длиннее 100 символов") String category,
        @Schema(description = "One topic of the category; none = the whole category")
        @Size(max = 200, message = "не длиннее 200 символов") String topic,
        @Schema(description = "A building the measure targets, rather than the whole municipality")
        @Size(max = 500, message = "не длиннее 500 символов") String address,
        @Schema(description = "A point the measure targets (its 150 m cell), with longitude")
        @DecimalMin(value = "-90", message = "число от -90 до 90") @DecimalMax(value = "90", message = "число от -90 до 90") Double latitude,
        @DecimalMin(value = "-180", message = "число от -180 до 180") @DecimalMax(value = "180", message = "число от -180 до 180") Double longitude,
        @Schema(description = "When it was done, ISO-8601 with offset; not in the future", examples = "2026-10-01T09:00:00+03:00")
        @NotNull(message = TextBounds.REQUIRED) OffsetDateTime takenAt,
        @Schema(description = "The client's key of this request (e.g. a UUID): a retry with the same key returns the measure already stored")
        @NotBlank(message = TextBounds.REQUIRED) @Size(max = 100, message = "не длиннее 100 символов") String idempotencyKey) {

    public MeasureRequest {
        title = TextBounds.clean(title);
        description = TextBounds.cleanOptional(description);
        municipality = TextBounds.clean(municipality);
        category = TextBounds.clean(category);
        topic = TextBounds.cleanOptional(topic);
        address = TextBounds.cleanOptional(address);
        idempotencyKey = TextBounds.clean(idempotencyKey);
    }
}
