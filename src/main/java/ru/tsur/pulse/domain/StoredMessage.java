package ru.tsur.pulse.domain;

import java.time.Instant;

/**
 * A message committed in PostgreSQL with the id it was given and when it was received (the row's
 * {@code received_at}). {@code duplicate} is true when the (source, externalId) pair was already stored: then
 * {@code id} and {@code receivedAt} are the original's and the message must not be counted again.
 */
public record StoredMessage(long id, boolean duplicate, Instant receivedAt, PreparedMessage prepared) {
}
