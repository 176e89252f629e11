package ru.tsur.pulse.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;

/**
 * A message as the resident wrote it — the original text, the author, the address — for the operator who
 * must call back or pass it to an executor. Personal data: only operators and admins read it, and every read
 * is audited ({@code personal-data.read}); everything else in the service shows the masked display text.
 */
@RegisterForReflection
public record OriginalMessage(long id, String source, String externalId, Instant createdAt, String text, String author,
                              String address, Long caseId) {

    static OriginalMessage from(Row row) {
        return new OriginalMessage(row.getLong("id"), row.getString("source"), row.getString("external_id"),
                row.getOffsetDateTime("created_at").toInstant(), row.getString("text"), row.getString("author"),
                row.getString("address"), row.getLong("case_id"));
    }
}
