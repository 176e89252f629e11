package ru.tsur.pulse.tension;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.alerts.AlertLabels;
import ru.tsur.pulse.alerts.AlertRaise;
import ru.tsur.pulse.alerts.AlertService;
import ru.tsur.pulse.domain.Region;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Hands the detector's alert changes to the alerts core ({@link AlertService}): raised and updated alerts
 * are upserted with their explanation (sample messages read from PostgreSQL), resolved ones resolved.
 * Region-wide alerts go first, so a district's alert can name its region-wide parent by id.
 */
@ApplicationScoped
public class TensionAlertPublisher {

    private final AlertService alerts;
    private final TensionRepository repository;
    private final TensionConfig config;
    private final TensionAlertText text;
    private final Counter raisedMunicipal;
    private final Counter raisedRegion;

    public TensionAlertPublisher(AlertService alerts, TensionRepository repository, TensionConfig config, Region region,
                                 MeterRegistry registry) {
        this.alerts = alerts;
        this.repository = repository;
        this.config = config;
        Map<String, String> municipalities = region.municipalityNames();
        Map<String, String> categories = region.categoryNames();
        this.text = new TensionAlertText(name(municipalities), name(categories), region.name(), ZoneId.of(region.timeZone()));
        this.raisedMunicipal = raisedCounter(registry, "municipality");
        this.raisedRegion = raisedCounter(registry, "region");
    }

    private static Function<String, String> name(Map<String, String> names) {
        return id -> names.getOrDefault(id, id);
    }

    private static Counter raisedCounter(MeterRegistry registry, String scope) {
        return Counter.builder("pulse.tension.alerts.raised").tag("scope", scope)
                .description("Tension alerts raised (new or reopened), by scope").register(registry);
    }

    /** The alert id (fingerprint) of a series' alert. */
    public static String alertId(SeriesKey key) {
        return AlertLabels.fingerprint(TensionAlertText.KIND, TensionAlertText.labels(key));
    }

    public TensionAlertText text() {
        return text;
    }

    /** Publishes the changes one after another, in the detector's order (region-wide first). */
    public Uni<Void> publish(List<TensionDetector.AlertChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(changes).onItem().transformToUniAndConcatenate(this::publishOne)
                .collect().last().replaceWithVoid();
    }

    /** After the first evaluation: tension alerts left firing by an earlier run and no longer firing now. */
    public Uni<Void> resolveAllExcept(Set<String> stillFiring) {
        return alerts.resolveAllExcept(TensionAlertText.KIND, stillFiring);
    }

    private Uni<Void> publishOne(TensionDetector.AlertChange change) {
        TensionAlertView alert = change.alert();
        if (change.change() == TensionDetector.Change.RESOLVED) {
            return alerts.resolve(alertId(alert.key()));
        }
        if (change.change() == TensionDetector.Change.RAISED) {
            (alert.key().regionWide() ? raisedRegion : raisedMunicipal).increment();
        }
        SeriesKey key = alert.key();
        return repository.samples(key.municipality(), key.category(), key.topic(), alert.start(),
                        TensionAlertText.until(alert), config.sampleMessages())
                .chain(samples -> alerts.raise(new AlertRaise(TensionAlertText.KIND, TensionAlertText.labels(key),
                        TensionAlertText.severity(alert), text.title(alert), text.summary(alert),
                        text.details(alert, samples), TensionAlertText.group(key),
                        alert.parent() == null ? null : alertId(alert.parent()))))
                .replaceWithVoid();
    }
}
