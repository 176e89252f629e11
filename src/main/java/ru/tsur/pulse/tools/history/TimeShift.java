package ru.tsur.pulse.tools.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Times of a history file: read in the region's zone, and moved by whole weeks. Real history is old (the St
 * Petersburg export ends in January 2021) while the tension detector warms from the last 56 days, so an
 * unshifted file warms nothing; a shift of whole weeks on the local time line keeps each message's weekday
 * and hour of day — the weekly rhythm the baselines learn — and {@link #autoWeeks} picks the shift that puts
 * the newest message within the week before now. Plain code.
 */
public final class TimeShift {

    private static final Duration WEEK = Duration.ofDays(7);

    private TimeShift() {
    }

    /**
     * A {@code created_at} value: ISO-8601 with an offset ({@code 2020-10-18T14:50:40+03:00}), or a local time
     * ({@code 2020-10-18T14:50:40.817676}, also with a space for the {@code T}) in {@code zone}.
     *
     * @throws DateTimeParseException when it is neither
     */
    public static ZonedDateTime parse(String value, ZoneId zone) {
        String text = value.strip();
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        try {
            return LocalDateTime.parse(text).atZone(zone);
        } catch (DateTimeParseException local) {
            return OffsetDateTime.parse(text).atZoneSameInstant(zone);
        }
    }

    /** {@code time} moved by {@code weeks} weeks on its zone's local time line: same weekday, same hour. */
    public static ZonedDateTime shift(ZonedDateTime time, long weeks) {
        return time.plusWeeks(weeks);
    }

    /**
     * The whole weeks that move {@code newest} into the week before {@code now}: the largest shift that does
     * not put it after {@code now} (so the shifted newest lies in {@code (now − 7 days, now]}). Negative when
     * {@code newest} lies in the future.
     */
    public static long autoWeeks(ZonedDateTime newest, Instant now) {
        long weeks = Math.floorDiv(Duration.between(newest.toInstant(), now).toSeconds(), WEEK.toSeconds());
        // A week on the local time line is 7 × 24 h except across a change of the zone's offset.
        while (shift(newest, weeks).toInstant().isAfter(now)) {
            weeks--;
        }
        while (!shift(newest, weeks + 1).toInstant().isAfter(now)) {
            weeks++;
        }
        return weeks;
    }
}
