package ru.tsur.pulse.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Working time of a region: its time zone, the working periods of a day (e.g. 09:00–13:00 and
 * 14:00–18:00), weekly days off, public holidays, working days moved onto a weekend, and pre-holiday days
 * shortened at their end. Deadlines "in working hours" are measured and added with it. Plain logic; the
 * dates come from an editable file ({@link WorkingCalendarFile}). The working seconds of every day from
 * 2000 to 2059 are summed up front, so measuring or adding months of working time costs a few lookups,
 * not a walk over every day (the deadline watcher does it for every open case each round).
 */
public final class WorkingCalendar {

    /** One working period of a day, local time, {@code start < end}. */
    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("A working period must end after it starts: " + start + "-" + end);
            }
        }
    }

    /** Beyond this many days a search for working time gives up (a calendar with no working days at all). */
    private static final int SEARCH_DAYS = 3660;
    private static final LocalDate TABLE_FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate TABLE_TO = LocalDate.of(2060, 1, 1);

    private final ZoneId zone;
    private final List<Period> periods;
    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final Set<LocalDate> shortDays;
    private final Duration shortening;
    private final Duration standardDay;
    /** {@code secondsBefore[i]}: working seconds of the days from {@link #TABLE_FROM} up to, not including, day i. */
    private final long[] secondsBefore;

    public WorkingCalendar(ZoneId zone, List<Period> periods, Set<DayOfWeek> weekend, Set<LocalDate> holidays,
                           Set<LocalDate> workdays, Set<LocalDate> shortDays, Duration shortening) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("A working calendar needs at least one working period a day");
        }
        this.zone = zone;
        this.periods = List.copyOf(periods);
        this.weekend = Set.copyOf(weekend);
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
        this.shortDays = Set.copyOf(shortDays);
        this.shortening = shortening;
        this.standardDay = this.periods.stream().map(period -> Duration.between(period.start(), period.end()))
                .reduce(Duration.ZERO, Duration::plus);
        int days = (int) (TABLE_TO.toEpochDay() - TABLE_FROM.toEpochDay());
        this.secondsBefore = new long[days + 1];
        LocalDate day = TABLE_FROM;
        for (int index = 0; index < days; index++, day = day.plusDays(1)) {
            long seconds = 0;
            for (Instant[] interval : workingIntervals(day)) {
                seconds += Duration.between(interval[0], interval[1]).toSeconds();
            }
            secondsBefore[index + 1] = secondsBefore[index] + seconds;
        }
    }

    /** Whether whole days from {@code first} to {@code last} (inclusive) are in the summed table. */
    private static boolean inTable(LocalDate first, LocalDate last) {
        return !first.isBefore(TABLE_FROM) && last.isBefore(TABLE_TO);
    }

    private static int tableIndex(LocalDate day) {
        return (int) (day.toEpochDay() - TABLE_FROM.toEpochDay());
    }

    public ZoneId zone() {
        return zone;
    }

    /** Working time of an ordinary (not shortened) working day: what "one working day" of a term means. */
    public Duration standardDay() {
        return standardDay;
    }

    /** Whether a date is listed as a public holiday or a day off moved onto a weekday (weekends aside). */
    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    /** A holiday is off even on a weekday; a listed working day is on even on a weekend. */
    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        return workdays.contains(date) || !weekend.contains(date.getDayOfWeek());
    }

    /** The working periods of a date as instants, in order; empty on a day off. */
    public List<Instant[]> workingIntervals(LocalDate date) {
        if (!isWorkingDay(date)) {
            return List.of();
        }
        List<Instant[]> intervals = new ArrayList<>(periods.size());
        for (Period period : periods) {
            intervals.add(new Instant[]{ZonedDateTime.of(date, period.start(), zone).toInstant(),
                    ZonedDateTime.of(date, period.end(), zone).toInstant()});
        }
        if (shortDays.contains(date)) {
            shorten(intervals);
        }
        return intervals;
    }

    /** Cuts {@link #shortening} off the end of the day, from the last period backwards. */
    private void shorten(List<Instant[]> intervals) {
        Duration left = shortening;
        for (int index = intervals.size() - 1; index >= 0 && !left.isZero() && !left.isNegative(); index--) {
            Instant[] interval = intervals.get(index);
            Duration length = Duration.between(interval[0], interval[1]);
            if (length.compareTo(left) <= 0) {
                intervals.remove(index);
                left = left.minus(length);
            } else {
                interval[1] = interval[1].minus(left);
                left = Duration.ZERO;
            }
        }
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        if (first.equals(last)) {
            return workingTimeWithin(first, from, to);
        }
        Duration total = workingTimeWithin(first, from, to).plus(workingTimeWithin(last, from, to));
        LocalDate wholeFrom = first.plusDays(1);
        LocalDate wholeTo = last.minusDays(1);
        if (wholeTo.isBefore(wholeFrom)) {
            return total;
        }
        if (inTable(wholeFrom, wholeTo)) {
            return total.plusSeconds(secondsBefore[tableIndex(wholeTo) + 1] - secondsBefore[tableIndex(wholeFrom)]);
        }
        for (LocalDate day = wholeFrom; !day.isAfter(wholeTo); day = day.plusDays(1)) {
            total = total.plus(workingTimeWithin(day, from, to));
        }
        return total;
    }

    /** Working time of one day that lies between {@code from} and {@code to}. */
    private Duration workingTimeWithin(LocalDate day, Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (Instant[] interval : workingIntervals(day)) {
            Instant start = interval[0].isAfter(from) ? interval[0] : from;
            Instant end = interval[1].isBefore(to) ? interval[1] : to;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code from}. A term that ends
     * exactly at the close of a working period ends there (not at the next opening).
     */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Working time to add must not be negative: " + amount);
        }
        Duration left = amount;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int searched = 0; searched < SEARCH_DAYS; searched++, day = day.plusDays(1)) {
            if (searched == 1 && inTable(day, day)) {
                // Whole days that do not use up what is left are skipped with the table.
                LocalDate jumpTo = firstDayNeeded(day, left);
                left = left.minusSeconds(secondsBefore[tableIndex(jumpTo)] - secondsBefore[tableIndex(day)]);
                searched += (int) (jumpTo.toEpochDay() - day.toEpochDay());
                day = jumpTo;
            }
            for (Instant[] interval : workingIntervals(day)) {
                Instant start = interval[0].isAfter(from) ? interval[0] : from;
                if (!interval[1].isAfter(start)) {
                    continue;
                }
                if (left.isZero()) {
                    return start;
                }
                Duration available = Duration.between(start, interval[1]);
                if (available.compareTo(left) >= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("No working time within " + SEARCH_DAYS + " days of " + from);
    }

    /**
     * The first day, from {@code day} on, whose working time is needed to use up {@code left}: every day
     * before it together has less than {@code left} (the table's last day if none does). {@code day} must
     * be in the table.
     */
    private LocalDate firstDayNeeded(LocalDate day, Duration left) {
        int start = tableIndex(day);
        int low = start;
        int high = secondsBefore.length - 2;
        // Smallest index i >= start with working time of days [start, i] >= left.
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Duration.ofSeconds(secondsBefore[middle + 1] - secondsBefore[start]).compareTo(left) >= 0) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return TABLE_FROM.plusDays(low);
    }

    /** Working days (weekdays not off, plus moved working days) in a year — to check a calendar file. */
    public int workingDaysIn(int year) {
        int count = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** Working hours in a year, shortened days included — the "норма часов" of the production calendar. */
    public Duration workingTimeIn(int year) {
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        return workingTimeBetween(start, end);
    }
}
