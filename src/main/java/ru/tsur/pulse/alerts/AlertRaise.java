package ru.tsur.pulse.alerts;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a producer (the deadline watcher, the tension detector) asks {@link AlertService#raise} to make
 * firing: the identity ({@code kind} and {@code labels}) and what to show. Raising it again updates the
 * same alert. Severity is {@code info}, {@code warning} or {@code critical}.
 */
public record AlertRaise(String kind, Map<String, String> labels, String severity, String title, String summary,
                         Map<String, Object> details, String group, String parent) {

    public static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");

    public AlertRaise {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("An alert needs a kind");
        }
        if (!SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("Unknown severity '" + severity + "'; use info, warning or critical");
        }
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        details = details == null ? Map.of() : details;
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
    }

    /** The alert's id: the fingerprint of kind and labels. */
    public String id() {
        return AlertLabels.fingerprint(kind, labels);
    }
}
