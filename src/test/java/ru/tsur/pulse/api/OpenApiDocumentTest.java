package ru.tsur.pulse.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document ({@code /q/openapi}) describes the API well enough to use it from Swagger UI: every
 * operation under {@code /api/v1} has a summary and a success response, every refusal it names resolves to
 * the problem schema, and every action that takes a body shows its JSON schema with the required fields.
 */
@QuarkusTest
class OpenApiDocumentTest {

    /** The ingest's operations: their bodies (JSON or NDJSON, read by hand for per-item errors) are documented apart. */
    private static final Set<String> INGEST = Set.of("POST /api/v1/messages", "POST /api/v1/messages/batch");
    /** The one action without a body. */
    private static final String REBUILD = "POST /api/v1/admin/counters/rebuild";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private JsonNode document;

    @BeforeEach
    void readTheDocument() throws java.io.IOException {
        document = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void everyOperationHasASummaryAndASuccessResponse() {
        List<String> missing = new ArrayList<>();
        operations().forEach((name, operation) -> {
            if (operation.path("summary").asText().isBlank()) {
                missing.add(name + ": no summary");
            }
            boolean success = false;
            for (Iterator<String> codes = operation.path("responses").fieldNames(); codes.hasNext(); ) {
                success |= codes.next().startsWith("2");
            }
            if (!success) {
                missing.add(name + ": no 2xx response");
            }
        });
        assertThat(missing).isEmpty();
        assertThat(operations()).hasSize(57);
    }

    @Test
    void everyActionShowsItsJsonBodyWithTheRequiredFields() {
        Map<String, List<String>> required = new TreeMap<>();
        operations().forEach((name, operation) -> {
            if (name.startsWith("GET ") || name.startsWith("DELETE ") || INGEST.contains(name) || name.equals(REBUILD)) {
                return;
            }
            JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json").path("schema"));
            List<String> fields = new ArrayList<>();
            schema.path("required").forEach(field -> fields.add(field.asText()));
            required.put(name, fields);
        });
        assertThat(required).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("POST /api/v1/alerts/{id}/ack", List.of()),
                Map.entry("POST /api/v1/alerts/{id}/silence", List.of("reason")),
                Map.entry("POST /api/v1/cases/{id}/accept", List.of()),
                Map.entry("POST /api/v1/cases/{id}/answer", List.of("text")),
                Map.entry("POST /api/v1/cases/{id}/resolve", List.of()),
                Map.entry("POST /api/v1/cases/{id}/reject", List.of("reason")),
                Map.entry("POST /api/v1/cases/{id}/assign", List.of("executor")),
                Map.entry("POST /api/v1/cases/{id}/reassign", List.of("executor")),
                Map.entry("POST /api/v1/cases/{id}/confirm", List.of()),
                Map.entry("POST /api/v1/cases/{id}/reopen", List.of()),
                Map.entry("POST /api/v1/cases/{id}/merge", List.of("into")),
                Map.entry("POST /api/v1/cases/{id}/split", List.of("message")),
                Map.entry("POST /api/v1/classify", List.of("text")),
                Map.entry("POST /api/v1/answers/check", List.of("text")),
                Map.entry("POST /api/v1/admin/keys", List.of("name", "sources")),
                Map.entry("POST /api/v1/admin/executors", List.of("name")),
                Map.entry("POST /api/v1/audit/verify", List.of()),
                Map.entry("POST /api/v1/triage/{id}", List.of("category")),
                Map.entry("POST /api/v1/prevention/incidents/{id}/confirm", List.of()),
                Map.entry("POST /api/v1/prevention/incidents/{id}/dismiss", List.of("reason")),
                Map.entry("POST /api/v1/prevention/incidents/{id}/link", List.of("caseIds")),
                Map.entry("POST /api/v1/prevention/incidents/{id}/resolve", List.of("text")),
                Map.entry("POST /api/v1/prevention/measures",
                        List.of("title", "municipality", "category", "takenAt", "idempotencyKey"))));
        JsonNode silence = resolve(operations().get("POST /api/v1/alerts/{id}/silence")
                .path("requestBody").path("content").path("application/json").path("schema"));
        assertThat(silence.path("properties").has("by")).isFalse();
        assertThat(silence.path("properties").path("reason").path("description").asText()).contains("500");
        assertThat(silence.path("properties").has("until")).isTrue();
        assertThat(silence.path("properties").has("duration")).isTrue();
    }

    @Test
    void everyRefusalIsTheProblemSchemaAndOutagesCarryRetryAfter() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((name, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            if (INGEST.contains(name) || !response.getKey().startsWith("4") && !response.getKey().startsWith("5")) {
                return;
            }
            JsonNode answer = resolve(response.getValue());
            JsonNode schema = resolve(answer.path("content").path("application/problem+json").path("schema"));
            if (!schema.path("properties").has("type") || !schema.path("properties").has("detail")) {
                wrong.add(name + " " + response.getKey());
            }
            if (response.getKey().equals("503") && !answer.path("headers").has("Retry-After")) {
                wrong.add(name + " 503 without Retry-After");
            }
        }));
        assertThat(wrong).isEmpty();
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v1")) {
                path.getValue().fields().forEachRemaining(operation -> {
                    if (METHODS.contains(operation.getKey())) {
                        operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                    }
                });
            }
        });
        return operations;
    }

    /** Follows a {@code $ref} within the document ({@code #/components/…}). */
    private JsonNode resolve(JsonNode node) {
        String reference = node.path("$ref").asText();
        return reference.startsWith("#/") ? document.at(reference.substring(1)) : node;
    }
}
