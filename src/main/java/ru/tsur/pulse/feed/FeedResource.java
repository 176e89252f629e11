package ru.tsur.pulse.feed;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.problems.ProblemMapper;
import ru.tsur.pulse.messages.MessageRepository;

import java.util.Map;

/**
 * {@code GET /api/v1/messages/recent?limit=50}: the newest stored messages, newest first, as the feed shows
 * them (masked display text only, never the author).
 */
@Path("/api/v1/messages/recent")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    private final MessageRepository repository;
    private final FeedConfig config;

    public FeedResource(MessageRepository repository, FeedConfig config) {
        this.repository = repository;
        this.config = config;
    }

    @GET
    @Operation(summary = "The newest messages (display text only), newest first")
    public Uni<Response> recent(@QueryParam("limit") @DefaultValue("50") String limit) {
        int count;
        try {
            count = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > config.maxLimit()) {
            return Uni.createFrom().item(ProblemMapper.response(Problem.invalid("limit", "must be a whole number from 1 to " + config.maxLimit())));
        }
        return repository.newest(count).map(messages -> Response.ok(Map.of("messages", messages)).build())
                .onFailure().recoverWithItem(failure -> ProblemMapper.response(Problem.unavailable("PostgreSQL недоступен", 5)));
    }
}
