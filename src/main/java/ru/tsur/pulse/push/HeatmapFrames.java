package ru.tsur.pulse.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.domain.CountedCell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON frames of {@code /ws/heatmap} (and the body of {@code GET /api/v1/heatmap}):
 * <pre>
 * {"type":"snapshot","window":"1h","seq":41,"at":"…","cells":[{"m":"spb-kolpino","c":"blagoustroystvo","n":12,"t":88},…],
 *  "scores":[{"m":"spb-kolpino","t":88}]}
 * {"type":"delta","window":"1h","seq":42,"at":"…","cells":[…only changed cells; n=0 means the cell emptied…],"scores":[…changed…]}
 * {"type":"heartbeat","window":"1h","seq":42,"at":"…"}
 * </pre>
 * A screen applies a delta only if its seq is exactly one more than the last it holds; otherwise it
 * sends {@code {"type":"resync"}} and gets a snapshot. {@code t} is a cell's tension score 0–100 (absent = 0;
 * a delta sends 0 when it fell away), {@code scores} the municipalities' (the highest of their cells); a
 * delta omits {@code scores} when none changed. Short cell keys keep frames small for big walls.
 */
public final class HeatmapFrames {

    private final ObjectMapper json;

    public HeatmapFrames(ObjectMapper json) {
        this.json = json;
    }

    public Map<String, Object> snapshotBody(HeatmapState.Snapshot snapshot, String region, Instant at) {
        Map<String, Object> body = header("snapshot", snapshot.window(), snapshot.seq(), at);
        body.put("region", region);
        body.put("cells", cells(snapshot.cells(), snapshot.tension()));
        body.put("scores", scores(snapshot.scores()));
        return body;
    }

    public String snapshot(HeatmapState.Snapshot snapshot, String region, Instant at) {
        return write(snapshotBody(snapshot, region, at));
    }

    public String delta(HeatmapState.Delta delta, Instant at) {
        Map<String, Object> body = header("delta", delta.window(), delta.seq(), at);
        body.put("cells", cells(delta.cells(), delta.tension()));
        if (!delta.scores().isEmpty()) {
            body.put("scores", scores(delta.scores()));
        }
        return write(body);
    }

    public String heartbeat(Window window, long seq, Instant at) {
        return write(header("heartbeat", window, seq, at));
    }

    public String error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "error");
        body.put("message", message);
        return write(body);
    }

    private static Map<String, Object> header(String type, Window window, long seq, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("window", window.label());
        body.put("seq", seq);
        body.put("at", at.toString());
        return body;
    }

    private static List<Map<String, Object>> cells(List<CountedCell> cells, Map<String, Map<String, Integer>> tension) {
        List<Map<String, Object>> list = new ArrayList<>(cells.size());
        for (CountedCell cell : cells) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("m", cell.municipalityId());
            item.put("c", cell.categoryId());
            item.put("n", cell.count());
            Integer score = tension.getOrDefault(cell.municipalityId(), Map.of()).get(cell.categoryId());
            if (score != null) {
                item.put("t", score);
            }
            list.add(item);
        }
        return list;
    }

    private static List<Map<String, Object>> scores(Map<String, Integer> scores) {
        List<Map<String, Object>> list = new ArrayList<>(scores.size());
        new TreeMap<>(scores).forEach((municipality, score) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("m", municipality);
            item.put("t", score);
            list.add(item);
        });
        return list;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
