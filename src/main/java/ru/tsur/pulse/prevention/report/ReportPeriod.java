package ru.tsur.pulse.prevention.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The days a prevention report covers: {@code from} to {@code to}, both included, as the region's calendar
 * days (an official asks for "1 to 30 November", not for UTC instants), and the weeks the repeat-rate trend
 * is drawn over — seven-day steps from {@code from}, the last one possibly shorter.
 *
 * @param from the first day
 * @param to   the last day (not before {@code from})
 * @param zone the region's time zone, in which the days begin and end
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** Days of the default period, ending today. */
    public static final int DEFAULT_DAYS = 30;
    /** The longest period a report covers. */
    public static final int MAX_DAYS = 366;

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends before it begins");
        }
    }

    /** One week of the period: its first and last day (both included) and how many days it has. */
    public record Week(int index, LocalDate first, LocalDate last) {

        public int days() {
            return (int) ChronoUnit.DAYS.between(first, last) + 1;
        }
    }

    /** The {@value #DEFAULT_DAYS} days ending with {@code today}. */
    public static ReportPeriod lastDays(LocalDate today, ZoneId zone) {
        return new ReportPeriod(today.minusDays(DEFAULT_DAYS - 1), today, zone);
    }

    /** The first instant of the period (midnight of {@code from}). */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The instant after the period (midnight after {@code to}). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Days in the period. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The seven-day weeks from {@code from}; the last ends with {@code to} and may be shorter. */
    public List<Week> weeks() {
        List<Week> weeks = new ArrayList<>();
        for (LocalDate first = from; !first.isAfter(to); first = first.plusDays(7)) {
            LocalDate last = first.plusDays(6).isAfter(to) ? to : first.plusDays(6);
            weeks.add(new Week(weeks.size(), first, last));
        }
        return weeks;
    }

    /** The week an instant inside the period falls in (by the region's calendar day). */
    public int weekOf(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return (int) (ChronoUnit.DAYS.between(from, day) / 7);
    }
}
