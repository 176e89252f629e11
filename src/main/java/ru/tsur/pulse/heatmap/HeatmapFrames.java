package ru.tsur.pulse.heatmap;

import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.domain.CountedCell;
import ru.tsur.pulse.heatmap.api.HeatmapCell;
import ru.tsur.pulse.heatmap.api.HeatmapSnapshot;
import ru.tsur.pulse.heatmap.api.MunicipalityScore;
import ru.tsur.pulse.screens.ScreenFrames;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON frames of {@code /ws/heatmap} (and the body of {@code GET /api/v1/heatmap}):
 * <pre>
 * {"type":"snapshot","window":"1h","seq":41,"at":"…","cells":[{"m":"spb-kolpino","c":"blagoustroystvo","n":12,"t":88},…],
 *  "scores":[{"m":"spb-kolpino","t":88}],"learning":{"spb-kolpino":9}}
 * {"type":"delta","window":"1h","seq":42,"at":"…","cells":[…only changed cells; n=0 means the cell emptied…],"scores":[…changed…]}
 * {"type":"heartbeat","window":"1h","seq":42,"at":"…"}
 * </pre>
 * A screen applies a delta only if its seq is exactly one more than the last it holds; otherwise it
 * sends {@code {"type":"resync"}} and gets a snapshot. {@code t} is a cell's tension score 0–100 (absent = 0;
 * a delta sends 0 when it fell away), {@code scores} the municipalities' (the highest of their cells); a
 * delta omits {@code scores} when none changed. {@code learning} holds the municipalities whose baseline is
 * still learning (→ whole days left; they score but cannot alert): always in a snapshot, in a delta only when
 * it changed, and then whole. Short cell keys keep frames small for big walls.
 */
public final class HeatmapFrames {

    private final ScreenFrames frames;

    public HeatmapFrames(ScreenFrames frames) {
        this.frames = frames;
    }

    public HeatmapSnapshot snapshotBody(HeatmapState.Snapshot snapshot, String region, Instant at) {
        return new HeatmapSnapshot("snapshot", snapshot.window().label(), snapshot.seq(), at.toString(), region,
                cells(snapshot.cells(), snapshot.tension()), scores(snapshot.scores()), new TreeMap<>(snapshot.learning()));
    }

    public String snapshot(HeatmapState.Snapshot snapshot, String region, Instant at) {
        return frames.write(snapshotBody(snapshot, region, at));
    }

    public String delta(HeatmapState.Delta delta, Instant at) {
        Map<String, Object> body = frames.header("delta", "window", delta.window().label(), delta.seq(), at);
        body.put("cells", cells(delta.cells(), delta.tension()));
        if (!delta.scores().isEmpty()) {
            body.put("scores", scores(delta.scores()));
        }
        if (delta.learning() != null) {
            body.put("learning", new TreeMap<>(delta.learning()));
        }
        return frames.write(body);
    }

    public String heartbeat(Window window, long seq, Instant at) {
        return frames.write(frames.header("heartbeat", "window", window.label(), seq, at));
    }

    private static List<HeatmapCell> cells(List<CountedCell> cells, Map<String, Map<String, Integer>> tension) {
        List<HeatmapCell> list = new ArrayList<>(cells.size());
        for (CountedCell cell : cells) {
            Integer score = tension.getOrDefault(cell.municipalityId(), Map.of()).get(cell.categoryId());
            list.add(new HeatmapCell(cell.municipalityId(), cell.categoryId(), cell.count(), score));
        }
        return list;
    }

    private static List<MunicipalityScore> scores(Map<String, Integer> scores) {
        List<MunicipalityScore> list = new ArrayList<>(scores.size());
        new TreeMap<>(scores).forEach((municipality, score) -> list.add(new MunicipalityScore(municipality, score)));
        return list;
    }
}
