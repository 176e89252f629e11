package ru.tsur.pulse.tools.training;

import java.time.Instant;

/**
 * One row of the {@code correction} table (V17): a triaged message an operator confirmed or corrected on the
 * console, kept as a labelled example for the next training run. {@code maskedText} is the display copy the
 * operator saw (normalized, personal data masked), never the original; {@code municipalityId} is where the
 * service placed the message ({@code unknown} when nowhere); {@code categoryId}, {@code topic} and
 * {@code executor} are the labels after the operator's word, the {@code …Before} ones the model's answer.
 */
public record Correction(long messageId, String region, String maskedText, String municipalityId,
                         String categoryBefore, String topicBefore, String categoryId, String topic, String executor,
                         boolean confirmed, String correctedBy, Instant correctedAt) {
}
