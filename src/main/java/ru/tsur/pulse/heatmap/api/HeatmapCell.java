package ru.tsur.pulse.heatmap.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One cell of a heat-map frame: municipality {@code m}, category {@code c}, count {@code n} in the window,
 * and the cell's tension score {@code t} 0–100 (absent = 0).
 */
@RegisterForReflection
public record HeatmapCell(@Schema(description = "Municipality id") String m, @Schema(description = "Category id") String c,
                          @Schema(description = "Messages in the window") long n,
                          @Schema(description = "Tension score 0–100; absent = 0") @JsonInclude(JsonInclude.Include.NON_NULL) Integer t) {
}
