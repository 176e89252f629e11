package ru.tsur.pulse.prevention.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The report's weeks, the weekly repeat rate and the Cochran–Armitage trend, with answers worked by hand. */
class RepeatRateTrendTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void aPeriodIsCutIntoSevenDayWeeksFromItsFirstDayTheLastOneShorter() {
        ReportPeriod november = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), MOSCOW);
        assertThat(november.weeks()).extracting(week -> week.first() + ".." + week.last() + " " + week.days())
                .containsExactly("2026-11-01..2026-11-07 7", "2026-11-08..2026-11-14 7", "2026-11-15..2026-11-21 7",
                        "2026-11-22..2026-11-28 7", "2026-11-29..2026-11-30 2");
        assertThat(november.start()).isEqualTo(Instant.parse("2026-10-31T21:00:00Z"));
        assertThat(november.end()).isEqualTo(Instant.parse("2026-11-30T21:00:00Z"));
        assertThat(november.days()).isEqualTo(30);
        // 8 November 00:30 in Moscow is still 7 November in UTC: the week is the region's calendar day's.
        assertThat(november.weekOf(Instant.parse("2026-11-07T21:30:00Z"))).isEqualTo(1);
        assertThat(november.weekOf(Instant.parse("2026-11-07T20:30:00Z"))).isEqualTo(0);
        assertThat(ReportPeriod.lastDays(LocalDate.of(2026, 12, 3), MOSCOW))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 11, 4), LocalDate.of(2026, 12, 3), MOSCOW));
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1), MOSCOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSteadyRiseOfTenPercentagePointsAWeekOnFiftyCasesAWeekIsRising() {
        // n = 50, 50, 50; r = 5, 10, 20: p̄ = 35/150, t̄ = 1, S = 100, b = (−5 + 20)/100 = 0.15,
        // se = √(0.2333·0.7667/100) = 0.042295, interval 0.15 ± 0.0829 = [0.0671, 0.2329], z = 3.5465.
        ReportPeriod period = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 21), MOSCOW);
        RepeatRateSection section = RepeatRateTrend.section(period, List.of(new RepeatRateTrend.WeekCount(0, 50, 5),
                new RepeatRateTrend.WeekCount(1, 50, 10), new RepeatRateTrend.WeekCount(2, 50, 20)));
        assertThat(section.cases()).isEqualTo(150);
        assertThat(section.repeats()).isEqualTo(35);
        assertThat(section.rate()).isCloseTo(0.233333, within(1e-6));
        assertThat(section.weeks()).extracting(RepeatRateSection.WeekRate::rate).containsExactly(0.1, 0.2, 0.4);
        RepeatRateSection.Trend trend = section.trend();
        assertThat(trend.slopePerWeek()).isCloseTo(0.15, within(1e-9));
        assertThat(trend.low()).isCloseTo(0.067102, within(1e-6));
        assertThat(trend.high()).isCloseTo(0.232898, within(1e-6));
        assertThat(trend.z()).isCloseTo(3.546497, within(1e-6));
        assertThat(trend.direction()).isEqualTo(RepeatRateSection.Direction.RISING);
        assertThat(trend.fittedFirst()).isCloseTo(0.083333, within(1e-6));
        assertThat(trend.fittedLast()).isCloseTo(0.383333, within(1e-6));
        assertThat(ReportText.trend(trend)).isEqualTo("растёт: +15,0 п. п. в неделю (95 % интервал от +6,7 п. п. до +23,3 п. п.)");
    }

    @Test
    void theSameRiseOnTenCasesAWeekIsNotEnoughToCallItATrend() {
        // n = 10, 10, 10; r = 1, 2, 3: p̄ = 0.2, S = 20, b = 0.1, se = √(0.16/20) = 0.089443,
        // interval [−0.0753, 0.2753] holds 0: flat.
        ReportPeriod period = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 21), MOSCOW);
        RepeatRateSection.Trend trend = RepeatRateTrend.section(period, List.of(new RepeatRateTrend.WeekCount(0, 10, 1),
                new RepeatRateTrend.WeekCount(1, 10, 2), new RepeatRateTrend.WeekCount(2, 10, 3))).trend();
        assertThat(trend.slopePerWeek()).isCloseTo(0.1, within(1e-9));
        assertThat(trend.low()).isCloseTo(-0.075308, within(1e-6));
        assertThat(trend.high()).isCloseTo(0.275308, within(1e-6));
        assertThat(trend.direction()).isEqualTo(RepeatRateSection.Direction.FLAT);
        assertThat(ReportText.trend(trend)).startsWith("без выраженной тенденции: +10,0 п. п. в неделю");
    }

    @Test
    void aFallWeighsWeeksByTheirCasesAndSkipsEmptyWeeks() {
        // Weeks 0, 2, 3 with n = 100, 20, 100 and r = 40, 6, 10; week 1 had no case and carries no weight.
        // t̄ = (0 + 40 + 300)/220 = 1.545455; S = 100·2.388430 + 20·0.206612 + 100·2.115702 = 454.5455;
        // b = (−1.545455·40 + 0.454545·6 + 1.454545·10)/454.5455 = −44.54545/454.5455 = −0.098;
        // p̄ = 56/220, se = √(0.254545·0.745455/454.5455) = 0.020432: [−0.1380, −0.0580], falling.
        ReportPeriod period = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 28), MOSCOW);
        RepeatRateSection section = RepeatRateTrend.section(period, List.of(new RepeatRateTrend.WeekCount(0, 100, 40),
                new RepeatRateTrend.WeekCount(2, 20, 6), new RepeatRateTrend.WeekCount(3, 100, 10)));
        assertThat(section.weeks()).extracting(RepeatRateSection.WeekRate::cases).containsExactly(100L, 0L, 20L, 100L);
        RepeatRateSection.Trend trend = section.trend();
        assertThat(trend.slopePerWeek()).isCloseTo(-0.098, within(1e-9));
        assertThat(trend.low()).isCloseTo(-0.138046, within(1e-6));
        assertThat(trend.high()).isCloseTo(-0.057954, within(1e-6));
        assertThat(trend.direction()).isEqualTo(RepeatRateSection.Direction.FALLING);
        assertThat(trend.firstWeek()).isZero();
        assertThat(trend.lastWeek()).isEqualTo(3);
    }

    @Test
    void fewerThanThreeWeeksWithCasesGiveNoTrend() {
        ReportPeriod period = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 28), MOSCOW);
        RepeatRateSection section = RepeatRateTrend.section(period, List.of(new RepeatRateTrend.WeekCount(0, 100, 40),
                new RepeatRateTrend.WeekCount(3, 100, 10)));
        assertThat(section.trend()).isNull();
        assertThat(section.rate()).isEqualTo(0.25);
        assertThat(ReportText.trend(null)).isEqualTo("недостаточно данных: меньше 3 недель с обращениями");
        assertThat(RepeatRateTrend.section(period, List.of()).rate()).isZero();
        assertThatThrownBy(() -> RepeatRateTrend.section(period, List.of(new RepeatRateTrend.WeekCount(4, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noRepeatAtAllIsFlatAtZero() {
        ReportPeriod period = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 21), MOSCOW);
        RepeatRateSection.Trend trend = RepeatRateTrend.section(period, List.of(new RepeatRateTrend.WeekCount(0, 5, 0),
                new RepeatRateTrend.WeekCount(1, 5, 0), new RepeatRateTrend.WeekCount(2, 5, 0))).trend();
        assertThat(trend.slopePerWeek()).isZero();
        assertThat(trend.low()).isZero();
        assertThat(trend.high()).isZero();
        assertThat(trend.direction()).isEqualTo(RepeatRateSection.Direction.FLAT);
    }
}
