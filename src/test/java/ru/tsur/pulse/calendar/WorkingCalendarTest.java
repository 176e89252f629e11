package ru.tsur.pulse.calendar;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingCalendarTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final WorkingCalendar SPB = WorkingCalendarFile.readResource("calendar/spb.txt", ZoneId.of("UTC"));

    @Test
    void shippedCalendarMatchesTheOfficialYearFigures() {
        assertThat(SPB.zone()).isEqualTo(MOSCOW);
        assertThat(SPB.standardDay()).isEqualTo(Duration.ofHours(8));
        assertThat(SPB.workingDaysIn(2025)).isEqualTo(247);
        assertThat(SPB.workingTimeIn(2025)).isEqualTo(Duration.ofHours(1972));
        assertThat(SPB.workingDaysIn(2026)).isEqualTo(247);
        assertThat(SPB.workingTimeIn(2026)).isEqualTo(Duration.ofHours(1972));
        // 2021: 247 by the decree, less 1–3 November made non-working by the President.
        assertThat(SPB.workingDaysIn(2021)).isEqualTo(244);
    }

    @Test
    void moscowHolidaysAndTransfersOf2025AreAsDecreed() {
        assertThat(SPB.isWorkingDay(LocalDate.of(2025, 2, 24))).as("23 Feb 2025 moved to 8 May, not 24 Feb").isTrue();
        assertThat(SPB.isWorkingDay(LocalDate.of(2025, 3, 10))).as("8 March 2025 moved to 13 June").isTrue();
        assertThat(SPB.isWorkingDay(LocalDate.of(2025, 5, 8))).isFalse();
        assertThat(SPB.isWorkingDay(LocalDate.of(2025, 6, 13))).isFalse();
        assertThat(SPB.isWorkingDay(LocalDate.of(2025, 11, 1))).as("a working Saturday").isTrue();
        assertThat(SPB.isWorkingDay(LocalDate.of(2025, 11, 3))).isFalse();
        assertThat(SPB.isWorkingDay(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(SPB.isWorkingDay(LocalDate.of(2026, 1, 9))).isFalse();
        assertThat(SPB.isWorkingDay(LocalDate.of(2026, 1, 12))).isTrue();
    }

    @Test
    void fridayEveningTermRunsOverTheWeekendAndTheLunchHour() {
        Instant friday = at("2025-10-17T17:30:00+03:00");
        assertThat(SPB.plusWorkingTime(friday, Duration.ofHours(8))).isEqualTo(at("2025-10-20T17:30:00+03:00"));
        assertThat(SPB.workingTimeBetween(friday, at("2025-10-20T17:30:00+03:00"))).isEqualTo(Duration.ofHours(8));
        // Posted after hours on Friday: the clock starts on Monday morning.
        assertThat(SPB.plusWorkingTime(at("2025-10-17T19:00:00+03:00"), Duration.ofHours(2)))
                .isEqualTo(at("2025-10-20T11:00:00+03:00"));
        // A term ending exactly at the close of the day ends then, not on the next morning.
        assertThat(SPB.plusWorkingTime(at("2025-10-17T14:00:00+03:00"), Duration.ofHours(4)))
                .isEqualTo(at("2025-10-17T18:00:00+03:00"));
    }

    @Test
    void newYearHolidaysAndAMovedWorkingSaturdayAreRespected() {
        assertThat(SPB.plusWorkingTime(at("2025-12-30T16:00:00+03:00"), Duration.ofHours(8)))
                .isEqualTo(at("2026-01-12T16:00:00+03:00"));
        // Friday 31 October 2025 evening: the next working time is Saturday 1 November.
        assertThat(SPB.plusWorkingTime(at("2025-10-31T17:00:00+03:00"), Duration.ofHours(2)))
                .isEqualTo(at("2025-11-01T10:00:00+03:00"));
        // 1 November is a pre-holiday day, shortened to 17:00; 2–4 November are off.
        assertThat(SPB.plusWorkingTime(at("2025-11-01T16:30:00+03:00"), Duration.ofHours(1)))
                .isEqualTo(at("2025-11-05T09:30:00+03:00"));
    }

    @Test
    void zonesWithoutDaylightSavingKeepTheirOffsetWhenEuropeChangesClocks() {
        // Last weekend of March 2026 Europe moves its clocks; Moscow and Yekaterinburg do not.
        assertThat(SPB.plusWorkingTime(at("2026-03-27T12:00:00Z"), Duration.ofHours(8))).isEqualTo(at("2026-03-30T12:00:00Z"));
        WorkingCalendar yekaterinburg = calendar("""
                timezone Asia/Yekaterinburg
                hours 08:00-17:00
                """);
        assertThat(yekaterinburg.standardDay()).isEqualTo(Duration.ofHours(9));
        assertThat(yekaterinburg.plusWorkingTime(at("2026-03-27T11:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(at("2026-03-30T04:00:00Z"));
    }

    @Test
    void addingAndMeasuringWorkingTimeAreInverse() {
        Instant start = at("2025-04-28T08:13:00+03:00");
        for (int minutes = 0; minutes < 60 * 24 * 6; minutes += 97) {
            Duration amount = Duration.ofMinutes(minutes);
            Instant end = SPB.plusWorkingTime(start, amount);
            assertThat(SPB.workingTimeBetween(start, end)).as("%s working minutes", minutes).isEqualTo(amount);
        }
    }

    @Test
    void longSpansAgreeWithWalkingDayByDay() {
        // 2020 lies in the summed table; the answer must equal the sum of the days' own working time.
        Instant from = at("2020-10-18T14:50:40+03:00");
        Instant to = at("2026-12-01T12:00:00+03:00");
        Duration walked = Duration.ZERO;
        for (LocalDate day = LocalDate.of(2020, 10, 18); !day.isAfter(LocalDate.of(2026, 12, 1)); day = day.plusDays(1)) {
            for (Instant[] interval : SPB.workingIntervals(day)) {
                Instant start = interval[0].isAfter(from) ? interval[0] : from;
                Instant end = interval[1].isBefore(to) ? interval[1] : to;
                if (end.isAfter(start)) {
                    walked = walked.plus(Duration.between(start, end));
                }
            }
        }
        assertThat(SPB.workingTimeBetween(from, to)).isEqualTo(walked);
        assertThat(SPB.plusWorkingTime(from, walked)).isEqualTo(to);
        assertThat(SPB.plusWorkingTime(from, Duration.ofHours(8 * 400))).isEqualTo(
                SPB.plusWorkingTime(SPB.plusWorkingTime(from, Duration.ofHours(8 * 200)), Duration.ofHours(8 * 200)));
        // Before the table (1999) it walks day by day and gives the same kind of answer.
        assertThat(SPB.workingTimeBetween(at("1999-12-30T09:00:00+03:00"), at("1999-12-31T18:00:00+03:00")))
                .isEqualTo(Duration.ofHours(16));
    }

    @Test
    void badCalendarLinesAreNamed() {
        assertThatThrownBy(() -> calendar("hours 18:00-09:00\n"))
                .hasMessageContaining("line 1").hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> calendar("# fine\nholiday 2025-13-01\n"))
                .hasMessageContaining("line 2").hasMessageContaining("dates read like");
        assertThatThrownBy(() -> calendar("vacation 2025-01-01\n")).hasMessageContaining("unknown statement 'vacation'");
    }

    private static WorkingCalendar calendar(String text) {
        Map<String, String> files = Map.of("test.txt", text);
        return WorkingCalendarFile.read("test.txt",
                name -> new ByteArrayInputStream(files.get(name).getBytes(StandardCharsets.UTF_8)), MOSCOW);
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
