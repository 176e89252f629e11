package ru.tsur.pulse.tools.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Times of a history file: local times in the region's zone or times with an offset, moved by whole weeks on the
 * local time line, and the automatic shift that puts the newest row in the week before now.
 */
class TimeShiftTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void localTimesAreTheZonesAndOffsetsAreKept() {
        assertThat(TimeShift.parse("2020-10-18T14:50:40.817676", MOSCOW))
                .isEqualTo(ZonedDateTime.parse("2020-10-18T14:50:40.817676+03:00[Europe/Moscow]"));
        assertThat(TimeShift.parse(" 2020-10-18 14:50:40 ", MOSCOW))
                .isEqualTo(ZonedDateTime.parse("2020-10-18T14:50:40+03:00[Europe/Moscow]"));
        assertThat(TimeShift.parse("2020-10-18T11:50:40Z", MOSCOW))
                .isEqualTo(ZonedDateTime.parse("2020-10-18T14:50:40+03:00[Europe/Moscow]"));
        assertThatThrownBy(() -> TimeShift.parse("18.10.2020 14:50", MOSCOW)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void aShiftKeepsTheWeekdayAndTheLocalHourAcrossAChangeOfOffset() {
        // Berlin changes to summer time on 2021-03-28: a week on the local time line is then 167 hours
        ZonedDateTime sunday = ZonedDateTime.parse("2021-03-21T10:30+01:00[Europe/Berlin]");
        assertThat(TimeShift.shift(sunday, 1)).isEqualTo(ZonedDateTime.parse("2021-03-28T10:30+02:00[Europe/Berlin]"));
        assertThat(TimeShift.shift(sunday, 0)).isEqualTo(sunday);
    }

    @Test
    void autoPutsTheNewestRowInTheWeekBeforeNow() {
        ZonedDateTime newest = ZonedDateTime.parse("2021-01-31T23:58:10+03:00[Europe/Moscow]");
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        long weeks = TimeShift.autoWeeks(newest, now);
        assertThat(weeks).isEqualTo(304);
        assertThat(TimeShift.shift(newest, weeks)).isEqualTo(ZonedDateTime.parse("2026-11-29T23:58:10+03:00[Europe/Moscow]"));
        // exactly now is within the week; a second later the next week is not yet reached
        assertThat(TimeShift.autoWeeks(newest, TimeShift.shift(newest, 5).toInstant())).isEqualTo(5);
        assertThat(TimeShift.autoWeeks(newest, TimeShift.shift(newest, 5).toInstant().minusSeconds(1))).isEqualTo(4);
        // a row in the future moves back
        assertThat(TimeShift.autoWeeks(newest, newest.toInstant().minusSeconds(1))).isEqualTo(-1);
    }

    @Test
    void autoCountsWeeksOnTheLocalTimeLine() {
        ZonedDateTime newest = ZonedDateTime.parse("2021-03-21T10:30+01:00[Europe/Berlin]");
        // 167 hours later it is the next Sunday 10:30 in Berlin (summer time began): one week, not zero
        Instant sundayAfter = newest.toInstant().plusSeconds(167 * 3600);
        assertThat(TimeShift.autoWeeks(newest, sundayAfter)).isEqualTo(1);
        assertThat(TimeShift.autoWeeks(newest, sundayAfter.minusSeconds(1))).isZero();
        assertThat(newest.getZone()).isEqualTo(BERLIN);
    }
}
