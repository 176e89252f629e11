package ru.tsur.pulse.cases;

import ru.tsur.pulse.calendar.WorkingCalendar;
import ru.tsur.pulse.route.DeadlineClass;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The terms of each deadline class in working time — to the first public reply and to the solution (days
 * count as the calendar's standard working day) — and the due instants they give over the region's
 * calendar. An unknown class is treated as standard.
 */
public final class DeadlinePolicy {

    /** Working time allowed to the first reply and to the solution. */
    public record Terms(Duration firstReply, Duration resolution) {
    }

    private final WorkingCalendar calendar;
    private final Map<DeadlineClass, Terms> terms = new EnumMap<>(DeadlineClass.class);

    public DeadlinePolicy(WorkingCalendar calendar, Map<DeadlineClass, Duration> firstReply,
                          Map<DeadlineClass, Integer> resolutionDays) {
        this.calendar = calendar;
        for (DeadlineClass deadlineClass : DeadlineClass.values()) {
            terms.put(deadlineClass, new Terms(firstReply.get(deadlineClass),
                    calendar.standardDay().multipliedBy(resolutionDays.get(deadlineClass))));
        }
    }

    public static DeadlinePolicy from(WorkingCalendar calendar, CasesConfig config) {
        return new DeadlinePolicy(calendar,
                Map.of(DeadlineClass.URGENT, config.urgentFirstReply(), DeadlineClass.STANDARD, config.standardFirstReply(),
                        DeadlineClass.EXTENDED, config.extendedFirstReply()),
                Map.of(DeadlineClass.URGENT, config.urgentResolutionDays(), DeadlineClass.STANDARD,
                        config.standardResolutionDays(), DeadlineClass.EXTENDED, config.extendedResolutionDays()));
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public Terms terms(String deadlineClass) {
        return terms.get(DeadlineClass.byId(deadlineClass).orElse(DeadlineClass.STANDARD));
    }

    public Instant firstReplyDue(Instant start, String deadlineClass) {
        return calendar.plusWorkingTime(start, terms(deadlineClass).firstReply());
    }

    public Instant resolutionDue(Instant start, String deadlineClass) {
        return calendar.plusWorkingTime(start, terms(deadlineClass).resolution());
    }

    /** Share of {@code allowed} working time used between {@code start} and {@code now} (may exceed 1). */
    public double elapsedShare(Instant start, Duration allowed, Instant now) {
        Duration used = calendar.workingTimeBetween(start, now);
        if (allowed.isZero()) {
            return used.isZero() ? 0 : Double.POSITIVE_INFINITY;
        }
        return (double) used.toSeconds() / allowed.toSeconds();
    }

    /** Working time from {@code start} to {@code end}, in hours. */
    public double workingHours(Instant start, Instant end) {
        return calendar.workingTimeBetween(start, end).toSeconds() / 3600.0;
    }
}
