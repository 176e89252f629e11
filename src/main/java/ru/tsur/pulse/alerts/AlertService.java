package ru.tsur.pulse.alerts;

import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.audit.AuditEntry;
import ru.tsur.pulse.audit.AuditJson;
import ru.tsur.pulse.audit.AuditRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import ru.tsur.pulse.pipeline.Channels;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts core's API for producers and operators. Raising is an idempotent upsert by fingerprint;
 * every write that changed an alert is counted and handed on the {@code alert-changes} channel (to this
 * replica's screens, which also announce it to the others). Operators acknowledge ("I am on it") and silence (hidden from attention until a time, with a
 * reason); a silence ends by itself at its expiry. Each of those actions is also kept in the alert's
 * history, which the alert row itself (the latest acknowledgement and silence) would overwrite.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    private final AuditRepository audit;
    private final AlertRepository repository;
    private final MutinyEmitter<AlertChanges> changes;
    private final AlertMetrics metrics;

    /**
     * @param changes every change must reach the screens, so they are buffered; the buffer only fills while
     *                the screens' stream is stuck, and then a refused change is logged
     */
    public AlertService(AlertRepository repository,
                        @Channel(Channels.ALERT_CHANGES) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                        MutinyEmitter<AlertChanges> changes,
                        AlertMetrics metrics, AuditRepository audit) {
        this.audit = audit;
        this.repository = repository;
        this.changes = changes;
        this.metrics = metrics;
    }

    /** Makes the alert firing (creating it, updating it, or starting it anew after a resolution). */
    public Uni<Alert> raise(AlertRaise raise) {
        return repository.upsert(raise).chain(written -> {
            if (written.isPresent()) {
                Alert alert = written.get();
                // A (re)started alert has starts_at = updated_at: both were stamped by this very write.
                return changed(alert.startsAt().equals(alert.updatedAt()) ? "raised" : "updated", List.of(alert))
                        .replaceWith(alert);
            }
            return repository.find(raise.id()).map(Optional::orElseThrow);
        });
    }

    /** Resolves the alert if it is firing; nothing otherwise. */
    public Uni<Void> resolve(String id) {
        return repository.resolve(id).call(resolved -> changed("resolved", resolved.stream().toList()))
                .replaceWithVoid();
    }

    /** Resolves every firing alert of the kind that is not still firing according to its producer. */
    public Uni<Void> resolveAllExcept(String kind, Set<String> stillFiring) {
        return repository.resolveAllExcept(kind, stillFiring).call(resolved -> changed("resolved", resolved))
                .replaceWithVoid();
    }

    /**
     * For a producer's sweep that began at {@code sweepStart}: resolves the kind's firing alerts not in
     * {@code stillFiring} unless they were raised or changed after the sweep began (by a quicker path).
     */
    public Uni<Void> resolveStale(String kind, Set<String> stillFiring, Instant sweepStart) {
        return repository.resolveStale(kind, stillFiring, sweepStart).call(resolved -> changed("resolved", resolved))
                .replaceWithVoid();
    }

    /** Ids of the firing alerts of a kind with the given label value (e.g. every deadline alert of a case). */
    public Uni<List<String>> firingIdsWithLabel(String kind, String label, String value) {
        return repository.firingIdsWithLabel(kind, label, value);
    }

    /** Empty when there is no such alert. The act and its audit row commit together. */
    public Uni<Optional<Alert>> acknowledge(String id, Caller caller) {
        return audited(caller, "alert.acknowledge", id, null,
                transaction -> repository.acknowledge(transaction, id, caller.actor()))
                .call(alert -> changed("acknowledged", alert.stream().toList()));
    }

    /**
     * Empty when there is no such alert. The end is kept to the microsecond, as PostgreSQL stores it, so the
     * audit row names the very instant the alert carries.
     */
    public Uni<Optional<Alert>> silence(String id, Instant until, String reason, Caller caller) {
        Instant end = until.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return audited(caller, "alert.silence", id, AuditJson.of("until", end.toString(), "reason", reason),
                transaction -> repository.silence(transaction, id, end, reason, caller.actor()))
                .call(alert -> changed("silenced", alert.stream().toList()));
    }

    /** Empty when there is no such alert. */
    public Uni<Optional<Alert>> unsilence(String id, Caller caller) {
        return audited(caller, "alert.unsilence", id, null,
                transaction -> repository.unsilence(transaction, id, caller.actor()))
                .call(alert -> changed("unsilenced", alert.stream().toList()));
    }

    /** Runs an operator's act on an alert and appends its audit row in the same transaction (none when no such alert). */
    private Uni<Optional<Alert>> audited(Caller caller, String action, String id, String after,
                                         java.util.function.Function<io.vertx.mutiny.sqlclient.SqlConnection, Uni<Optional<Alert>>> act) {
        return repository.inTransaction(transaction -> act.apply(transaction).call(found -> found.isEmpty()
                ? Uni.createFrom().voidItem()
                : audit.append(transaction, new AuditEntry(Actor.of(caller), action, "alert:" + id, null, after)).replaceWithVoid()));
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

    /**
     * Counts the change and hands it to the screens; completes once this replica's screen stream has taken it,
     * so a write that returned is on this replica's screens (a snapshot asked for next shows it).
     */
    private Uni<Void> changed(String change, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        alerts.stream().map(Alert::kind).distinct().forEach(kind ->
                metrics.changed(kind, change, (int) alerts.stream().filter(alert -> alert.kind().equals(kind)).count()));
        return changes.send(new AlertChanges(alerts)).onFailure().recoverWithItem(failure -> {
            LOG.warnf("Changes of %d alerts not handed to the screens: %s", alerts.size(), failure.toString());
            return null;
        });
    }
}
