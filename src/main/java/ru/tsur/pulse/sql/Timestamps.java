package ru.tsur.pulse.sql;

import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Times between PostgreSQL's {@code timestamptz} columns and the service's {@link Instant}s, one conversion
 * each way for every repository: read as an instant, written as a UTC {@link OffsetDateTime} (what the reactive
 * client binds to {@code timestamptz}). SQL NULL and Java null stand for each other.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The column's value as an instant; null when the column is NULL. */
    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** The instant as a UTC time to bind to a {@code timestamptz} parameter; null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
