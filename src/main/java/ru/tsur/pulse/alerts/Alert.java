package ru.tsur.pulse.alerts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alert as operators see it, in the shape of the shared contract (JSON field names are the record's
 * component names). Its {@code id} is the fingerprint of its kind and labels ({@link AlertLabels}), so the
 * same condition raised twice is the same alert. {@code title} and {@code summary} are Russian wall text.
 * {@code group} is the grouping key; {@code parent} the id of the grouping alert a firing child is shown
 * under (inhibition), or null.
 */
@RegisterForReflection
public record Alert(String id, String kind, Map<String, String> labels, String severity, String state,
                    String title, String summary, Map<String, Object> details, String group, String parent,
                    Instant startsAt, Instant updatedAt, Instant endsAt, String acknowledgedBy,
                    Instant acknowledgedAt, Instant silencedUntil, String silenceReason, String silencedBy) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    private static final Map<String, Integer> SEVERITY_RANK = Map.of("critical", 0, "warning", 1, "info", 2);

    /** The order screens show alerts in: firing first, then by severity, the newest first. */
    public static final Comparator<Alert> WALL_ORDER = Comparator
            .comparing((Alert alert) -> alert.firing() ? 0 : 1)
            .thenComparing(alert -> SEVERITY_RANK.getOrDefault(alert.severity(), 3))
            .thenComparing(Alert::startsAt, Comparator.reverseOrder())
            .thenComparing(Alert::id);

    public Alert {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public boolean firing() {
        return FIRING.equals(state);
    }

    /** Whether a silence holds at {@code now}: the alert stays listed but must not demand attention. */
    public boolean silencedAt(Instant now) {
        return silencedUntil != null && silencedUntil.isAfter(now);
    }
}
