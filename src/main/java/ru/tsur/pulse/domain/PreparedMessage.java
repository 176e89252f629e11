package ru.tsur.pulse.domain;

/**
 * A message after normalize, classify, locate and route: everything the persist stage writes.
 * {@code displayText} is the normalized text with personal data masked — the only form of the text that
 * may reach a wall, a socket or a log.
 */
public record PreparedMessage(IncomingMessage incoming, String normalizedText, String displayText,
                              Classification classification, Location location, Route route) {
}
