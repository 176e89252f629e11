package ru.tsur.pulse.alerts;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts core's API for producers and operators. Raising is an idempotent upsert by fingerprint;
 * every write that changed an alert is counted, pushed to this replica's screens and announced to the
 * others. Operators acknowledge ("I am on it") and silence (hidden from attention until a time, with a
 * reason); a silence ends by itself at its expiry. Each of those actions is also kept in the alert's
 * history, which the alert row itself (the latest acknowledgement and silence) would overwrite.
 */
@ApplicationScoped
public class AlertService {

    private final AlertRepository repository;
    private final AlertBroadcaster broadcaster;
    private final AlertMetrics metrics;

    public AlertService(AlertRepository repository, AlertBroadcaster broadcaster, AlertMetrics metrics) {
        this.repository = repository;
        this.broadcaster = broadcaster;
        this.metrics = metrics;
    }

    /** Makes the alert firing (creating it, updating it, or starting it anew after a resolution). */
    public Uni<Alert> raise(AlertRaise raise) {
        return repository.upsert(raise).chain(written -> {
            if (written.isPresent()) {
                Alert alert = written.get();
                // A (re)started alert has starts_at = updated_at: both were stamped by this very write.
                changed(alert.startsAt().equals(alert.updatedAt()) ? "raised" : "updated", List.of(alert));
                return Uni.createFrom().item(alert);
            }
            return repository.find(raise.id()).map(Optional::orElseThrow);
        });
    }

    /** Resolves the alert if it is firing; nothing otherwise. */
    public Uni<Void> resolve(String id) {
        return repository.resolve(id).invoke(resolved -> resolved.ifPresent(alert -> changed("resolved", List.of(alert))))
                .replaceWithVoid();
    }

    /** Resolves every firing alert of the kind that is not still firing according to its producer. */
    public Uni<Void> resolveAllExcept(String kind, Set<String> stillFiring) {
        return repository.resolveAllExcept(kind, stillFiring).invoke(resolved -> changed("resolved", resolved))
                .replaceWithVoid();
    }

    /**
     * For a producer's sweep that began at {@code sweepStart}: resolves the kind's firing alerts not in
     * {@code stillFiring} unless they were raised or changed after the sweep began (by a quicker path).
     */
    public Uni<Void> resolveStale(String kind, Set<String> stillFiring, Instant sweepStart) {
        return repository.resolveStale(kind, stillFiring, sweepStart).invoke(resolved -> changed("resolved", resolved))
                .replaceWithVoid();
    }

    /** Ids of the firing alerts of a kind with the given label value (e.g. every deadline alert of a case). */
    public Uni<List<String>> firingIdsWithLabel(String kind, String label, String value) {
        return repository.firingIdsWithLabel(kind, label, value);
    }

    /** Empty when there is no such alert. */
    public Uni<Optional<Alert>> acknowledge(String id, String by) {
        return repository.acknowledge(id, by).invoke(alert -> alert.ifPresent(done -> changed("acknowledged", List.of(done))));
    }

    /** Empty when there is no such alert. */
    public Uni<Optional<Alert>> silence(String id, Instant until, String reason, String by) {
        return repository.silence(id, until, reason, by)
                .invoke(alert -> alert.ifPresent(done -> changed("silenced", List.of(done))));
    }

    /** Empty when there is no such alert; {@code by} may be null (a silence lifted without a name). */
    public Uni<Optional<Alert>> unsilence(String id, String by) {
        return repository.unsilence(id, by).invoke(alert -> alert.ifPresent(done -> changed("unsilenced", List.of(done))));
    }

    /** What operators did to the alert (acknowledged, silenced, unsilenced), newest first. */
    public Uni<List<AlertEvent>> history(String id, int limit) {
        return repository.history(id, limit);
    }

    public Uni<Optional<Alert>> find(String id) {
        return repository.find(id);
    }

    /** Alerts filtered by state, kind, municipality and executor (null = any), newest change first. */
    public Uni<List<Alert>> list(String state, String kind, String municipality, String executor, int limit) {
        return repository.list(state, kind, municipality, executor, limit);
    }

    private void changed(String change, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        alerts.stream().map(Alert::kind).distinct().forEach(kind ->
                metrics.changed(kind, change, (int) alerts.stream().filter(alert -> alert.kind().equals(kind)).count()));
        broadcaster.changedHere(alerts);
    }
}
