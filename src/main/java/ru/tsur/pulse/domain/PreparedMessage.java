package ru.tsur.pulse.domain;

/**
 * A message after normalize, classify and locate: everything the persist stage writes.
 */
public record PreparedMessage(IncomingMessage incoming, String normalizedText, Classification classification,
                              Location location) {
}
