package ru.tsur.pulse.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.sqlclient.Row;

import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.domain.StoredMessage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A stored message as a screen may show it (the live feed): where and what, and the masked display text
 * only — never the author or the original text. JSON field names are the feed contract
 * ({@code id, createdAt, receivedAt, municipality, category, topic, text}).
 */
@RegisterForReflection
public record RecentMessage(long id, Instant createdAt, Instant receivedAt, String municipality, String category,
                            String topic, String text) {

    /** A message just stored, as the row reads back (PostgreSQL keeps microseconds). */
    public static RecentMessage of(StoredMessage stored) {
        PreparedMessage message = stored.prepared();
        return new RecentMessage(stored.id(), message.incoming().createdAt().truncatedTo(ChronoUnit.MICROS),
                stored.receivedAt(), message.location().municipalityId(), message.classification().categoryId(),
                message.classification().topic(), message.displayText());
    }

    static RecentMessage from(Row row) {
        return new RecentMessage(row.getLong("id"), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("received_at").toInstant(), row.getString("municipality_id"),
                row.getString("category_id"), row.getString("topic"), row.getString("display_text"));
    }
}
