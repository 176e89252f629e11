package ru.tsur.pulse.tension.api;

import java.time.Instant;
import java.util.List;

/**
 * One tension point: the series (municipality, or region-wide with {@code municipality} null; category; topic
 * for topic series), its highest score in the window, observed and expected counts summed over the window,
 * the trend of the last buckets, the start of its alert if it had one in the window, the topics with the
 * largest excess, the firing alert's id (else null), and while the region's baseline still learns the whole
 * days left ({@code learningDays}; null once learned): such a point scores but cannot alert.
 */
public record TensionPoint(String municipality, String municipalityName, String category, String categoryName,
                           String topic, int score, long observed, double expected, String trend, Instant since,
                           List<TopicFigures> topics, String alertId, Integer learningDays) {
}
