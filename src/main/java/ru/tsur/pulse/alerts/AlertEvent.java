package ru.tsur.pulse.alerts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;

import static ru.tsur.pulse.sql.Timestamps.instant;

/**
 * One entry of an alert's history ({@code alert_event}): an operator acknowledged it, silenced it (until
 * {@code until}, for {@code reason}) or lifted the silence, at {@code at}, during the episode that began at
 * {@code episodeStart}. {@code by} is who said they did it (null when a silence was lifted without a name).
 * JSON field names are the record's component names.
 */
@RegisterForReflection
public record AlertEvent(String action, String by, Instant at, Instant until, String reason, Instant episodeStart) {

    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String SILENCED = "silenced";
    public static final String UNSILENCED = "unsilenced";

    static AlertEvent from(Row row) {
        return new AlertEvent(row.getString("action"), row.getString("actor"), instant(row, "at"),
                instant(row, "silenced_until"), row.getString("reason"), instant(row, "episode_start"));
    }
}
