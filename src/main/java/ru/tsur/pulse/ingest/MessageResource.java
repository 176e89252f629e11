package ru.tsur.pulse.ingest;

import ru.tsur.pulse.problems.JsonProblems;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.keys.KeyRateLimiter;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.problems.FieldError;
import ru.tsur.pulse.problems.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.pipeline.Submission;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest API: one message or a batch (JSON array or NDJSON). Answers 202 with the assigned ids only
 * once the messages are committed in PostgreSQL; a repeated (source, externalId) gets the original id.
 */
@Path("/api/v1/messages")
@RolesAllowed({Roles.SOURCE, Roles.OPERATOR})
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    public static final String NDJSON = "application/x-ndjson";

    private final IngestGateway gateway;
    private final ObjectMapper json;
    private final MessageParser parser;
    private final IngestConfig config;

    private final CurrentCaller caller;
    private final KeyRateLimiter limiter;

    public MessageResource(IngestGateway gateway, ObjectMapper json, IngestConfig config, TextNormalizer normalizer,
                           Clock clock, CurrentCaller caller, KeyRateLimiter limiter) {
        this.gateway = gateway;
        this.json = json;
        this.config = config;
        this.caller = caller;
        this.limiter = limiter;
        this.parser = new MessageParser(clock, config.maxClockSkew(), config.maxTextLength(), normalizer);
    }

    /**
     * A source system posts only as the sources its key names (403 naming the first other one), and at most at
     * its key's rate (429 with Retry-After). Operators entering a message taken by phone may name any source.
     */
    private void admit(List<IncomingMessage> messages, String fieldPrefix) {
        Caller who = caller.get();
        if (who.keyId() == null) {
            return;
        }
        for (int index = 0; index < messages.size(); index++) {
            String source = messages.get(index).source();
            if (!who.sources().contains(source)) {
                String field = fieldPrefix.isEmpty() ? "source" : "[" + index + "].source";
                throw Problem.forbidden("Ключ " + who.keyId() + " не может отправлять сообщения от имени источника «"
                        + source + "» (поле " + field + "); разрешены: " + String.join(", ", new java.util.TreeSet<>(who.sources())));
            }
        }
        limiter.admit(who.keyId(), messages.size()).ifPresent(refusal -> {
            throw refusal;
        });
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Accept one message", description = "202 once committed; a repeated (source, externalId) returns the original id")
    @APIResponse(responseCode = "202", description = "Stored (or already stored)")
    @APIResponse(responseCode = "400", description = "Invalid message (problem+json naming each bad field)")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "503", description = "PostgreSQL unavailable or pipeline full; see Retry-After")
    public Uni<Response> accept(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        requireJson(contentType, false);
        JsonNode node = readJson(utf8(checkSize(body)), "The body");
        MessageParser.Parsed parsed = parser.parse(node, "");
        if (!parsed.valid()) {
            gateway.recordRejected(node.path("source").asText(""), 1);
            throw Problem.invalid(parsed.errors());
        }
        admit(List.of(parsed.message()), "");
        return gateway.submit(List.of(parsed.submission())).map(accepted -> {
            if (!accepted.get(0).stored()) {
                throw Problem.invalid(List.of(new FieldError("body", accepted.get(0).refused())));
            }
            return Response.accepted(result(accepted.get(0))).build();
        });
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Accept a batch", description = "A JSON array or NDJSON (application/x-ndjson); all items are validated before any is stored")
    @APIResponse(responseCode = "202", description = "All stored; results in input order")
    @APIResponse(responseCode = "400", description = "Some items invalid; nothing stored (problem+json naming [index].field)")
    @APIResponse(responseCode = "413", description = "Body too large or more items than allowed")
    @APIResponse(responseCode = "503", description = "PostgreSQL unavailable or pipeline full; see Retry-After")
    public Uni<Response> acceptBatch(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        boolean ndjson = requireJson(contentType, true);
        String text = utf8(checkSize(body));
        List<JsonNode> items = ndjson ? readNdjson(text) : readArray(text);
        if (items.isEmpty()) {
            throw Problem.invalid(List.of(new FieldError("body", "must contain at least one message")));
        }
        if (items.size() > config.batchMaxCount()) {
            throw Problem.tooLarge("A batch holds at most " + config.batchMaxCount() + " messages; this one has "
                    + items.size());
        }
        List<IncomingMessage> messages = new ArrayList<>(items.size());
        List<Submission> submissions = new ArrayList<>(items.size());
        List<FieldError> errors = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            MessageParser.Parsed parsed = parser.parse(items.get(index), "[" + index + "].");
            errors.addAll(parsed.errors());
            messages.add(parsed.message());
            submissions.add(parsed.submission());
        }
        if (!errors.isEmpty()) {
            items.forEach(item -> gateway.recordRejected(item.path("source").asText(""), 1));
            throw Problem.invalid(errors);
        }
        admit(messages, "[]");
        return gateway.submit(submissions).map(accepted -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            List<Map<String, Object>> results = new ArrayList<>(accepted.size());
            List<FieldError> refused = new ArrayList<>();
            for (int index = 0; index < accepted.size(); index++) {
                IngestGateway.Accepted one = accepted.get(index);
                if (one.stored()) {
                    results.add(result(one));
                } else {
                    results.add(Map.of("refused", one.refused()));
                    refused.add(new FieldError("[" + index + "]", one.refused()));
                }
            }
            answer.put("accepted", accepted.stream().filter(IngestGateway.Accepted::stored).count());
            answer.put("duplicates", accepted.stream().filter(IngestGateway.Accepted::duplicate).count());
            answer.put("results", results);
            if (!refused.isEmpty()) {
                answer.put("refused", refused);
            }
            return Response.accepted(answer).build();
        });
    }

    private static Map<String, Object> result(IngestGateway.Accepted accepted) {
        Map<String, Object> result = new LinkedHashMap<>();
        // Under the Kafka binding the answer comes with the broker's acknowledgement, before PostgreSQL gave an
        // id: both fields are null then (the message is durable in the log; (source, externalId) finds it later).
        result.put("id", accepted.committed() ? accepted.id() : null);
        result.put("duplicate", accepted.committed() ? accepted.duplicate() : null);
        return result;
    }

    /** Accepts JSON (and NDJSON where allowed); no content type is taken as JSON. Returns whether NDJSON. */
    private static boolean requireJson(String contentType, boolean ndjsonAllowed) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (type.equals(MediaType.APPLICATION_JSON) || type.endsWith("+json")) {
            return false;
        }
        if (ndjsonAllowed && (type.equals(NDJSON) || type.equals("application/ndjson") || type.equals("application/jsonl"))) {
            return true;
        }
        throw Problem.unsupportedMediaType("Content-Type must be application/json"
                + (ndjsonAllowed ? " or " + NDJSON : "") + ", not " + type);
    }

    private byte[] checkSize(byte[] body) {
        if (body == null || body.length == 0) {
            throw Problem.unreadable("The request body is empty");
        }
        if (body.length > config.maxBodyBytes()) {
            throw Problem.tooLarge("The body has " + body.length + " bytes; at most " + config.maxBodyBytes()
                    + " are accepted");
        }
        return body;
    }

    /**
     * The body as text: UTF-8 only, decoded strictly — an invalid or overlong sequence is a 400, never a
     * replacement character or another charset's guess. A UTF-8 byte order mark is skipped.
     */
    static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            bytes.position(3);
        }
        try {
            return decoder.decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw Problem.unreadable("The body is not valid UTF-8 (byte " + bytes.position() + ")");
        }
    }

    /** One JSON value and nothing after it; a repeated key is refused (the mapper is strict, see StrictJson). */
    private JsonNode readJson(String body, String where) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw Problem.unreadable(where + " holds no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Problem.unreadable(where + " is not valid JSON: " + JsonProblems.shortened(e.getOriginalMessage()));
        }
    }

    private List<JsonNode> readArray(String body) {
        JsonNode node = readJson(body, "The body");
        if (!node.isArray()) {
            throw Problem.invalid(List.of(new FieldError("body", "must be a JSON array of messages (or NDJSON)")));
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        node.forEach(items::add);
        return items;
    }

    /** One message per line; a line with anything after its JSON value (two objects, say) is refused by number. */
    private List<JsonNode> readNdjson(String body) {
        List<JsonNode> items = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        for (int line = 0; line < lines.length; line++) {
            if (lines[line].isBlank()) {
                continue;
            }
            try {
                items.add(json.readTree(lines[line]));
            } catch (JsonProcessingException e) {
                throw Problem.invalid(List.of(new FieldError("line " + (line + 1),
                        "is not one valid JSON value: " + JsonProblems.shortened(e.getOriginalMessage()))));
            }
        }
        return items;
    }
}
