package ru.tsur.pulse.alerts;

import ru.tsur.pulse.screens.ScreenFrames;

import java.time.Instant;
import java.util.List;

/**
 * The JSON frames of {@code /ws/alerts}:
 * <pre>
 * {"type":"snapshot","seq":7,"at":"…","alerts":[…every firing alert and the recently resolved…]}
 * {"type":"change","seq":8,"at":"…","alerts":[…the changed alerts in full…]}
 * {"type":"heartbeat","seq":8,"at":"…"}
 * </pre>
 * A screen applies a change only when its seq is one more than the last it holds; otherwise it sends
 * {@code {"type":"resync"}} and gets a snapshot.
 */
final class AlertFrames {

    private final ScreenFrames frames;

    AlertFrames(ScreenFrames frames) {
        this.frames = frames;
    }

    String snapshot(long seq, List<Alert> alerts, Instant at) {
        return frames.write("snapshot", seq, at, "alerts", alerts);
    }

    String change(long seq, List<Alert> alerts, Instant at) {
        return frames.write("change", seq, at, "alerts", alerts);
    }

    String heartbeat(long seq, Instant at) {
        return frames.write(frames.header("heartbeat", seq, at));
    }
}
