package ru.tsur.pulse.heatmap.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;

/**
 * A heat-map snapshot, the first frame of {@code /ws/heatmap} and the answer of {@code GET /api/v1/heatmap}:
 * {@code {"type":"snapshot","window":"1h","seq":41,"at":"…","region":"spb","cells":[…],"scores":[…],"learning":{…}}};
 * {@code learning}: municipality → whole days its baseline still learns (it scores but cannot alert yet).
 * Short cell keys keep frames small for big walls.
 */
@RegisterForReflection
public record HeatmapSnapshot(String type, String window, long seq, String at, String region, List<HeatmapCell> cells,
                              List<MunicipalityScore> scores, Map<String, Integer> learning) {
}
