package ru.tsur.pulse.prevention.api;

import java.time.Instant;
import java.util.List;

/**
 * One place × topic of the register ({@code ru.tsur.pulse.prevention.ChronicPlace} defines every figure): the
 * place ({@code kind} building or cell, its key, label and point), its municipality and category with their
 * names, the topic (null when the category stands for it), messages in 30 and 90 days, episodes, returns,
 * returns after a resolution and the median days to them, the trend (−1…1, null when the data are too
 * short), the executors, the first and latest message, the exposure in days, the observed and the topic's
 * returns per 90 days, and the score the list is ranked by. Fractions are rounded to three decimals.
 */
public record ChronicPlaceItem(String placeKey, String kind, String label, Double latitude, Double longitude,
                               String municipality, String municipalityName, String category, String categoryName,
                               String topic, int messages30, int messages90, int episodes, int returns,
                               int returnsAfterResolution, Double medianDaysToReturn, Double trend,
                               List<ExecutorMessages> executors, Instant firstMessageAt, Instant lastMessageAt,
                               double exposureDays, double returnsPer90Days, double topicReturnsPer90Days,
                               double score) {
}
