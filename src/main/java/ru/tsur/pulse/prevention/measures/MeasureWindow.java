package ru.tsur.pulse.prevention.measures;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a measure's effect is judged on: {@code weeksBefore} whole weeks before the measure
 * ({@code [beforeFrom, takenAt)}) and up to {@code weeksAfter} weeks after it, as much as has passed by now
 * ({@code [takenAt, afterTo)}). Weeks are counted from the measure's own instant, not from Mondays, so week 0
 * is the measure's first seven days and week −1 the seven days before it.
 *
 * @param daysAfter how much after-time the judgement rests on, in days (fractional; 0 when the measure is
 *                  in the future of {@code now})
 */
public record MeasureWindow(Instant beforeFrom, Instant takenAt, Instant afterTo, int weeksBefore, int weeksAfter,
                            double daysAfter) {

    static final Duration WEEK = Duration.ofDays(7);

    /** The window of a measure taken at {@code takenAt}, judged at {@code now}. */
    public static MeasureWindow of(Instant takenAt, Instant now, int weeksBefore, int weeksAfter) {
        Instant fullAfter = takenAt.plus(WEEK.multipliedBy(weeksAfter));
        Instant afterTo = now.isBefore(takenAt) ? takenAt : now.isBefore(fullAfter) ? now : fullAfter;
        return new MeasureWindow(takenAt.minus(WEEK.multipliedBy(weeksBefore)), takenAt, afterTo, weeksBefore,
                weeksAfter, Duration.between(takenAt, afterTo).toMillis() / 86_400_000.0);
    }

    /**
     * The week of an instant counted from the measure ({@code −weeksBefore … weeksAfter − 1}), as an index
     * from 0 ({@code week + weeksBefore}); −1 when the instant is outside the window.
     */
    public int slot(Instant at) {
        if (at.isBefore(beforeFrom) || !at.isBefore(afterTo)) {
            return -1;
        }
        return (int) Math.floorDiv(Duration.between(beforeFrom, at).toMillis(), WEEK.toMillis());
    }

    /** Number of weekly slots: before and after. */
    public int slots() {
        return weeksBefore + weeksAfter;
    }

    /** Start of a slot. */
    public Instant slotStart(int slot) {
        return beforeFrom.plus(WEEK.multipliedBy(slot));
    }

    /** Days of a slot inside the window: 7, less for the after-week still running, 0 for weeks yet to come. */
    public double slotDays(int slot) {
        Instant start = slotStart(slot);
        Instant end = start.plus(WEEK);
        if (!start.isBefore(afterTo)) {
            return 0;
        }
        Instant until = end.isAfter(afterTo) ? afterTo : end;
        return Duration.between(start, until).toMillis() / 86_400_000.0;
    }
}
