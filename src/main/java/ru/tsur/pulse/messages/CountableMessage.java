package ru.tsur.pulse.messages;

import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;

/**
 * What the counters need of a stored message: its id (for exactly-once), cell, event time, and when we
 * received it (for freshness).
 */
public record CountableMessage(long id, String municipalityId, String categoryId, Instant createdAt,
                               Instant receivedAt) {

    static CountableMessage from(Row row) {
        return new CountableMessage(row.getLong("id"), row.getString("municipality_id"), row.getString("category_id"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("received_at").toInstant());
    }
}
