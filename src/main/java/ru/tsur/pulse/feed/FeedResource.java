package ru.tsur.pulse.feed;

import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.feed.api.RecentMessages;
import ru.tsur.pulse.messages.MessageRepository;

/**
 * {@code GET /api/v1/messages/recent?limit=50}: the newest stored messages, newest first, as the feed shows
 * them (masked display text only, never the author). A PostgreSQL outage is a 503 with Retry-After (the
 * failure reaches {@code ProblemMapper}, which tells an outage from a fault).
 */
@Path("/api/v1/messages/recent")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    private static final int DEFAULT_LIMIT = 50;

    private final CurrentCaller caller;
    private final MessageRepository repository;
    private final FeedConfig config;

    public FeedResource(MessageRepository repository, FeedConfig config, CurrentCaller caller) {
        this.caller = caller;
        this.repository = repository;
        this.config = config;
    }

    @GET
    @Operation(summary = "The newest messages (display text only), newest first")
    @APIResponse(responseCode = "200", description = "The messages", content = @Content(schema = @Schema(implementation = RecentMessages.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    public Uni<RecentMessages> recent(@Parameter(description = "1 to pulse.feed.max-limit (200), default 50",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50")) @QueryParam("limit") String limit) {
        int count = QueryParameters.single(parameters ->
                parameters.integer("limit", limit, DEFAULT_LIMIT, 1, config.maxLimit()));
        Caller who = caller.get();
        return repository.newest(count).map(messages -> new RecentMessages(
                messages.stream().filter(message -> who.sees(message.municipality())).toList()));
    }
}
