package ru.tsur.pulse.pipeline;

import ru.tsur.pulse.classify.Classifier;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Location;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.domain.Route;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.privacy.PersonalDataMasker;
import ru.tsur.pulse.route.RoutingTable;

import java.util.Locale;
import java.util.Optional;

/**
 * The decisions made about one message, in production order: normalize → mask for display → classify →
 * locate → route. One plain object shared by the streaming pipeline, the classify endpoint and the
 * evaluation command, so what is measured is what runs. Thread-safe.
 */
public final class DecisionPath {

    /** Told, for each message, how long each stage took (nanoseconds) and what it decided: the pipeline's metrics. */
    public interface StageTimings {
        /** For callers that do not measure. */
        StageTimings NONE = (normalize, classify, locate, route, location, classification) -> { };

        void record(long normalize, long classify, long locate, long route, Location location,
                    Classification classification);
    }

    private final TextNormalizer normalizer;
    private final PersonalDataMasker masker;
    private final Classifier classifier;
    private final MunicipalityLocator locator;
    private final RoutingTable routing;
    private final double executorConfidence;

    public DecisionPath(TextNormalizer normalizer, PersonalDataMasker masker, Classifier classifier,
                        MunicipalityLocator locator, RoutingTable routing, double executorConfidence) {
        this.executorConfidence = executorConfidence;
        this.normalizer = normalizer;
        this.masker = masker;
        this.classifier = classifier;
        this.locator = locator;
        this.routing = routing;
    }

    public PreparedMessage decide(IncomingMessage message) {
        return decide(message, null, StageTimings.NONE);
    }

    /**
     * The decisions about one message, timed stage by stage ({@code normalizedText}: the text as the door
     * already normalized it, or null to normalize it here; masking counts with normalization).
     */
    public PreparedMessage decide(IncomingMessage message, String normalizedText, StageTimings timings) {
        long started = System.nanoTime();
        String normalized = normalizedText != null ? normalizedText : normalizer.normalize(message.text());
        String display = masker.mask(normalized);
        long normalizedAt = System.nanoTime();
        Classification classification = classifier.classify(message, normalized);
        long classifiedAt = System.nanoTime();
        Location location = locator.locate(message);
        long locatedAt = System.nanoTime();
        Route route = route(normalized, classification, location);
        timings.record(normalizedAt - started, classifiedAt - normalizedAt, locatedAt - classifiedAt,
                System.nanoTime() - locatedAt, location, classification);
        return new PreparedMessage(message, normalized, display, classification, location, route);
    }

    /**
     * The control room's overrides always win; otherwise the classifier's executor (text plus place) when
     * it is at least {@code executorConfidence} sure, else the learned routing table.
     */
    Route route(String normalized, Classification classification, Location location) {
        String municipality = location.isKnown() ? location.municipalityId() : null;
        Route table = routing.route(classification.topic(), classification.categoryId(), municipality);
        if (table.rule().startsWith("override")) {
            return table;
        }
        Optional<Classification.Candidate> predicted = classifier.executor(normalized, municipality);
        if (predicted.isPresent() && predicted.get().probability() >= executorConfidence) {
            return new Route(predicted.get().label(), table.deadlineClass(), String.format(Locale.ROOT,
                    "model: text+place (p=%.2f)", predicted.get().probability()));
        }
        return table;
    }
}
