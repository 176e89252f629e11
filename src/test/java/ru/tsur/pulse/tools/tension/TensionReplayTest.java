package ru.tsur.pulse.tools.tension;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.tension.BucketClock;
import ru.tsur.pulse.tension.TensionSettings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The evaluation replay on a synthetic busy city (10 messages an hour in each of two districts): an
 * injected 3× spike is caught in its first bucket, an injection of factor 1 adds nothing and raises
 * nothing, and alert lines have the documented format.
 */
class TensionReplayTest {

    private static final long MONDAY = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() / 3600;
    private static final int WEEKS = 5;

    private static TensionReplay city() {
        List<TensionReplay.Cell> cells = new ArrayList<>();
        for (long bucket = MONDAY; bucket < MONDAY + WEEKS * 168; bucket++) {
            cells.add(new TensionReplay.Cell("Колпино", "roads", "snow", bucket, 10));
            cells.add(new TensionReplay.Cell("Пушкин", "roads", "snow", bucket, 10));
        }
        return TensionReplay.of(cells, ZoneOffset.UTC, 3600);
    }

    @Test
    void anInjectedThreefoldSpikeInABusySeriesIsCaughtInItsFirstBucket() {
        TensionReplay replay = city();
        TensionSettings settings = TensionSettings.defaults(ZoneOffset.UTC);
        LocalDateTime start = LocalDateTime.parse("2024-01-29T10:00");
        List<Integer> delays = replay.trials(settings, MONDAY + 2 * 168, List.of(
                new TensionReplay.Injection("Колпино", "roads", start, 6, 3.0),
                new TensionReplay.Injection("Пушкин", "roads", start, 6, 1.0)), 7);
        assertThat(delays).containsExactly(1, null);
    }

    @Test
    void aReplayWithAnInjectionReportsItsAlertInTheDocumentedFormat() {
        TensionReplay replay = city();
        TensionSettings settings = TensionSettings.defaults(ZoneOffset.UTC);
        TensionReplay.Injection spike = TensionReplay.Injection.parse(
                "municipality=Колпино,category=roads,start=2024-01-29T10:00,hours=6,factor=3");
        TensionReplay.Result quiet = replay.run(settings, MONDAY + 2 * 168, List.of(), 7);
        assertThat(quiet.alerts()).isEmpty();
        assertThat(quiet.series()).isEqualTo(6);

        TensionReplay.Result result = replay.run(settings, MONDAY + 2 * 168, List.of(spike), 7);
        List<String> lines = result.alerts().stream()
                .map(alert -> EvaluateTensionCommand.line(alert.alert(), new BucketClock(3600, ZoneOffset.UTC))).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "alert start=2024-01-29T10:00 end=2024-01-(29|30)T\\d\\d:00 scope=Колпино category=roads topic=- "
                        + "observed=\\d+ expected=\\d+\\.\\d score=\\d+"));
        // The injected messages carry no topic: the region-wide category series fires, the snow topic does not.
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("alert start=2024-01-29T10:00")
                .contains("scope=region category=roads topic=- "));
        assertThat(lines).noneMatch(line -> line.contains("topic=snow"));
        assertThat(lines).noneMatch(line -> line.contains("Пушкин"));
    }

    @Test
    void anInjectionSpecNamesWhatIsMissing() {
        assertThatThrownBy(() -> TensionReplay.Injection.parse("municipality=Колпино,start=2024-01-29T10:00"))
                .hasMessage("--inject needs category=…");
        assertThat(TensionReplay.Injection.parse("municipality=Колпино,category=roads,start=2024-01-29T10:00"))
                .isEqualTo(new TensionReplay.Injection("Колпино", "roads", LocalDateTime.parse("2024-01-29T10:00"), 6, 3.0));
    }
}
