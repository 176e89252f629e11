package ru.tsur.pulse.ingest;

import ru.tsur.pulse.problems.FieldError;
import ru.tsur.pulse.problems.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.pipeline.DecisionPath;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/classify}: what the pipeline would decide about a text — category, topic, confidence,
 * top-3 candidates, municipality, executor, deadline class and the routing rule that matched — without
 * storing anything. For operators checking a message and for integrators testing a feed.
 */
@Path("/api/v1/classify")
@Produces(MediaType.APPLICATION_JSON)
public class ClassifyResource {

    private static final int MAX_TEXT = 20_000;

    private final DecisionPath decisions;
    private final ObjectMapper json;
    private final Map<String, String> categoryNames = new HashMap<>();
    private final Map<String, String> municipalityNames = new HashMap<>();

    public ClassifyResource(DecisionPath decisions, ObjectMapper json, Region region) {
        this.decisions = decisions;
        this.json = json;
        region.categories().forEach(category -> categoryNames.put(category.id(), category.name()));
        region.municipalities().forEach(municipality -> municipalityNames.put(municipality.id(), municipality.name()));
        municipalityNames.put(Municipality.unknown().id(), Municipality.unknown().name());
        categoryNames.putIfAbsent(Category.OTHER_ID, "Прочее");
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Classify, locate and route a text without storing it",
            description = "Body: {\"text\": \"…\", \"lat\": 59.9, \"lon\": 30.3, \"address\": \"…\"}")
    public Map<String, Object> classify(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? new byte[0] : body);
        } catch (java.io.IOException e) {
            throw Problem.unreadable("The body is not valid JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            throw Problem.invalid(List.of(new FieldError("body", "must be a JSON object")));
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            errors.add(new FieldError("text", "is required"));
        } else if (text.asText().length() > MAX_TEXT) {
            errors.add(new FieldError("text", "must be at most " + MAX_TEXT + " characters"));
        }
        Double lat = coordinate(node, "lat", 90, errors);
        Double lon = coordinate(node, "lon", 180, errors);
        if ((lat == null) != (lon == null) && errors.isEmpty()) {
            errors.add(new FieldError(lat == null ? "lat" : "lon", "must be given together with " + (lat == null ? "lon" : "lat")));
        }
        JsonNode address = node.get("address");
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        PreparedMessage decided = decisions.decide(new IncomingMessage("classify", "-", Instant.now(), text.asText(),
                lat, lon, address != null && address.isTextual() ? address.asText() : null, null, null, null, null));
        return answer(decided);
    }

    private Map<String, Object> answer(PreparedMessage decided) {
        var classification = decided.classification();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("category", Map.of("id", classification.categoryId(),
                "name", categoryNames.getOrDefault(classification.categoryId(), classification.categoryId())));
        answer.put("topic", classification.topic());
        answer.put("confidence", round(classification.confidence()));
        answer.put("triage", classification.triage());
        answer.put("method", classification.method());
        answer.put("topCategories", classification.categoryCandidates().stream().map(candidate -> Map.of(
                "id", candidate.label(), "name", categoryNames.getOrDefault(candidate.label(), candidate.label()),
                "probability", round(candidate.probability()))).toList());
        answer.put("topTopics", classification.topicCandidates().stream().map(candidate -> Map.of(
                "topic", candidate.label(), "probability", round(candidate.probability()))).toList());
        answer.put("municipality", Map.of("id", decided.location().municipalityId(),
                "name", municipalityNames.getOrDefault(decided.location().municipalityId(), decided.location().municipalityId()),
                "method", decided.location().method()));
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("executor", decided.route().executor());
        route.put("deadlineClass", decided.route().deadlineClass());
        route.put("rule", decided.route().rule());
        answer.put("route", route);
        answer.put("displayText", decided.displayText());
        return answer;
    }

    private static Double coordinate(JsonNode node, String field, double limit, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || Math.abs(value.asDouble()) > limit) {
            errors.add(new FieldError(field, "must be a number between " + (int) -limit + " and " + (int) limit));
            return null;
        }
        return value.asDouble();
    }

    private static double round(double probability) {
        return Math.round(probability * 1000) / 1000.0;
    }
}
