package ru.tsur.pulse.ingest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.messages.MessageRepository;
import ru.tsur.pulse.messages.StoredMessageStatus;
import ru.tsur.pulse.problems.Problem;

import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code GET /api/v1/messages/by-key?source=portal&externalId=…}: a message found by the key its source gave it.
 * Under the Kafka binding a 202 means «the broker has it» and carries no id; a source polls here until the
 * pipeline has stored it (404 until then). A source system sees only the sources its key may post as (403 for
 * another); operators see any.
 */
@Path("/api/v1/messages/by-key")
@RolesAllowed({Roles.SOURCE, Roles.OPERATOR})
@Produces(MediaType.APPLICATION_JSON)
public class MessageLookupResource {

    private final MessageRepository repository;
    private final CurrentCaller caller;

    public MessageLookupResource(MessageRepository repository, CurrentCaller caller) {
        this.repository = repository;
        this.caller = caller;
    }

    /** The parameters, both required. */
    private record Key(String source, String externalId) {
    }

    @GET
    @Operation(summary = "A message by its idempotency key (source, externalId): its id, place, category and case")
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(schema = @Schema(implementation = StoredMessageStatus.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    public Uni<StoredMessageStatus> find(
            @Parameter(description = "The source the message was posted as (case does not matter)", required = true)
            @QueryParam("source") String source,
            @Parameter(description = "The source's own id of the message", required = true)
            @QueryParam("externalId") String externalId) {
        Key key = QueryParameters.single(parameters -> {
            String sourceName = required(parameters, "source", source, MessageParser.MAX_SOURCE);
            String id = required(parameters, "externalId", externalId, MessageParser.MAX_EXTERNAL_ID);
            return new Key(sourceName == null ? null : sourceName.toLowerCase(Locale.ROOT), id);
        });
        Caller who = caller.get();
        if (who.keyId() != null && !who.sources().contains(key.source())) {
            throw Problem.forbidden("Ключ " + who.keyId() + " не видит сообщения источника «" + key.source()
                    + "»; разрешены: " + String.join(", ", new TreeSet<>(who.sources())));
        }
        return repository.byKey(key.source(), key.externalId()).map(found -> found.orElseThrow(() -> Problem.notFound(
                "Сообщение " + key.source() + "/" + key.externalId() + " ещё не сохранено (или не приходило)")));
    }

    /** A required text parameter: absent or blank is a problem of its own, else the text rule applies. */
    private static String required(QueryParameters parameters, String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            parameters.invalid(name, "обязательный параметр");
            return null;
        }
        return parameters.text(name, value, maxLength);
    }
}
