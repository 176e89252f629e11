package ru.tsur.pulse.domain;

import java.time.Instant;

/**
 * A resident's message as a source hands it to us, already validated: the raw input of the pipeline.
 * {@code source} and {@code externalId} together are the idempotency key.
 */
public record IncomingMessage(
        String source,
        String externalId,
        Instant createdAt,
        String text,
        Double lat,
        Double lon,
        String address,
        String municipalityHint,
        String category,
        String topic,
        String author) {

    /** Whether the source gave a usable point. */
    public boolean hasCoordinates() {
        return lat != null && lon != null;
    }
}
