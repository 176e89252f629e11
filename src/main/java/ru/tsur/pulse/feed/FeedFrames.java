package ru.tsur.pulse.feed;

import ru.tsur.pulse.screens.ScreenFrames;

import java.time.Instant;

/**
 * The JSON frames of {@code /ws/feed}:
 * <pre>
 * {"type":"snapshot","seq":7,"at":"…","messages":[…the newest N, newest first…]}
 * {"type":"messages","seq":8,"at":"…","messages":[…new ones, newest first…]}
 * {"type":"heartbeat","seq":8,"at":"…"}
 * </pre>
 * Each message is {@code {"id","createdAt","receivedAt","municipality","category","topic","text"}} with the
 * masked display text only. A screen that sees a seq other than last + 1 sends {@code {"type":"resync"}}.
 */
final class FeedFrames {

    private final ScreenFrames frames;

    FeedFrames(ScreenFrames frames) {
        this.frames = frames;
    }

    String snapshot(FeedState.Snapshot snapshot, Instant at) {
        return frames.write("snapshot", snapshot.seq(), at, "messages", snapshot.messages());
    }

    String messages(FeedState.Batch batch, Instant at) {
        return frames.write("messages", batch.seq(), at, "messages", batch.messages());
    }

    String heartbeat(long seq, Instant at) {
        return frames.write(frames.header("heartbeat", seq, at));
    }
}
