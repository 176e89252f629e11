package ru.tsur.pulse.pipeline;

import ru.tsur.pulse.domain.IncomingMessage;

/**
 * A message handed to the pipeline, with its text already normalized when the door had to normalize it
 * anyway (to refuse a text that is empty without its markup): the decision path then does not normalize it
 * twice. {@code normalizedText} is null when the source did not normalize (the demo feed).
 */
public record Submission(IncomingMessage message, String normalizedText) {

    /** A message whose text the pipeline normalizes itself. */
    public static Submission of(IncomingMessage message) {
        return new Submission(message, null);
    }
}
