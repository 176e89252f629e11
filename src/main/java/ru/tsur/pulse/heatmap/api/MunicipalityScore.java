package ru.tsur.pulse.heatmap.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A municipality's highest tension score in a heat-map frame: {@code {"m":"spb-kolpino","t":88}}. */
@RegisterForReflection
public record MunicipalityScore(@Schema(description = "Municipality id") String m,
                                @Schema(description = "Highest tension score of its cells, 0–100") int t) {
}
