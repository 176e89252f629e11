package ru.tsur.pulse.domain;

/**
 * A message committed in PostgreSQL with the id it was given. {@code duplicate} is true when the
 * (source, externalId) pair was already stored: then {@code id} is the original one and the message
 * must not be counted again.
 */
public record StoredMessage(long id, boolean duplicate, PreparedMessage prepared) {
}
