package ru.tsur.pulse.keys;

import java.time.Instant;
import java.util.List;

/** The answer to creating a key: the key itself ({@code key}, shown this once and never again) and its record. */
public record KeyCreated(String id, String key, String name, List<String> sources, Instant createdAt,
                         Instant expiresAt) {

    static KeyCreated of(CreatedKey created) {
        ApiKey record = created.record();
        return new KeyCreated(record.id(), created.key(), record.name(), record.sources(), record.createdAt(),
                record.expiresAt());
    }
}
