package ru.tsur.pulse.tension;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Numbers time in buckets ({@code floor(epoch seconds / bucket seconds)}) and tells the hour of the week
 * (0 = Monday 00:00 … 167 = Sunday 23:00, local time of the region) a bucket covers, which is what the
 * weekly rhythm is indexed by.
 */
public final class BucketClock {

    /** Hours in a week: the length of the weekly profile. */
    public static final int HOURS_PER_WEEK = 168;

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final long bucketSeconds;
    private final ZoneId zone;

    public BucketClock(long bucketSeconds, ZoneId zone) {
        this.bucketSeconds = bucketSeconds;
        this.zone = zone;
    }

    public long bucketSeconds() {
        return bucketSeconds;
    }

    public ZoneId zone() {
        return zone;
    }

    public long bucketOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), bucketSeconds);
    }

    public Instant start(long bucket) {
        return Instant.ofEpochSecond(bucket * bucketSeconds);
    }

    /** Hour of the week (local) of an instant. */
    public int hourOfWeek(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }

    /** Local wall-clock time of a bucket's start, to the minute ({@code 2021-01-14T09:00}). */
    public String localMinute(long bucket) {
        return LocalDateTime.ofInstant(start(bucket), zone).format(MINUTES);
    }
}
