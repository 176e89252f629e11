package ru.tsur.pulse.pipeline;

/**
 * Metadata of a message on {@link Channels#MESSAGES_IN}: its text as the door already normalized it. In-process
 * only (a message that crossed a broker arrives without it and is normalized by the decision path).
 */
public record NormalizedText(String text) {
}
