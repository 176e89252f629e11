package ru.tsur.pulse.tools.training;

import java.time.LocalDateTime;

/**
 * One labelled message read from a shared data file, in either format (Kursk: text, topic, executor,
 * category code; St Petersburg: text, category name, reason, executor_org, point, municipality, time).
 * Absent values are null.
 */
public record LabelledMessage(String id, String text, String category, String topic, String executor,
                              Double lat, Double lon, String municipality, String district,
                              LocalDateTime createdAt) {
}
