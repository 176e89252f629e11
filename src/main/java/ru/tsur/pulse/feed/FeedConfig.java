package ru.tsur.pulse.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of the live feed ({@code GET /api/v1/messages/recent}, {@code /ws/feed}): how often new messages
 * are pushed, how many a screen holds, and each screen's bounded queue.
 */
@ConfigMapping(prefix = "pulse.feed")
public interface FeedConfig {

    /** How often the messages stored since the last push go out to feed screens, as one frame. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Messages in a feed snapshot, and most messages pushed per poll (the newest win in a burst). */
    @WithDefault("50")
    int snapshotSize();

    /** Largest {@code limit} of {@code GET /api/v1/messages/recent}. */
    @WithDefault("200")
    int maxLimit();

    /** Frames a feed screen may have unsent before its queue is dropped and it gets a fresh snapshot. */
    @WithDefault("16")
    int clientBuffer();

    /** Period of heartbeats carrying the current sequence number. */
    @WithDefault("5s")
    Duration heartbeat();
}
