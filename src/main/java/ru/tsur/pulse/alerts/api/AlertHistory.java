package ru.tsur.pulse.alerts.api;

import ru.tsur.pulse.alerts.AlertEvent;

import java.util.List;

/**
 * Answer of {@code GET /api/v1/alerts/{id}/history}: what operators did to the alert, newest first, at most
 * {@code pulse.alerts.history-limit} entries. Kept apart from the alert itself so the {@code /ws/alerts}
 * frames, which carry alerts in full, stay small.
 */
public record AlertHistory(String alertId, List<AlertEvent> items) {
}
