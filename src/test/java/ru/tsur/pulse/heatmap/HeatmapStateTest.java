package ru.tsur.pulse.heatmap;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.counters.WindowCounts;
import ru.tsur.pulse.domain.CountedCell;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeatmapStateTest {

    private static final String KOLPINO = "spb-kolpino";
    private static final String MO_65 = "spb-mo-65";
    private static final String PARNAS = "spb-parnas";

    private final HeatmapState state = new HeatmapState();

    private static WindowCounts counts(String municipalityId, Map<String, Long> hour, Map<String, Long> day,
                                       Map<String, Long> week) {
        EnumMap<Window, Map<String, Long>> byWindow = new EnumMap<>(Window.class);
        if (hour != null) {
            byWindow.put(Window.HOUR, hour);
        }
        if (day != null) {
            byWindow.put(Window.DAY, day);
        }
        if (week != null) {
            byWindow.put(Window.WEEK, week);
        }
        return new WindowCounts(municipalityId, byWindow);
    }

    private static CountedCell cell(String municipalityId, String categoryId, long count) {
        return new CountedCell(municipalityId, categoryId, count);
    }

    /** Asserts one delta: its window and sequence exactly, its cells in any order. */
    private static void assertDelta(HeatmapState.Delta delta, Window window, long seq, CountedCell... cells) {
        assertThat(delta.window()).isEqualTo(window);
        assertThat(delta.seq()).isEqualTo(seq);
        assertThat(delta.cells()).containsExactlyInAnyOrder(cells);
    }

    @Test
    void emptyStateHasEmptySnapshotsAtSequenceZero() {
        for (Window window : Window.values()) {
            assertThat(state.sequence(window)).isZero();
            assertThat(state.snapshot(window)).isEqualTo(new HeatmapState.Snapshot(window, 0, List.of()));
        }
        assertThat(state.apply(List.of())).isEmpty();
    }

    @Test
    void firstApplyGivesOneDeltaWithSequenceOnePerWindowWithCounts() {
        List<HeatmapState.Delta> deltas = state.apply(List.of(
                counts(KOLPINO, Map.of("improvement", 2L), Map.of("improvement", 5L, "roof", 1L),
                        Map.of("improvement", 9L, "roof", 3L, "heating", 0L)),
                counts(MO_65, Map.of(), Map.of(), Map.of("sanitary", 1L))));

        assertThat(deltas).extracting(HeatmapState.Delta::window)
                .containsExactly(Window.HOUR, Window.DAY, Window.WEEK);
        assertDelta(deltas.get(0), Window.HOUR, 1, cell(KOLPINO, "improvement", 2));
        assertDelta(deltas.get(1), Window.DAY, 1, cell(KOLPINO, "improvement", 5), cell(KOLPINO, "roof", 1));
        assertDelta(deltas.get(2), Window.WEEK, 1, cell(KOLPINO, "improvement", 9), cell(KOLPINO, "roof", 3),
                cell(MO_65, "sanitary", 1));
    }

    @Test
    void windowsWithoutCountsGetNoDelta() {
        List<HeatmapState.Delta> deltas = state.apply(List.of(
                counts(PARNAS, Map.of("water-supply", 0L), null, Map.of("water-supply", 4L))));

        assertThat(deltas).hasSize(1);
        assertDelta(deltas.get(0), Window.WEEK, 1, cell(PARNAS, "water-supply", 4));
        assertThat(state.sequence(Window.HOUR)).isZero();
        assertThat(state.sequence(Window.DAY)).isZero();
        assertThat(state.sequence(Window.WEEK)).isEqualTo(1);
    }

    @Test
    void unchangedCountsGiveNoDeltaAndKeepTheSequence() {
        List<WindowCounts> fresh = List.of(
                counts(KOLPINO, Map.of("improvement", 2L), Map.of("improvement", 5L), Map.of("improvement", 9L)));
        state.apply(fresh);

        assertThat(state.apply(fresh)).isEmpty();
        // Equal counts in new map instances (and explicit zeros) are still no change.
        Map<String, Long> hour = new HashMap<>(Map.of("improvement", 2L));
        hour.put("roof", 0L);
        hour.put("heating", null);
        assertThat(state.apply(List.of(counts(KOLPINO, hour, new HashMap<>(Map.of("improvement", 5L)),
                new HashMap<>(Map.of("improvement", 9L)))))).isEmpty();

        for (Window window : Window.values()) {
            assertThat(state.sequence(window)).isEqualTo(1);
        }
    }

    @Test
    void onlyChangedCellsAreSent() {
        state.apply(List.of(
                counts(KOLPINO, Map.of("improvement", 2L, "roof", 1L), Map.of(), Map.of()),
                counts(MO_65, Map.of("sanitary", 1L), Map.of(), Map.of())));

        List<HeatmapState.Delta> deltas = state.apply(List.of(
                counts(KOLPINO, Map.of("improvement", 3L, "roof", 1L), Map.of(), Map.of())));

        assertThat(deltas).hasSize(1);
        assertDelta(deltas.get(0), Window.HOUR, 2, cell(KOLPINO, "improvement", 3));
        // Municipalities missing from the fresh counts keep what was published.
        assertThat(state.snapshot(Window.HOUR)).isEqualTo(new HeatmapState.Snapshot(Window.HOUR, 2, List.of(
                cell(KOLPINO, "improvement", 3), cell(KOLPINO, "roof", 1), cell(MO_65, "sanitary", 1))));
    }

    @Test
    void cellFallingToZeroIsSentAsZeroAndLeavesTheSnapshot() {
        state.apply(List.of(
                counts(KOLPINO, Map.of("improvement", 2L, "roof", 1L), Map.of("improvement", 2L, "roof", 1L), null)));

        // The hour slid past the roof message; the day still has it.
        List<HeatmapState.Delta> deltas = state.apply(List.of(
                counts(KOLPINO, Map.of("improvement", 2L, "roof", 0L), Map.of("improvement", 2L, "roof", 1L), null)));

        assertThat(deltas).hasSize(1);
        assertDelta(deltas.get(0), Window.HOUR, 2, cell(KOLPINO, "roof", 0));
        assertThat(state.snapshot(Window.HOUR)).isEqualTo(new HeatmapState.Snapshot(Window.HOUR, 2,
                List.of(cell(KOLPINO, "improvement", 2))));
        assertThat(state.snapshot(Window.DAY)).isEqualTo(new HeatmapState.Snapshot(Window.DAY, 1,
                List.of(cell(KOLPINO, "improvement", 2), cell(KOLPINO, "roof", 1))));
    }

    @Test
    void municipalityWhoseCellsAllFallToZeroIsSentAsZerosAndLeavesTheSnapshot() {
        state.apply(List.of(
                counts(KOLPINO, Map.of("improvement", 2L, "roof", 1L), null, null),
                counts(MO_65, Map.of("sanitary", 1L), null, null)));

        List<HeatmapState.Delta> deltas = state.apply(List.of(counts(KOLPINO, Map.of(), null, null)));

        assertThat(deltas).hasSize(1);
        assertDelta(deltas.get(0), Window.HOUR, 2, cell(KOLPINO, "improvement", 0), cell(KOLPINO, "roof", 0));
        assertThat(state.snapshot(Window.HOUR)).isEqualTo(new HeatmapState.Snapshot(Window.HOUR, 2,
                List.of(cell(MO_65, "sanitary", 1))));
        // Once gone, zero again is no change.
        assertThat(state.apply(List.of(counts(KOLPINO, Map.of("roof", 0L), null, null)))).isEmpty();
        assertThat(state.sequence(Window.HOUR)).isEqualTo(2);
    }

    @Test
    void snapshotsAreSortedByMunicipalityThenCategory() {
        state.apply(List.of(
                counts(PARNAS, null, null, Map.of("water-supply", 4L, "heating", 2L, "improvement", 7L)),
                counts(KOLPINO, null, null, Map.of("roof", 1L, "basements", 3L)),
                counts(MO_65, null, null, Map.of("sanitary", 1L))));

        assertThat(state.snapshot(Window.WEEK)).isEqualTo(new HeatmapState.Snapshot(Window.WEEK, 1, List.of(
                cell(KOLPINO, "basements", 3), cell(KOLPINO, "roof", 1),
                cell(MO_65, "sanitary", 1),
                cell(PARNAS, "heating", 2), cell(PARNAS, "improvement", 7), cell(PARNAS, "water-supply", 4))));
        assertThat(state.snapshot(Window.HOUR)).isEqualTo(new HeatmapState.Snapshot(Window.HOUR, 0, List.of()));
    }

    @Test
    void sequencesOfWindowsAreIndependent() {
        state.apply(List.of(counts(KOLPINO, Map.of("roof", 1L), Map.of("roof", 1L), Map.of("roof", 1L))));
        state.apply(List.of(counts(KOLPINO, Map.of("roof", 2L), Map.of("roof", 2L), Map.of("roof", 2L))));
        state.apply(List.of(counts(KOLPINO, Map.of("roof", 2L), Map.of("roof", 3L), Map.of("roof", 3L))));
        List<HeatmapState.Delta> deltas = state.apply(
                List.of(counts(KOLPINO, Map.of("roof", 2L), Map.of("roof", 3L), Map.of("roof", 4L))));

        assertThat(deltas).containsExactly(
                new HeatmapState.Delta(Window.WEEK, 4, List.of(cell(KOLPINO, "roof", 4))));
        assertThat(state.sequence(Window.HOUR)).isEqualTo(2);
        assertThat(state.sequence(Window.DAY)).isEqualTo(3);
        assertThat(state.sequence(Window.WEEK)).isEqualTo(4);
        assertThat(state.snapshot(Window.DAY))
                .isEqualTo(new HeatmapState.Snapshot(Window.DAY, 3, List.of(cell(KOLPINO, "roof", 3))));
    }

    @Test
    void publishedStateDoesNotShareTheCallersMaps() {
        Map<String, Long> hour = new HashMap<>(Map.of("roof", 1L));
        state.apply(List.of(counts(KOLPINO, hour, null, null)));
        hour.put("roof", 5L);

        assertThat(state.snapshot(Window.HOUR).cells()).containsExactly(cell(KOLPINO, "roof", 1));
    }
}
