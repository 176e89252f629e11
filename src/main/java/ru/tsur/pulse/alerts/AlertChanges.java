package ru.tsur.pulse.alerts;

import java.util.List;

/**
 * Alerts a write on this replica changed, in full: the payload of
 * {@link ru.tsur.pulse.pipeline.Channels#ALERT_CHANGES}, read by the alert screens' stream.
 */
public record AlertChanges(List<Alert> alerts) {
}
