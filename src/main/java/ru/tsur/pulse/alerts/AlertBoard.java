package ru.tsur.pulse.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This replica's view of the alerts its screens show — every firing alert and those resolved within the
 * retention — with the sequence number of the last change. Changes arrive from this replica's own writes
 * and, again, from PostgreSQL's notifications (from every replica); an alert is taken only when it differs
 * from the one held and is not older, so the echo of a change is not sent twice. Plain logic, no I/O.
 */
final class AlertBoard {

    /** A change to push: the alerts that changed, in full, and the sequence number it brings screens to. */
    record Change(long seq, List<Alert> alerts) {
    }

    /** Everything a screen shows, at a sequence number. */
    record Snapshot(long seq, List<Alert> alerts) {
    }

    private static final Comparator<Alert> WALL_ORDER = Alert.WALL_ORDER;

    private final Duration resolvedRetention;
    private final Map<String, Alert> alerts = new HashMap<>();
    private long seq;
    private Instant silencesCheckedAt;

    AlertBoard(Duration resolvedRetention, Instant now) {
        this.resolvedRetention = resolvedRetention;
        this.silencesCheckedAt = now;
    }

    /** Takes the alerts that are new or newer than held; a change only if at least one was. */
    synchronized Optional<Change> apply(Collection<Alert> fresh) {
        List<Alert> changed = new ArrayList<>();
        for (Alert alert : fresh) {
            Alert held = alerts.get(alert.id());
            if (held != null && (held.equals(alert) || alert.updatedAt().isBefore(held.updatedAt()))) {
                continue;
            }
            alerts.put(alert.id(), alert);
            changed.add(alert);
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        changed.sort(WALL_ORDER);
        return Optional.of(new Change(++seq, List.copyOf(changed)));
    }

    /** Replaces the whole view (after a reconnect to PostgreSQL, when notifications may have been lost). */
    synchronized Snapshot replaceAll(Collection<Alert> all, Instant now) {
        alerts.clear();
        all.forEach(alert -> alerts.put(alert.id(), alert));
        seq++;
        return snapshot(now);
    }

    /** Every firing alert and those resolved within the retention, most pressing first. */
    synchronized Snapshot snapshot(Instant now) {
        forgetLongResolved(now);
        List<Alert> shown = new ArrayList<>(alerts.values());
        shown.sort(WALL_ORDER);
        return new Snapshot(seq, shown);
    }

    /** Drops alerts resolved longer ago than the retention (else, with no new screen, the board only grows). */
    private void forgetLongResolved(Instant now) {
        Instant oldestResolved = now.minus(resolvedRetention);
        alerts.values().removeIf(alert -> !alert.firing() && alert.endsAt() != null && alert.endsAt().isBefore(oldestResolved));
    }

    /**
     * Alerts whose silence ran out since the last check, as a change (screens show them loud again); also
     * forgets long-resolved alerts, since this runs on a timer whether or not screens ask for snapshots.
     */
    synchronized Optional<Change> silencesExpired(Instant now) {
        forgetLongResolved(now);
        List<Alert> expired = new ArrayList<>();
        for (Alert alert : alerts.values()) {
            Instant until = alert.silencedUntil();
            if (until != null && until.isAfter(silencesCheckedAt) && !until.isAfter(now)) {
                expired.add(alert);
            }
        }
        silencesCheckedAt = now;
        if (expired.isEmpty()) {
            return Optional.empty();
        }
        expired.sort(WALL_ORDER);
        return Optional.of(new Change(++seq, List.copyOf(expired)));
    }

    synchronized long seq() {
        return seq;
    }

    /** How many alerts the board holds (for tests and diagnostics). */
    synchronized int held() {
        return alerts.size();
    }
}
