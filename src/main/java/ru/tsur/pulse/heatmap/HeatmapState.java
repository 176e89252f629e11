package ru.tsur.pulse.heatmap;

import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.counters.WindowCounts;
import ru.tsur.pulse.domain.CountedCell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The heat map as last published to screens: per window, count per municipality × category, and a
 * sequence number per window that grows by one with every non-empty delta; across windows, the tension
 * score (0–100) of each cell and of each municipality (the highest of its cells). Turning fresh counts or
 * fresh scores into deltas (only changed cells; a cell that fell to zero is sent as 0; a changed score
 * alone is a delta too) is plain logic, not thread-safe: the broadcaster serialises access. Beside the scores,
 * the municipalities whose baseline is still learning (days left) travel with every snapshot and, when they
 * change, with a delta of every window, so a screen never colours a learning district as a spike.
 */
public final class HeatmapState {

    /**
     * The cells of one window that changed, with the sequence number of the delta that carries them;
     * {@code tension} holds the score of carried cells that have one (0 = it fell away), {@code scores} the
     * municipality scores that changed, {@code learning} the whole learning map when it changed (else null).
     */
    public record Delta(Window window, long seq, List<CountedCell> cells, Map<String, Map<String, Integer>> tension,
                        Map<String, Integer> scores, Map<String, Integer> learning) {
        public Delta(Window window, long seq, List<CountedCell> cells) {
            this(window, seq, cells, Map.of(), Map.of(), null);
        }
    }

    /** A full picture of one window at a sequence number, with every score above 0 and the learning map. */
    public record Snapshot(Window window, long seq, List<CountedCell> cells, Map<String, Map<String, Integer>> tension,
                           Map<String, Integer> scores, Map<String, Integer> learning) {
        public Snapshot(Window window, long seq, List<CountedCell> cells) {
            this(window, seq, cells, Map.of(), Map.of(), Map.of());
        }
    }

    private final EnumMap<Window, Map<String, Map<String, Long>>> counts = new EnumMap<>(Window.class);
    private final EnumMap<Window, Long> sequences = new EnumMap<>(Window.class);
    private Map<String, Map<String, Integer>> tension = new HashMap<>();
    private Map<String, Integer> municipalityScores = new HashMap<>();
    private Map<String, Integer> learning = Map.of();

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
                deltas.add(new Delta(window, seq, List.copyOf(changed), tensionOf(changed, false), Map.of(), null));
            }
        }
        return deltas;
    }

    /** {@link #applyTension(Map, Map)} with no municipality learning. */
    public List<Delta> applyTension(Map<String, Map<String, Integer>> fresh) {
        return applyTension(fresh, Map.of());
    }

    /**
     * Takes the fresh tension scores of every cell (municipality → category → score; cells absent score 0)
     * and the municipalities still learning (→ days left); returns one delta per window carrying the cells
     * whose score changed (with their count in that window), the municipality scores that changed and the
     * learning map if it changed. Nothing changed, no delta.
     */
    public List<Delta> applyTension(Map<String, Map<String, Integer>> fresh, Map<String, Integer> freshLearning) {
        Map<String, Integer> learningNow = Map.copyOf(freshLearning);
        Map<String, Integer> learningChanged = learningNow.equals(learning) ? null : learningNow;
        learning = learningNow;
        Map<String, Map<String, Integer>> kept = new HashMap<>();
        fresh.forEach((municipality, categories) -> categories.forEach((category, score) -> {
            if (score != null && score > 0) {
                kept.computeIfAbsent(municipality, ignored -> new HashMap<>()).put(category, score);
            }
        }));
        Map<String, Set<String>> changedCells = new TreeMap<>();
        for (Map<String, Map<String, Integer>> side : List.of(tension, kept)) {
            side.forEach((municipality, categories) -> categories.keySet().forEach(category -> {
                Integer before = tension.getOrDefault(municipality, Map.of()).get(category);
                Integer after = kept.getOrDefault(municipality, Map.of()).get(category);
                if (!Objects.equals(before, after)) {
                    changedCells.computeIfAbsent(municipality, ignored -> new TreeSet<>()).add(category);
                }
            }));
        }
        Map<String, Integer> freshScores = new HashMap<>();
        kept.forEach((municipality, categories) -> freshScores.put(municipality,
                categories.values().stream().mapToInt(Integer::intValue).max().orElse(0)));
        Map<String, Integer> changedScores = new TreeMap<>();
        for (String municipality : union(municipalityScores.keySet(), freshScores.keySet())) {
            int after = freshScores.getOrDefault(municipality, 0);
            if (after != municipalityScores.getOrDefault(municipality, 0)) {
                changedScores.put(municipality, after);
            }
        }
        tension = kept;
        municipalityScores = freshScores;
        List<Delta> deltas = new ArrayList<>();
        if (changedCells.isEmpty() && changedScores.isEmpty() && learningChanged == null) {
            return deltas;
        }
        for (Window window : Window.values()) {
            List<CountedCell> cells = new ArrayList<>();
            changedCells.forEach((municipality, categories) -> categories.forEach(category -> cells.add(
                    new CountedCell(municipality, category,
                            counts.get(window).getOrDefault(municipality, Map.of()).getOrDefault(category, 0L)))));
            long seq = sequences.merge(window, 1L, Long::sum);
            deltas.add(new Delta(window, seq, List.copyOf(cells), tensionOf(cells, true), Map.copyOf(changedScores),
                    learningChanged));
        }
        return deltas;
    }

    /** The scores of the given cells: those above 0, or (for a tension delta) every one, 0 included. */
    private Map<String, Map<String, Integer>> tensionOf(List<CountedCell> cells, boolean withZeros) {
        Map<String, Map<String, Integer>> scores = new HashMap<>();
        for (CountedCell cell : cells) {
            int score = tension.getOrDefault(cell.municipalityId(), Map.of()).getOrDefault(cell.categoryId(), 0);
            if (score > 0 || withZeros) {
                scores.computeIfAbsent(cell.municipalityId(), ignored -> new HashMap<>()).put(cell.categoryId(), score);
            }
        }
        return scores;
    }

    private static Set<String> union(Set<String> left, Set<String> right) {
        Set<String> all = new TreeSet<>(left);
        all.addAll(right);
        return all;
    }

    /** Every cell with a count or a score (a scored cell without messages in the window has n = 0). */
    public Snapshot snapshot(Window window) {
        Map<String, Map<String, Long>> cellsShown = new TreeMap<>();
        counts.get(window).forEach((municipality, categories) ->
                cellsShown.computeIfAbsent(municipality, ignored -> new TreeMap<>()).putAll(categories));
        tension.forEach((municipality, categories) -> categories.keySet().forEach(category ->
                cellsShown.computeIfAbsent(municipality, ignored -> new TreeMap<>()).putIfAbsent(category, 0L)));
        List<CountedCell> cells = new ArrayList<>();
        cellsShown.forEach((municipality, categories) -> categories.forEach((category, count) ->
                cells.add(new CountedCell(municipality, category, count))));
        return new Snapshot(window, sequences.get(window), cells, tensionOf(cells, false), Map.copyOf(municipalityScores),
                learning);
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
