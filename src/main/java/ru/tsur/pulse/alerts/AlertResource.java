package ru.tsur.pulse.alerts;

import ru.tsur.pulse.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.alerts.api.AlertHistory;
import ru.tsur.pulse.alerts.api.SilenceRequest;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The alerts REST API: list and read alerts and their history; acknowledge, silence (until a time or for a
 * duration, at most {@code pulse.alerts.max-silence} ahead, with a reason) and lift a silence. Bodies are
 * typed records checked by Bean Validation; an id that is not a fingerprint, or names no alert, is 404;
 * every refusal is problem+json in Russian.
 */
@Path("/api/v1/alerts")
@RolesAllowed({Roles.OPERATOR, Roles.OFFICIAL, Roles.WALL, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
public class AlertResource {

    private static final String ID = "The alert's id: 24 lower-case hex digits (a fingerprint of its kind and labels)";

    private final CurrentCaller caller;
    private final AlertService alerts;
    private final AlertsConfig config;
    private final Clock clock;

    public AlertResource(AlertService alerts, AlertsConfig config, Clock clock, CurrentCaller caller) {
        this.caller = caller;
        this.alerts = alerts;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "List alerts, most recently changed first",
            description = "Filters are optional; at most pulse.alerts.list-limit (500) alerts. Free-text filters at most 200 characters (executor 300).")
    @APIResponse(responseCode = "200", description = "The alerts",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Alert.class)))
    public Uni<List<Alert>> list(@Parameter(description = "firing or resolved") @QueryParam("state") String state,
                                 @Parameter(description = "deadline, tension, …") @QueryParam("kind") String kind,
                                 @Parameter(description = "A municipality id label") @QueryParam("municipality") String municipality,
                                 @Parameter(description = "An executor label") @QueryParam("executor") String executor) {
        QueryParameters parameters = new QueryParameters();
        String chosenState = parameters.oneOf("state", state, null, List.of(Alert.FIRING, Alert.RESOLVED));
        String chosenKind = parameters.text("kind", kind, QueryParameters.MAX_TEXT_LENGTH);
        String chosenMunicipality = parameters.text("municipality", municipality, QueryParameters.MAX_TEXT_LENGTH);
        String chosenExecutor = parameters.text("executor", executor, TextLimit.MAX_EXECUTOR_LENGTH);
        parameters.check();
        Caller who = caller.get();
        // A municipal official sees the alerts of its municipalities only (region-wide ones are not theirs).
        return alerts.list(chosenState, chosenKind, chosenMunicipality, chosenExecutor, config.listLimit())
                .map(found -> found.stream().filter(alert -> who.sees(alert.labels().get("municipality"))).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One alert")
    @APIResponse(responseCode = "200", description = "The alert", content = @Content(schema = @Schema(implementation = Alert.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<Alert> get(@Parameter(description = ID) @PathParam("id") String id) {
        requireFingerprint(id);
        Caller who = caller.get();
        return alerts.find(id).map(found -> orNotFound(found.filter(alert -> who.sees(alert.labels().get("municipality"))), id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "What operators did to an alert, newest first",
            description = "Acknowledgements, silences and lifted silences with who, when, until when and why; at most pulse.alerts.history-limit (50) entries")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(schema = @Schema(implementation = AlertHistory.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<AlertHistory> history(@Parameter(description = ID) @PathParam("id") String id) {
        requireFingerprint(id);
        Caller who = caller.get();
        return alerts.find(id).map(found -> orNotFound(found.filter(alert -> who.sees(alert.labels().get("municipality"))), id))
                .chain(alert -> alerts.history(id, config.historyLimit()))
                .map(events -> new AlertHistory(id, events));
    }

    @POST
    @Path("/{id}/ack")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Acknowledge an alert (\"I am on it\")", description = "No body: who acknowledges is the caller. Kept in the alert's history and the audit trail")
    @APIResponse(responseCode = "200", description = "The acknowledged alert", content = @Content(schema = @Schema(implementation = Alert.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<Alert> acknowledge(@Parameter(description = ID) @PathParam("id") String id) {
        requireFingerprint(id);
        return alerts.acknowledge(id, caller.get()).map(found -> orNotFound(found, id));
    }

    @POST
    @Path("/{id}/silence")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Silence an alert until a time or for a duration, with a reason",
            description = "Exactly one of until and duration; at most pulse.alerts.max-silence (7 days) ahead. Kept in the alert's history")
    @APIResponse(responseCode = "200", description = "The silenced alert", content = @Content(schema = @Schema(implementation = Alert.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    public Uni<Alert> silence(@Parameter(description = ID) @PathParam("id") String id,
                              @NotNull(message = TextBounds.REQUIRED) @Valid SilenceRequest request) {
        requireFingerprint(id);
        Instant until = SilencePeriod.end(clock.instant(), request.until() == null ? null : request.until().toInstant(),
                request.duration(), config.maxSilence());
        return alerts.silence(id, until, request.reason(), caller.get()).map(found -> orNotFound(found, id));
    }

    @DELETE
    @Path("/{id}/silence")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Lift an alert's silence", description = "No body: who lifts it is the caller. Kept in the alert's history and the audit trail")
    @APIResponse(responseCode = "200", description = "The alert, no longer silenced", content = @Content(schema = @Schema(implementation = Alert.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<Alert> unsilence(@Parameter(description = ID) @PathParam("id") String id) {
        requireFingerprint(id);
        return alerts.unsilence(id, caller.get()).map(found -> orNotFound(found, id));
    }

    /** An id that cannot be a fingerprint names no alert: 404 without asking PostgreSQL. */
    private static void requireFingerprint(String id) {
        if (!AlertLabels.isFingerprint(id)) {
            throw Problem.notFound("Нет такого оповещения: номер оповещения — 24 шестнадцатеричные цифры");
        }
    }

    private static Alert orNotFound(Optional<Alert> found, String id) {
        return found.orElseThrow(() -> Problem.notFound("Нет оповещения " + id));
    }
}
