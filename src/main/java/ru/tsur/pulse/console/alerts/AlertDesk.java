package ru.tsur.pulse.console.alerts;

import io.quarkus.qute.TemplateData;
import ru.tsur.pulse.alerts.Alert;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console's alert list, grouped as on the wall: the wall's order (firing, severity, newest), silenced ones
 * after the rest, and each child of a grouping alert right under its parent — with the states and times in
 * Russian words. Plain: alerts and the time in, rows out.
 */
public final class AlertDesk {

    /** One row: the alert, whether it is a child shown under its parent, and its words. */
    @TemplateData
    public record Row(Alert alert, boolean child, String severity, String state, String since, String marks,
                      boolean silenced) {
    }

    private static final Map<String, String> SEVERITY = Map.of("critical", "критично", "warning", "внимание", "info", "инфо");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.forLanguageTag("ru"));

    private AlertDesk() {
    }

    public static List<Row> rows(List<Alert> alerts, Instant now, ZoneId zone) {
        Set<String> present = alerts.stream().map(Alert::id).collect(Collectors.toSet());
        Map<String, List<Alert>> children = new HashMap<>();
        List<Alert> roots = new ArrayList<>();
        for (Alert alert : alerts) {
            if (alert.parent() != null && present.contains(alert.parent())) {
                children.computeIfAbsent(alert.parent(), parent -> new ArrayList<>()).add(alert);
            } else {
                roots.add(alert);
            }
        }
        roots.sort(java.util.Comparator.comparing((Alert alert) -> silenced(alert, now) ? 1 : 0).thenComparing(Alert.WALL_ORDER));
        List<Row> rows = new ArrayList<>();
        for (Alert root : roots) {
            rows.add(row(root, false, now, zone));
            children.getOrDefault(root.id(), List.of()).stream().sorted(Alert.WALL_ORDER)
                    .forEach(child -> rows.add(row(child, true, now, zone)));
        }
        return rows;
    }

    private static boolean silenced(Alert alert, Instant now) {
        return alert.silencedUntil() != null && alert.silencedUntil().isAfter(now);
    }

    private static Row row(Alert alert, boolean child, Instant now, ZoneId zone) {
        boolean silenced = silenced(alert, now);
        List<String> marks = new ArrayList<>();
        if (alert.acknowledgedBy() != null) {
            marks.add("принято: " + alert.acknowledgedBy() + " в " + TIME.format(alert.acknowledgedAt().atZone(zone)));
        }
        if (silenced) {
            marks.add("заглушено до " + TIME.format(alert.silencedUntil().atZone(zone))
                    + (alert.silenceReason() == null ? "" : " — " + alert.silenceReason())
                    + (alert.silencedBy() == null ? "" : " (" + alert.silencedBy() + ")"));
        }
        return new Row(alert, child, SEVERITY.getOrDefault(alert.severity(), "инфо"),
                alert.firing() ? "активно" : "решено", TIME.format(alert.startsAt().atZone(zone)),
                String.join(" · ", marks), silenced);
    }
}
