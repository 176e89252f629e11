package ru.tsur.pulse.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.api.JsonBodies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The alerts REST API: list and read alerts; acknowledge, silence (until a time or for a duration, with a
 * reason) and lift a silence. Unknown ids are 404, bad bodies 400, both as problem+json.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    /** The latest end of a silence: keeps far-off times (overflowing or beyond PostgreSQL's range) a 400. */
    static final Instant LATEST_UNTIL = Instant.parse("9999-12-31T23:59:59Z");

    private final AlertService alerts;
    private final AlertsConfig config;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public AlertResource(AlertService alerts, AlertsConfig config, ObjectMapper json) {
        this.alerts = alerts;
        this.config = config;
        this.json = json;
    }

    @GET
    public Uni<List<Alert>> list(@QueryParam("state") String state, @QueryParam("kind") String kind,
                                 @QueryParam("municipality") String municipality,
                                 @QueryParam("executor") String executor) {
        if (state != null && !state.equals(Alert.FIRING) && !state.equals(Alert.RESOLVED)) {
            throw Problem.invalid("request", "Unknown state '" + state + "'; use firing or resolved");
        }
        return alerts.list(state, blankToNull(kind), blankToNull(municipality), blankToNull(executor), config.listLimit());
    }

    @GET
    @Path("/{id}")
    public Uni<Alert> get(@PathParam("id") String id) {
        return alerts.find(id).map(found -> orNotFound(found, id));
    }

    @POST
    @Path("/{id}/ack")
    @Consumes(MediaType.WILDCARD)
    public Uni<Alert> acknowledge(@PathParam("id") String id, String body) {
        String by = JsonBodies.requiredText(JsonBodies.object(json, body), "by");
        return alerts.acknowledge(id, by).map(found -> orNotFound(found, id));
    }

    @POST
    @Path("/{id}/silence")
    @Consumes(MediaType.WILDCARD)
    public Uni<Alert> silence(@PathParam("id") String id, String body) {
        JsonNode request = JsonBodies.object(json, body);
        String by = JsonBodies.requiredText(request, "by");
        String reason = JsonBodies.requiredText(request, "reason");
        Instant until = JsonBodies.optionalInstant(request, "until");
        Duration duration = JsonBodies.optionalDuration(request, "duration");
        Instant now = clock.instant();
        if ((until == null) == (duration == null)) {
            throw Problem.invalid("request", "Give exactly one of 'until' (ISO-8601 time) or 'duration' (e.g. PT2H)");
        }
        if (until == null) {
            if (duration.isNegative() || duration.isZero()) {
                throw Problem.invalid("request", "'duration' must be positive");
            }
            if (duration.compareTo(Duration.between(now, LATEST_UNTIL)) > 0) {
                throw Problem.invalid("request", "A silence must end by " + LATEST_UNTIL);
            }
            until = now.plus(duration);
        }
        if (!until.isAfter(now)) {
            throw Problem.invalid("request", "'until' must lie in the future");
        }
        if (until.isAfter(LATEST_UNTIL)) {
            throw Problem.invalid("request", "A silence must end by " + LATEST_UNTIL);
        }
        return alerts.silence(id, until, reason, by).map(found -> orNotFound(found, id));
    }

    @DELETE
    @Path("/{id}/silence")
    public Uni<Alert> unsilence(@PathParam("id") String id) {
        return alerts.unsilence(id).map(found -> orNotFound(found, id));
    }

    private static Alert orNotFound(Optional<Alert> found, String id) {
        return found.orElseThrow(() -> Problem.notFound("No alert with id '" + id + "'"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
