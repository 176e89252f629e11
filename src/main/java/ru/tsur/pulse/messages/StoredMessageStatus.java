package ru.tsur.pulse.messages;

import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;

/**
 * What {@code GET /api/v1/messages/by-key} answers: a message found by its idempotency key, as stored — its id,
 * when it was received, where and what the pipeline decided it is, and its case once the intake gave it one.
 * Under the Kafka binding the 202 carries no id; this is how a source learns it.
 *
 * @param municipality null when the message could not be placed
 * @param category     null when it could not be classified
 * @param caseId       null until the case intake has run for it
 */
public record StoredMessageStatus(long id, String source, String externalId, Instant receivedAt, String municipality,
                                  String category, Long caseId) {

    static StoredMessageStatus from(Row row) {
        return new StoredMessageStatus(row.getLong("id"), row.getString("source"), row.getString("external_id"),
                row.getOffsetDateTime("received_at").toInstant(), row.getString("municipality_id"),
                row.getString("category_id"), row.getLong("case_id"));
    }
}
