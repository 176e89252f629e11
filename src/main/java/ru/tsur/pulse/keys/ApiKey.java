package ru.tsur.pulse.keys;

import java.time.Instant;
import java.util.List;

/**
 * An API key as it is listed and audited: everything stored about it except the hash of its secret, which
 * never leaves {@link KeyRepository}.
 */
public record ApiKey(String id, String name, List<String> sources, Instant createdAt, String createdBy,
                     Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

    public ApiKey {
        sources = List.copyOf(sources);
    }

    /** Whether the key lets a source in at {@code now}: not revoked and not expired. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
