package ru.tsur.pulse.prevention.incidents;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import ru.tsur.pulse.alerts.AlertRaise;
import ru.tsur.pulse.alerts.AlertService;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.leases.JobLeases;
import ru.tsur.pulse.problems.Outages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds incidents with one root cause as messages come in. Every {@code interval} the replica holding the
 * watcher's lease (a row in {@code job_lease}, like the deadline watcher's, so one replica sweeps at a time):
 * <ol>
 *   <li>reads the live messages with a point of the last {@code window} and keeps the topics that have at
 *       least {@code minPlaces} distinct places in it — only those can make an incident, so the background
 *       (the {@code backgroundDays} before the window) is read for them alone;</li>
 *   <li>runs the very {@link IncidentFinder} the evaluation command runs over background + window (on a
 *       worker: it is CPU work), with history beginning at the oldest message kept (a topic quiet since then
 *       has a quiet background), and keeps the incidents with a message in the window;</li>
 *   <li>matches them to the stored incidents they share messages with ({@link IncidentSweep}), inserts the new
 *       ones and brings the others up to date;</li>
 *   <li>raises (an idempotent upsert: an unchanged alert is not written again) the {@code kind=incident} alert
 *       of every found incident still open — of a determined cause class, unless {@code alert-undetermined}:
 *       on the St Petersburg data three in four incidents are graffiti or litter at several buildings, most
 *       likely one reporter's walk, which the register and the report show but the wall need not — and resolves the incident alerts it did not raise this time — an
 *       incident quiet for a whole window, or dismissed or resolved by an operator, stops firing.</li>
 * </ol>
 * Messages without a point cannot be near anything and are not read; imported history is background only.
 */
@ApplicationScoped
public class IncidentWatcher {

    private static final Logger LOG = Logger.getLogger(IncidentWatcher.class);
    private static final String LEASE = "incident-watcher";

    private final IncidentRepository repository;
    private final JobLeases leases;
    private final AlertService alerts;
    private final IncidentsConfig config;
    private final IncidentFinder finder;
    private final IncidentAlertText text;
    private final Outages outages;
    private final Clock clock;
    private final Map<String, String> categoryNames;

    public IncidentWatcher(IncidentRepository repository, JobLeases leases, AlertService alerts,
                           IncidentsConfig config, Region region, Outages outages, Clock clock) {
        this.repository = repository;
        this.leases = leases;
        this.alerts = alerts;
        this.config = config;
        this.outages = outages;
        this.clock = clock;
        this.finder = new IncidentFinder(config.finderSettings());
        this.text = IncidentAlertText.of(region, config.criticalPlaces());
        this.categoryNames = region.categoryNames();
    }

    /** One round, if this replica holds the lease; skipped while one runs. */
    @Scheduled(every = "${pulse.prevention.incidents.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // Not while the application starts: the channels it emits on may not be connected yet (SRMSG00019).
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> round() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return leases.take(LEASE, config.interval().multipliedBy(3))
                .chain(held -> held ? sweep() : Uni.createFrom().voidItem())
                .onFailure().recoverWithItem(failure -> {
                    if (!outages.absorb(failure)) {
                        LOG.warnf("Incident sweep failed: %s", failure.toString());
                    }
                    return null;
                });
    }

    /** Finds, stores and alerts; resolves the incident alerts no longer raised. */
    public Uni<Void> sweep() {
        Instant now = clock.instant();
        Instant windowStart = now.minus(config.window());
        return repository.recent(windowStart, now).chain(recent -> {
            List<IncidentMessage> messages = recent.stream().map(IncidentRepository.WatchedMessage::message).toList();
            Set<String> topics = IncidentSweep.topicsWithPlaces(messages, config.minPlaces());
            if (topics.isEmpty()) {
                return alerts.resolveStale(IncidentAlertText.KIND, Set.of(), now);
            }
            Map<String, String> municipalityOf = new HashMap<>();
            recent.forEach(watched -> municipalityOf.put(watched.message().id(), watched.municipality()));
            return repository.observedSince().chain(observedSince -> repository
                            .background(windowStart.minus(Duration.ofDays(config.backgroundDays())), windowStart, topics)
                            .emitOn(Infrastructure.getDefaultWorkerPool())
                            .map(background -> {
                                background.forEach(watched -> municipalityOf.put(watched.message().id(), watched.municipality()));
                                return find(background, messages, topics, windowStart, now, observedSince);
                            }))
                    .chain(found -> store(found, municipalityOf, now))
                    .chain(stored -> raise(stored).chain(firing -> alerts.resolveStale(IncidentAlertText.KIND, firing, now)));
        });
    }

    private List<Incident> find(List<IncidentRepository.WatchedMessage> background, List<IncidentMessage> recent,
                                Set<String> topics, Instant windowStart, Instant now, Instant observedSince) {
        List<IncidentMessage> all = new ArrayList<>(background.size() + recent.size());
        background.forEach(watched -> all.add(watched.message()));
        recent.stream().filter(message -> topics.contains(message.topic())).forEach(all::add);
        return finder.find(all, now, observedSince).stream().filter(incident -> !incident.end().isBefore(windowStart))
                .map(this::named).toList();
    }

    /**
     * The incident as people read it: the finder works on category ids (and a message with no topic has its
     * category id as its topic); its probable cause is read from the category's name and the topic, and a
     * category standing in for a topic is shown by its name.
     */
    private Incident named(Incident incident) {
        String categoryName = categoryNames.getOrDefault(incident.category(), incident.category());
        String topic = incident.topic().equals(incident.category()) ? categoryName : incident.topic();
        return new Incident(incident.start(), incident.end(), incident.latitude(), incident.longitude(),
                incident.radiusMetres(), topic, incident.category(), incident.places(), incident.messageIds(),
                incident.expected(), incident.pValue(), incident.detectedAt(), CauseClass.of(categoryName, topic));
    }

    /** Inserts the new incidents and updates the stored ones, one after another; the stored rows. */
    private Uni<List<StoredIncident>> store(List<Incident> found, Map<String, String> municipalityOf, Instant now) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<Long> ids = new HashSet<>();
        found.forEach(incident -> incident.messageIds().forEach(id -> ids.add(Long.valueOf(id))));
        return repository.sharing(ids).chain(stored -> Multi.createFrom().iterable(IncidentSweep.match(found, stored))
                .onItem().transformToUniAndConcatenate(match -> match.storedId() == null
                        ? repository.insert(match.incident(), IncidentSweep.majority(match.incident().messageIds().stream()
                                .map(municipalityOf::get).toList()), now)
                        : repository.update(match.storedId(), match.incident(), now))
                .collect().asList());
    }

    /** Raises the alerts of the open incidents; the ids of the alerts raised. */
    private Uni<Set<String>> raise(List<StoredIncident> stored) {
        List<AlertRaise> raises = stored.stream().filter(StoredIncident::open)
                .filter(incident -> config.alertUndetermined() || !CauseClass.UNDETERMINED.equals(incident.cause()))
                .map(text::raise).toList();
        Set<String> firing = new HashSet<>();
        raises.forEach(raise -> firing.add(raise.id()));
        return Multi.createFrom().iterable(raises).onItem().transformToUniAndConcatenate(alerts::raise)
                .collect().asList().replaceWith(firing);
    }
}
