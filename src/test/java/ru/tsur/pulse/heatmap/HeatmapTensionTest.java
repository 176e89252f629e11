package ru.tsur.pulse.heatmap;

import com.fasterxml.jackson.databind.ObjectMapper;
import ru.tsur.pulse.screens.ScreenFrames;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.counters.WindowCounts;
import ru.tsur.pulse.domain.CountedCell;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tension scores in heat-map state and frames: a score change alone is a delta, with "t" and "scores". */
class HeatmapTensionTest {

    private static final String KOLPINO = "spb-kolpino";
    private static final String PUSHKIN = "spb-pushkin";
    private static final Instant AT = Instant.parse("2021-01-14T09:00:00Z");

    private final HeatmapState state = new HeatmapState();
    private final HeatmapFrames frames = new HeatmapFrames(new ScreenFrames(new ObjectMapper()));

    private static WindowCounts counts(String municipality, long hour, long day, long week) {
        EnumMap<Window, Map<String, Long>> byWindow = new EnumMap<>(Window.class);
        byWindow.put(Window.HOUR, Map.of("improvement", hour));
        byWindow.put(Window.DAY, Map.of("improvement", day));
        byWindow.put(Window.WEEK, Map.of("improvement", week));
        return new WindowCounts(municipality, byWindow);
    }

    @Test
    void aScoreChangeAloneIsADeltaInEveryWindowCarryingCountsScoresAndTheMunicipalityMaximum() {
        state.apply(List.of(counts(KOLPINO, 3, 10, 40)));
        List<HeatmapState.Delta> deltas = state.applyTension(Map.of(KOLPINO, Map.of("improvement", 88, "roof", 40)));
        assertThat(deltas).extracting(HeatmapState.Delta::window).containsExactly(Window.HOUR, Window.DAY, Window.WEEK);
        assertThat(deltas).extracting(HeatmapState.Delta::seq).containsExactly(2L, 2L, 2L);
        assertThat(frames.delta(deltas.get(0), AT)).isEqualTo("""
                {"type":"delta","window":"1h","seq":2,"at":"2021-01-14T09:00:00Z","cells":[\
                {"m":"spb-kolpino","c":"improvement","n":3,"t":88},{"m":"spb-kolpino","c":"roof","n":0,"t":40}],\
                "scores":[{"m":"spb-kolpino","t":88}]}""");
        assertThat(frames.delta(deltas.get(2), AT)).contains("{\"m\":\"spb-kolpino\",\"c\":\"improvement\",\"n\":40,\"t\":88}");
    }

    @Test
    void unchangedScoresGiveNoDeltaAndAFadedScoreIsSentAsZero() {
        state.applyTension(Map.of(KOLPINO, Map.of("improvement", 88), PUSHKIN, Map.of("improvement", 30)));
        assertThat(state.applyTension(Map.of(KOLPINO, Map.of("improvement", 88), PUSHKIN, Map.of("improvement", 30)))).isEmpty();
        List<HeatmapState.Delta> faded = state.applyTension(Map.of(PUSHKIN, Map.of("improvement", 30)));
        assertThat(frames.delta(faded.get(0), AT)).isEqualTo("""
                {"type":"delta","window":"1h","seq":2,"at":"2021-01-14T09:00:00Z","cells":[\
                {"m":"spb-kolpino","c":"improvement","n":0,"t":0}],"scores":[{"m":"spb-kolpino","t":0}]}""");
    }

    @Test
    void countDeltasCarryTheCellsScoreAndSnapshotsEveryScoredCell() {
        state.applyTension(Map.of(KOLPINO, Map.of("improvement", 88), PUSHKIN, Map.of("roof", 20)));
        List<HeatmapState.Delta> counted = state.apply(List.of(counts(KOLPINO, 3, 10, 40)));
        assertThat(counted.get(0).cells()).containsExactly(new CountedCell(KOLPINO, "improvement", 3));
        assertThat(frames.delta(counted.get(0), AT)).isEqualTo("""
                {"type":"delta","window":"1h","seq":2,"at":"2021-01-14T09:00:00Z","cells":[\
                {"m":"spb-kolpino","c":"improvement","n":3,"t":88}]}""");
        assertThat(frames.snapshot(state.snapshot(Window.HOUR), "spb", AT)).isEqualTo("""
                {"type":"snapshot","window":"1h","seq":2,"at":"2021-01-14T09:00:00Z","region":"spb","cells":[\
                {"m":"spb-kolpino","c":"improvement","n":3,"t":88},{"m":"spb-pushkin","c":"roof","n":0,"t":20}],\
                "scores":[{"m":"spb-kolpino","t":88},{"m":"spb-pushkin","t":20}],"learning":{}}""");
    }

    @Test
    void theLearningMapTravelsWithEverySnapshotAndWithADeltaOfEveryWindowOnlyWhenItChanges() {
        state.apply(List.of(counts(KOLPINO, 3, 10, 40)));
        List<HeatmapState.Delta> learning = state.applyTension(Map.of(), Map.of(KOLPINO, 9, PUSHKIN, 9));
        assertThat(learning).extracting(HeatmapState.Delta::seq).containsExactly(2L, 2L, 2L);
        assertThat(frames.delta(learning.get(0), AT)).isEqualTo("""
                {"type":"delta","window":"1h","seq":2,"at":"2021-01-14T09:00:00Z","cells":[],\
                "learning":{"spb-kolpino":9,"spb-pushkin":9}}""");
        assertThat(state.applyTension(Map.of(), Map.of(KOLPINO, 9, PUSHKIN, 9))).isEmpty();
        assertThat(frames.snapshot(state.snapshot(Window.DAY), "spb", AT)).isEqualTo("""
                {"type":"snapshot","window":"24h","seq":2,"at":"2021-01-14T09:00:00Z","region":"spb","cells":[\
                {"m":"spb-kolpino","c":"improvement","n":10}],"scores":[],"learning":{"spb-kolpino":9,"spb-pushkin":9}}""");
        List<HeatmapState.Delta> learned = state.applyTension(Map.of(KOLPINO, Map.of("improvement", 12)), Map.of());
        assertThat(frames.delta(learned.get(0), AT)).isEqualTo("""
                {"type":"delta","window":"1h","seq":3,"at":"2021-01-14T09:00:00Z","cells":[\
                {"m":"spb-kolpino","c":"improvement","n":3,"t":12}],"scores":[{"m":"spb-kolpino","t":12}],"learning":{}}""");
    }
}
