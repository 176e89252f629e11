package ru.tsur.pulse.heatmap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of the heat map's screens ({@code /ws/heatmap}, {@code GET /api/v1/heatmap}): how often changed
 * counts are read and pushed, each screen's bounded queue and the heartbeat. The prefix keeps its first name.
 */
@ConfigMapping(prefix = "pulse.push")
public interface HeatmapConfig {

    /** Period of the heat-map tick: deltas are coalesced over it. */
    @WithDefault("100ms")
    Duration tick();

    /** Frames a screen may have unsent before it is skipped and later given a fresh snapshot. */
    @WithDefault("16")
    int clientBuffer();

    /** Period of heartbeats carrying the current sequence number, so a screen sees a lost last delta. */
    @WithDefault("5s")
    Duration heartbeat();
}
