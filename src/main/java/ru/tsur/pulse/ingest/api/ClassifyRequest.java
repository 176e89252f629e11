package ru.tsur.pulse.ingest.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/**
 * Body of {@code POST /api/v1/classify}: a text to decide about, optionally with a point ({@code lat} and
 * {@code lon} together) and an address — the same fields and bounds as a message to the ingest.
 */
public record ClassifyRequest(
        @Schema(description = "The text (at most pulse.ingest.max-text-length characters, 20000 by default)",
                examples = "Во дворе дома 5 по Садовой не вывозят мусор")
        @NotBlank(message = TextBounds.REQUIRED) @BoundedText(TextLimit.MESSAGE_TEXT) String text,
        @Schema(description = "Latitude, with lon", examples = "59.9263")
        @DecimalMin(value = "-90", message = "число от -90 до 90") @DecimalMax(value = "90", message = "число от -90 до 90") Double lat,
        @Schema(description = "Longitude, with lat", examples = "30.3175")
        @DecimalMin(value = "-180", message = "число от -180 до 180") @DecimalMax(value = "180", message = "число от -180 до 180") Double lon,
        @Schema(description = "A postal address (one line, at most 500 characters)", maxLength = TextLimit.MAX_ADDRESS_LENGTH)
        @BoundedText(TextLimit.ADDRESS) String address) {
}
