package ru.tsur.pulse.prevention.incidents.api;

import java.time.Instant;

/**
 * One incident in the API: what was found (topic, category, probable cause, area, time, places, messages,
 * expected count, p-value), where (its municipality, with names), what operators did (status, by whom, when,
 * their words) and the id of its alert on {@code /ws/alerts}.
 */
public record IncidentItem(long id, String status, String topic, String category, String categoryName,
                           String municipality, String municipalityName, String cause, Instant start, Instant end,
                           Instant detectedAt, double latitude, double longitude, long radiusMetres, int places,
                           int messages, double expected, double pValue, String alertId, String statusBy,
                           Instant statusAt, String statusNote) {
}
