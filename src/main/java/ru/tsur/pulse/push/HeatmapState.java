package ru.tsur.pulse.push;

import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.counters.WindowCounts;
import ru.tsur.pulse.domain.CountedCell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The heat map as last published to screens: per window, count per municipality × category, and a
 * sequence number per window that grows by one with every non-empty delta. Turning fresh counts into
 * deltas (only changed cells; a cell that fell to zero is sent as 0) is plain logic, not thread-safe:
 * the broadcaster serialises access.
 */
public final class HeatmapState {

    /** The cells of one window that changed, with the sequence number of the delta that carries them. */
    public record Delta(Window window, long seq, List<CountedCell> cells) {
    }

    /** A full picture of one window at a sequence number. */
    public record Snapshot(Window window, long seq, List<CountedCell> cells) {
    }

    private final EnumMap<Window, Map<String, Map<String, Long>>> counts = new EnumMap<>(Window.class);
    private final EnumMap<Window, Long> sequences = new EnumMap<>(Window.class);

    public HeatmapState() {
        for (Window window : Window.values()) {
            counts.put(window, new HashMap<>());
            sequences.put(window, 0L);
        }
    }

    /** Takes fresh counts of some municipalities; returns one delta per window that changed. */
    public List<Delta> apply(List<WindowCounts> fresh) {
        List<Delta> deltas = new ArrayList<>();
        for (Window window : Window.values()) {
            Map<String, Map<String, Long>> published = counts.get(window);
            List<CountedCell> changed = new ArrayList<>();
            for (WindowCounts municipality : fresh) {
                Map<String, Long> before = published.getOrDefault(municipality.municipalityId(), Map.of());
                Map<String, Long> after = withoutZeros(municipality.in(window));
                for (Map.Entry<String, Long> cell : after.entrySet()) {
                    if (!cell.getValue().equals(before.get(cell.getKey()))) {
                        changed.add(new CountedCell(municipality.municipalityId(), cell.getKey(), cell.getValue()));
                    }
                }
                for (String category : before.keySet()) {
                    if (!after.containsKey(category)) {
                        changed.add(new CountedCell(municipality.municipalityId(), category, 0));
                    }
                }
                if (after.isEmpty()) {
                    published.remove(municipality.municipalityId());
                } else {
                    published.put(municipality.municipalityId(), after);
                }
            }
            if (!changed.isEmpty()) {
                long seq = sequences.merge(window, 1L, Long::sum);
                deltas.add(new Delta(window, seq, List.copyOf(changed)));
            }
        }
        return deltas;
    }

    public Snapshot snapshot(Window window) {
        List<CountedCell> cells = new ArrayList<>();
        new TreeMap<>(counts.get(window)).forEach((municipality, categories) ->
                new TreeMap<>(categories).forEach((category, count) ->
                        cells.add(new CountedCell(municipality, category, count))));
        return new Snapshot(window, sequences.get(window), cells);
    }

    public long sequence(Window window) {
        return sequences.get(window);
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> counts) {
        Map<String, Long> kept = new HashMap<>();
        counts.forEach((category, count) -> {
            if (count != null && count > 0) {
                kept.put(category, count);
            }
        });
        return kept;
    }
}
