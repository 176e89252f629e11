package ru.tsur.pulse.console.measures;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.prevention.measures.Verdict;
import ru.tsur.pulse.prevention.measures.WeekCount;
import ru.tsur.pulse.prevention.measures.api.MeasureEffectView;
import ru.tsur.pulse.prevention.measures.api.MeasureItem;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The measures table's row: Russian numbers and words, the interval as percents, the chart's points by hand. */
class MeasureRowTest {

    private static final Instant TAKEN = Instant.parse("2026-03-01T00:00:00Z");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void aJudgedMeasureReadsAsPercentsWithItsIntervalAndItsWeeksAsTwoLines() {
        MeasureEffectView effect = new MeasureEffectView("DECREASE", TAKEN.minusSeconds(56 * 86400),
                TAKEN.plusSeconds(56 * 86400), 56, 6, 1, List.of("a", "b", "c", "d"), 12, 10, 31.2, 0.192, -80.769,
                0.077, 0.478, 0.95, 0.0);
        MeasureItem item = new MeasureItem(7, "Дворники на полный день", null, "spb-kolomna", "Коломна", "improvement",
                "Благоустройство", "Уборка", "building:x", "ул. Садовая, 5", TAKEN, "operator", TAKEN, effect);
        // Weekly rates per 7 days: here 2, 4, 1, 1 × 7/3.5 = 2; the controls × 6/12: 2, 4, 4, 2; the highest 4.
        // x = 20, 60, 100, 140 (160 / 4 weeks); y = 38 − rate / 4 × 36. The week with no days is left out.
        List<WeekCount> weeks = List.of(new WeekCount(-2, TAKEN.minusSeconds(14 * 86400), 7, 2, 4),
                new WeekCount(-1, TAKEN.minusSeconds(7 * 86400), 7, 4, 8), new WeekCount(0, TAKEN, 7, 1, 8),
                new WeekCount(1, TAKEN.plusSeconds(7 * 86400), 3.5, 1, 2));
        assertThat(MeasureRow.of(item, weeks, MOSCOW)).isEqualTo(new MeasureRow(7, "Дворники на полный день", "",
                "Коломна, ул. Садовая, 5", "Благоустройство / Уборка", "01.03.2026", "operator", 6, 1, "31,2", "−81%",
                "от −92% до −52%", "стало меньше", "decrease", "4 для сравнения: 12 → 10",
                "20.0,20.0 60.0,2.0 100.0,29.0 140.0,20.0", "20.0,20.0 60.0,2.0 100.0,2.0 140.0,20.0"));
    }

    @Test
    void tooEarlyOrTooFewShowNoEffectAndNoControlsDrawNoExpectedLine() {
        MeasureEffectView early = new MeasureEffectView("TOO_EARLY", TAKEN, TAKEN, 10.4, 9, 0, List.of(), 0, 0, null,
                null, null, null, null, 0.95, null);
        MeasureItem item = new MeasureItem(8, "Ремонт", "Подробно", "spb-kolomna", "Коломна", "roof", "Кровля", null,
                null, null, TAKEN, "operator", TAKEN, early);
        MeasureRow row = MeasureRow.of(item, List.of(new WeekCount(-1, TAKEN, 7, 0, 0), new WeekCount(0, TAKEN, 0, 0, 0)), MOSCOW);
        assertThat(row).isEqualTo(new MeasureRow(8, "Ремонт", "Подробно", "Коломна", "Кровля", "01.03.2026", "operator",
                9, 0, "—", "—", "", "рано судить: прошло 10 дн. из 14", "too-early", "0 для сравнения: 0 → 0",
                "40.0,38.0", ""));
        assertThat(MeasureRow.signedPercent(-87.5)).isEqualTo("−88%");
        assertThat(MeasureRow.signedPercent(87.5)).isEqualTo("+88%");
        assertThat(MeasureRow.signedPercent(-0.4)).isEqualTo("0%");
        assertThat(MeasureRow.words(Verdict.TOO_FEW, 30)).isEqualTo("мало сообщений или сравнимых мест");
        assertThat(MeasureRow.words(Verdict.INCREASE, 30)).isEqualTo("стало больше");
        assertThat(MeasureRow.words(Verdict.NO_CLEAR_CHANGE, 30)).isEqualTo("явного изменения нет");
    }
}
