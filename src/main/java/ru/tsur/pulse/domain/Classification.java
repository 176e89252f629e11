package ru.tsur.pulse.domain;

/**
 * What the classify stage decided: the coarse category (an id of the region's taxonomy), the fine topic
 * when known, how sure it is (0..1) and how it decided ({@code source}, {@code keywords}, {@code model}, {@code none}).
 */
public record Classification(String categoryId, String topic, double confidence, String method) {
}
