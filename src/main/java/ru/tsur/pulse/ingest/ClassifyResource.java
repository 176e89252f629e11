package ru.tsur.pulse.ingest;

import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.ingest.api.ClassifyAnswer;
import ru.tsur.pulse.ingest.api.ClassifyRequest;
import ru.tsur.pulse.pipeline.DecisionPath;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/classify}: what the pipeline would decide about a text — category, topic, confidence,
 * top-3 candidates, municipality, executor, deadline class and the routing rule that matched — without
 * storing anything. For operators checking a message and for integrators testing a feed. The body is a
 * typed {@link ClassifyRequest} with the ingest's bounds; the CPU work runs on a worker thread (a
 * synchronous method), never on the event loop.
 */
@Path("/api/v1/classify")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ClassifyResource {

    private final DecisionPath decisions;
    private final Clock clock;
    private final Map<String, String> categoryNames = new HashMap<>();
    private final Map<String, String> municipalityNames = new HashMap<>();

    public ClassifyResource(DecisionPath decisions, Region region, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
        region.categories().forEach(category -> categoryNames.put(category.id(), category.name()));
        region.municipalities().forEach(municipality -> municipalityNames.put(municipality.id(), municipality.name()));
        municipalityNames.put(Municipality.unknown().id(), Municipality.unknown().name());
        categoryNames.putIfAbsent(Category.OTHER_ID, "Прочее");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Classify, locate and route a text without storing it")
    @APIResponse(responseCode = "200", description = "The decision", content = @Content(schema = @Schema(implementation = ClassifyAnswer.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    public ClassifyAnswer classify(@NotNull(message = TextBounds.REQUIRED) @Valid ClassifyRequest request) {
        if ((request.lat() == null) != (request.lon() == null)) {
            throw Problem.invalid(request.lat() == null ? "lat" : "lon",
                    "указывается вместе с " + (request.lat() == null ? "lon" : "lat"));
        }
        PreparedMessage decided = decisions.decide(new IncomingMessage("classify", "-", clock.instant(), request.text(),
                request.lat(), request.lon(), TextBounds.clean(request.address()), null, null, null, null));
        return answer(decided);
    }

    private ClassifyAnswer answer(PreparedMessage decided) {
        var classification = decided.classification();
        List<ClassifyAnswer.CategoryCandidate> categories = classification.categoryCandidates().stream()
                .map(candidate -> new ClassifyAnswer.CategoryCandidate(candidate.label(),
                        categoryNames.getOrDefault(candidate.label(), candidate.label()), round(candidate.probability())))
                .toList();
        List<ClassifyAnswer.TopicCandidate> topics = classification.topicCandidates().stream()
                .map(candidate -> new ClassifyAnswer.TopicCandidate(candidate.label(), round(candidate.probability())))
                .toList();
        String municipalityId = decided.location().municipalityId();
        return new ClassifyAnswer(
                new ClassifyAnswer.NamedId(classification.categoryId(),
                        categoryNames.getOrDefault(classification.categoryId(), classification.categoryId())),
                classification.topic(), round(classification.confidence()), classification.triage(), classification.method(),
                categories, topics,
                new ClassifyAnswer.LocatedMunicipality(municipalityId, municipalityNames.getOrDefault(municipalityId, municipalityId),
                        decided.location().method()),
                new ClassifyAnswer.RouteDecision(decided.route().executor(), decided.route().deadlineClass(), decided.route().rule()),
                decided.displayText());
    }

    private static double round(double probability) {
        return Math.round(probability * 1000) / 1000.0;
    }
}
