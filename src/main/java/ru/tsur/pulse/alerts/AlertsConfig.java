package ru.tsur.pulse.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tunables of the alerts core (prefix {@code pulse.alerts}). */
@ConfigMapping(prefix = "pulse.alerts")
public interface AlertsConfig {

    /** PostgreSQL LISTEN/NOTIFY channel on which replicas tell each other which alerts changed. */
    @WithDefault("pulse_alerts")
    String notifyChannel();

    /** How long a resolved alert stays in the {@code /ws/alerts} snapshot. */
    @WithDefault("1h")
    Duration resolvedRetention();

    /** Frames an alert screen may have unsent before it is skipped and later given a fresh snapshot. */
    @WithDefault("32")
    int clientBuffer();

    /** Period of heartbeats on {@code /ws/alerts}, carrying the current sequence number. */
    @WithDefault("5s")
    Duration heartbeat();

    /** How often the active-alert gauges are re-counted from PostgreSQL and expired silences announced. */
    @WithDefault("10s")
    Duration refreshInterval();

    /** Most alerts {@code GET /api/v1/alerts} returns. */
    @WithDefault("500")
    int listLimit();

    /** Longest a silence may last: its end at most this far ahead of the moment it is set. */
    @WithDefault("P7D")
    Duration maxSilence();

    /** Longest silence reason, in characters (it is shown on every wall screen). */
    @WithDefault("500")
    int maxReasonLength();

    /** Most entries {@code GET /api/v1/alerts/{id}/history} returns, newest first. */
    @WithDefault("50")
    int historyLimit();
}
