package ru.tsur.pulse.messages;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.PathIds;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.audit.CallerAudit;
import ru.tsur.pulse.problems.Problem;

/**
 * {@code GET /api/v1/messages/{id}/original}: the unmasked message (text, author, address) for an operator
 * who must act on it. A privileged, audited act (152-ФЗ): operators and admins only, and the read and its
 * audit row ({@code personal-data.read}, target {@code message:<id>}) commit together — no audit row, no data.
 */
@Path("/api/v1/messages/{id}/original")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class OriginalMessageResource {

    private final MessageRepository messages;
    private final CallerAudit audit;

    public OriginalMessageResource(MessageRepository messages, CallerAudit audit) {
        this.messages = messages;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "The message as the resident wrote it (personal data; operators and admins; audited)")
    public Uni<OriginalMessage> original(@PathParam("id") String id) {
        long messageId = messageId(id);
        Actor actor = audit.caller();
        return messages.inTransaction(transaction -> messages.original(transaction, messageId).chain(found -> {
            OriginalMessage message = found.orElseThrow(() -> Problem.notFound("Нет сообщения № " + messageId));
            return audit.record(transaction, actor, "personal-data.read", "message:" + messageId, null)
                    .replaceWith(message);
        }));
    }

    private static long messageId(String id) {
        return PathIds.positive(id, "Нет такого сообщения: номер сообщения — целое положительное число");
    }
}
