package ru.tsur.pulse.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import ru.tsur.pulse.access.ScreenScope;
import ru.tsur.pulse.pipeline.Channels;
import ru.tsur.pulse.screens.ScreenFrames;
import ru.tsur.pulse.screens.ScreenHub;
import ru.tsur.pulse.screens.ScreenSession;
import ru.tsur.pulse.screens.ScreenStream;
import ru.tsur.pulse.screens.SingleFeed;


import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes alerts to this replica's screens ({@code /ws/alerts}). Changes written here arrive on the
 * {@code alert-changes} channel and are applied at once, then announced to the other replicas as a PostgreSQL
 * notification naming the changed ids; notifications (from any replica) are read back and applied to the
 * {@link AlertBoard} (the echo of this replica's own is then a no-op). What really changed goes to every
 * screen's bounded queue as one change frame. After a (re)connect of the
 * listener the whole board is re-read, since notifications sent meanwhile are lost, and screens get a
 * snapshot.
 */
@ApplicationScoped
public class AlertBroadcaster implements ScreenStream<SingleFeed> {

    /** Ids per notification; 24-digit ids keep a payload well below PostgreSQL's 8000 bytes. */
    static final int IDS_PER_NOTIFICATION = 250;

    private static final Logger LOG = Logger.getLogger(AlertBroadcaster.class);

    private final AlertRepository repository;
    private final AlertMetrics metrics;
    private final AlertsConfig config;
    private final Vertx vertx;
    private final AlertFrames frames;
    private final PgConnectOptions listenOptions;
    private final Clock clock;
    private final AlertBoard board;
    private final ScreenHub<SingleFeed> hub;
    private volatile PgSubscriber subscriber;

    public AlertBroadcaster(AlertRepository repository, AlertMetrics metrics, AlertsConfig config, Vertx vertx,
                            ObjectMapper json, Clock clock, MeterRegistry registry,
                            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                            @ConfigProperty(name = "quarkus.datasource.username") String user,
                            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") Optional<String> password) {
        this.clock = clock;
        this.repository = repository;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
        this.frames = new AlertFrames(new ScreenFrames(json));
        this.hub = new ScreenHub<>("alerts", config.clientBuffer(), (feed, scope) -> snapshotFrame(scope), registry);
        this.board = new AlertBoard(config.resolvedRetention(), clock.instant());
        this.listenOptions = PgConnectOptions.fromUri(url).setUser(user).setPassword(password.orElse(""));
    }

    void start(@Observes StartupEvent startup) {
        subscriber = PgSubscriber.subscriber(vertx, listenOptions)
                .reconnectPolicy(retries -> 2000L);
        subscriber.channel(config.notifyChannel())
                .subscribeHandler(this::reload)
                .handler(this::notified);
        subscriber.connect().subscribe().with(ignored -> LOG.debugf("Listening on %s", config.notifyChannel()),
                failure -> LOG.warnf("Alert notifications unavailable (%s); screens get this replica's changes only",
                        failure.toString()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Changes this replica wrote: pushed at once, then announced to the other replicas. */
    @Incoming(Channels.ALERT_CHANGES)
    void changedHere(AlertChanges changes) {
        List<Alert> changed = changes.alerts();
        if (changed.isEmpty()) {
            return;
        }
        board.apply(changed).ifPresent(this::push);
        List<String> ids = changed.stream().map(Alert::id).distinct().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_NOTIFICATION) {
            String payload = String.join(",", ids.subList(from, Math.min(ids.size(), from + IDS_PER_NOTIFICATION)));
            repository.notifyChanged(config.notifyChannel(), payload).subscribe().with(ignored -> { },
                    failure -> LOG.warnf("Alert change not announced to other replicas: %s", failure.toString()));
        }
    }

    private void notified(String payload) {
        Set<String> ids = new LinkedHashSet<>(List.of(payload.split(",")));
        ids.remove("");
        if (ids.isEmpty()) {
            return;
        }
        repository.findAll(ids).subscribe().with(alerts -> board.apply(alerts).ifPresent(this::push),
                failure -> LOG.warnf("Changed alerts %s not read: %s", payload, failure.toString()));
    }

    /** Re-reads everything shown and gives every screen a snapshot. */
    private void reload() {
        Instant now = clock.instant();
        repository.shown(now.minus(config.resolvedRetention())).subscribe().with(alerts -> {
            board.replaceAll(alerts, now);
            hub.resyncAll();
        }, failure -> LOG.warnf("Alerts not reloaded: %s", failure.toString()));
    }

    /** One change frame; a scoped screen gets its municipalities' alerts only (an empty change keeps its sequence in step). */
    private void push(AlertBoard.Change change) {
        Instant now = clock.instant();
        hub.publish(SingleFeed.ALL, change.seq(), scope -> frames.change(change.seq(), within(change.alerts(), scope), now));
    }

    @Scheduled(every = "${pulse.alerts.heartbeat}")
    void heartbeat() {
        Instant now = clock.instant();
        hub.heartbeat((feed, seq) -> frames.heartbeat(seq, now));
    }

    /** Ends silences that expired, and counts the firing alerts for the metrics. */
    @Scheduled(every = "${pulse.alerts.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        board.silencesExpired(clock.instant()).ifPresent(this::push);
        return repository.countFiring().invoke(metrics::activeCounted).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Active alerts not counted: %s", failure.toString());
                    return null;
                });
    }

    @Override
    public void open(WebSocketConnection connection, SingleFeed feed, ScreenScope scope) {
        hub.register(connection, feed, scope);
    }

    @Override
    public ScreenHub<SingleFeed> hub() {
        return hub;
    }

    private ScreenSession.SnapshotFrame snapshotFrame(ScreenScope scope) {
        Instant now = clock.instant();
        AlertBoard.Snapshot snapshot = board.snapshot(now);
        return new ScreenSession.SnapshotFrame(snapshot.seq(), frames.snapshot(snapshot.seq(), within(snapshot.alerts(), scope), now));
    }

    /** The alerts a scoped screen may see: those labelled with one of its municipalities (region-wide ones are not theirs). */
    private static List<Alert> within(List<Alert> alerts, ScreenScope scope) {
        return scope.all() ? alerts : alerts.stream().filter(alert -> scope.includes(alert.labels().get("municipality"))).toList();
    }

    /** Alerts on this replica's board (for tests and diagnostics). */
    List<Alert> shown() {
        return new ArrayList<>(board.snapshot(clock.instant()).alerts());
    }
}
