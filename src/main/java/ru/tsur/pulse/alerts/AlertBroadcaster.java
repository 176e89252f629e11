package ru.tsur.pulse.alerts;

import ru.tsur.pulse.access.ScreenScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import ru.tsur.pulse.push.ScreenSession;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes alerts to this replica's screens ({@code /ws/alerts}). Every change, whichever replica wrote it,
 * arrives as a PostgreSQL notification naming the changed ids; they are read back and applied to the
 * {@link AlertBoard}, and what really changed goes to every screen's bounded queue as one change frame.
 * Changes written here are also applied at once (the echo is then a no-op). After a (re)connect of the
 * listener the whole board is re-read, since notifications sent meanwhile are lost, and screens get a
 * snapshot.
 */
@ApplicationScoped
public class AlertBroadcaster {

    /** What an alert screen subscribes to: today the one feed of all alerts. */
    enum Feed { ALL }

    /** Ids per notification; 24-digit ids keep a payload well below PostgreSQL's 8000 bytes. */
    static final int IDS_PER_NOTIFICATION = 250;

    private static final Logger LOG = Logger.getLogger(AlertBroadcaster.class);

    /** The scope of each scoped screen, by connection id (absent: the screen sees everything). */
    private final Map<String, ScreenScope> scopes = new java.util.concurrent.ConcurrentHashMap<>();
    private final AlertRepository repository;
    private final AlertMetrics metrics;
    private final AlertsConfig config;
    private final Vertx vertx;
    private final AlertFrames frames;
    private final PgConnectOptions listenOptions;
    private final Clock clock;
    private final AlertBoard board;
    private final Map<String, ScreenSession<Feed>> screens = new ConcurrentHashMap<>();
    private volatile PgSubscriber subscriber;

    public AlertBroadcaster(AlertRepository repository, AlertMetrics metrics, AlertsConfig config, Vertx vertx,
                            ObjectMapper json, Clock clock,
                            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                            @ConfigProperty(name = "quarkus.datasource.username") String user,
                            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") Optional<String> password) {
        this.clock = clock;
        this.repository = repository;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
        this.frames = new AlertFrames(json);
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
        vertx.setPeriodic(config.heartbeat().toMillis(), ignored -> heartbeat());
        vertx.setPeriodic(config.refreshInterval().toMillis(), ignored -> refresh());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Changes this replica wrote: pushed at once, then announced to the other replicas. */
    void changedHere(Collection<Alert> changed) {
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
            screens.values().forEach(ScreenSession::resync);
        }, failure -> LOG.warnf("Alerts not reloaded: %s", failure.toString()));
    }

    private void push(AlertBoard.Change change) {
        Instant now = clock.instant();
        String text = frames.change(change.seq(), change.alerts(), now);
        // A scoped screen gets its municipalities' alerts only (an empty change keeps its sequence in step).
        Map<ScreenScope, String> scopedTexts = new HashMap<>();
        for (Map.Entry<String, ScreenSession<Feed>> entry : screens.entrySet()) {
            ScreenScope scope = scopes.getOrDefault(entry.getKey(), ScreenScope.ALL);
            entry.getValue().offer(Feed.ALL, change.seq(), scope.all() ? text
                    : scopedTexts.computeIfAbsent(scope, only -> frames.change(change.seq(), within(change.alerts(), only), now)));
        }
    }

    private void heartbeat() {
        Instant now = clock.instant();
        for (ScreenSession<Feed> screen : screens.values()) {
            screen.offerHeartbeat((feed, seq) -> frames.heartbeat(seq, now));
        }
    }

    private void refresh() {
        board.silencesExpired(clock.instant()).ifPresent(this::push);
        repository.countFiring().subscribe().with(metrics::activeCounted,
                failure -> LOG.debugf("Active alerts not counted: %s", failure.toString()));
    }

    void register(WebSocketConnection connection, ScreenScope scope) {
        ScreenSession<Feed> screen = new ScreenSession<>(connection, Feed.ALL, config.clientBuffer(), feed -> snapshotFrame(scope));
        scopes.put(connection.id(), scope);
        screens.put(connection.id(), screen);
        screen.drain();
    }

    void unregister(WebSocketConnection connection) {
        screens.remove(connection.id());
        scopes.remove(connection.id());
    }

    ScreenSession<Feed> screen(WebSocketConnection connection) {
        return screens.get(connection.id());
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

    String errorFrame(String message) {
        return frames.error(message);
    }

    /** Alerts on this replica's board (for tests and diagnostics). */
    List<Alert> shown() {
        return new ArrayList<>(board.snapshot(clock.instant()).alerts());
    }
}
