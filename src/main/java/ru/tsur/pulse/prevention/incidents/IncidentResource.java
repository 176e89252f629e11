package ru.tsur.pulse.prevention.incidents;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.PathIds;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.prevention.incidents.api.DismissIncidentRequest;
import ru.tsur.pulse.prevention.incidents.api.IncidentDetail;
import ru.tsur.pulse.prevention.incidents.api.IncidentItem;
import ru.tsur.pulse.prevention.incidents.api.IncidentPage;
import ru.tsur.pulse.prevention.incidents.api.IncidentResolution;
import ru.tsur.pulse.prevention.incidents.api.LinkCasesRequest;
import ru.tsur.pulse.prevention.incidents.api.LinkedCases;
import ru.tsur.pulse.prevention.incidents.api.ResolveIncidentRequest;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incidents with one root cause ({@code /api/v1/prevention/incidents}): the list and one incident with its
 * messages and cases for the wall, operators and officials (an official sees its own municipalities'; another's
 * is 404, as if it did not exist); confirm, dismiss, link cases and resolve them together for operators
 * ({@link IncidentService}). Bad parameters are a 400 naming each, an illegal move a 409, all problem+json.
 */
@Path("/api/v1/prevention/incidents")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
public class IncidentResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    private static final Duration DEFAULT_SINCE = Duration.ofDays(30);
    private static final List<String> STATUSES = List.of("open", StoredIncident.DETECTED, StoredIncident.CONFIRMED,
            StoredIncident.DISMISSED, StoredIncident.RESOLVED, "all");
    private static final String ID = "Incident number";

    private final IncidentService incidents;
    private final IncidentRepository repository;
    private final CurrentCaller caller;
    private final Clock clock;
    private final Map<String, String> municipalityNames;
    private final Map<String, String> categoryNames;

    public IncidentResource(IncidentService incidents, IncidentRepository repository, CurrentCaller caller, Region region,
                            Clock clock) {
        this.incidents = incidents;
        this.repository = repository;
        this.caller = caller;
        this.clock = clock;
        this.municipalityNames = region.municipalityNames();
        this.categoryNames = region.categoryNames();
    }

    @GET
    @RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
    @Operation(summary = "Incidents with one root cause, newest first")
    @APIResponse(responseCode = "200", description = "The incidents", content = @Content(schema = @Schema(implementation = IncidentPage.class)))
    public Uni<IncidentPage> list(@Parameter(description = "open (default: detected or confirmed), detected, confirmed, dismissed, resolved or all")
                                  @QueryParam("status") String status,
                                  @Parameter(description = "A municipality id; none = all (an official's own)") @QueryParam("municipality") String municipality,
                                  @Parameter(description = "Started at or after (ISO-8601); default 30 days ago") @QueryParam("since") String since,
                                  @Parameter(description = "1 to 500, default 50", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
                                  @QueryParam("limit") String limit) {
        QueryParameters parameters = new QueryParameters();
        String chosenStatus = parameters.oneOf("status", status, "open", STATUSES);
        String chosenMunicipality = parameters.text("municipality", municipality, QueryParameters.MAX_TEXT_LENGTH);
        Instant from = parameters.instant("since", since, clock.instant().minus(DEFAULT_SINCE));
        int count = parameters.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (chosenMunicipality != null && !municipalityNames.containsKey(chosenMunicipality)) {
            parameters.invalid("municipality", "неизвестный идентификатор; идентификаторы — в GET /api/v1/region");
        }
        parameters.check();
        Caller who = caller.get();
        if (chosenMunicipality != null && !who.sees(chosenMunicipality)) {
            throw Problem.forbidden("Инциденты доступны только по вашим муниципалитетам");
        }
        Set<String> municipalities = chosenMunicipality != null ? Set.of(chosenMunicipality)
                : who.municipalityScope().orElse(null);
        Set<String> statuses = switch (chosenStatus) {
            case "open" -> Set.of(StoredIncident.DETECTED, StoredIncident.CONFIRMED);
            case "all" -> null;
            default -> Set.of(chosenStatus);
        };
        return repository.list(statuses, municipalities, from, count).map(found -> new IncidentPage(chosenStatus,
                chosenMunicipality, from, count, found.stream().map(this::item).toList()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
    @Operation(summary = "One incident with its messages (display text) and linked cases")
    @APIResponse(responseCode = "200", description = "The incident", content = @Content(schema = @Schema(implementation = IncidentDetail.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<IncidentDetail> get(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id) {
        long incidentId = incidentId(id);
        Caller who = caller.get();
        return incidents.get(incidentId).invoke(found -> {
            if (!who.sees(found.municipality())) {
                throw Problem.notFound("Нет инцидента № " + incidentId);
            }
        }).chain(found -> repository.messages(incidentId).chain(messages -> repository.cases(incidentId)
                .map(cases -> new IncidentDetail(item(found),
                        messages.stream().map(message -> new IncidentDetail.Message(message.id(), message.createdAt(),
                                message.text(), message.address(), message.latitude(), message.longitude(),
                                message.caseId())).toList(),
                        cases.stream().map(linked -> new IncidentDetail.LinkedCase(linked.id(), linked.status(),
                                linked.executor())).toList()))));
    }

    @POST
    @Path("{id}/confirm")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Operator: one root cause, confirmed")
    @APIResponse(responseCode = "200", description = "The incident", content = @Content(schema = @Schema(implementation = IncidentItem.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Uni<IncidentItem> confirm(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id) {
        return incidents.confirm(incidentId(id), caller.get()).map(this::item);
    }

    @POST
    @Path("{id}/dismiss")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Operator: no incident (a coincidence), with the reason; its alert resolves")
    @APIResponse(responseCode = "200", description = "The incident", content = @Content(schema = @Schema(implementation = IncidentItem.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    public Uni<IncidentItem> dismiss(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id,
                                     @NotNull(message = TextBounds.REQUIRED) @Valid DismissIncidentRequest request) {
        return incidents.dismiss(incidentId(id), request.reason(), caller.get()).map(this::item);
    }

    @POST
    @Path("{id}/link")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Operator: link the cases of the incident's messages, and the named ones, to it")
    @APIResponse(responseCode = "200", description = "The cases linked", content = @Content(schema = @Schema(implementation = LinkedCases.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    public Uni<LinkedCases> link(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id,
                                 @NotNull(message = TextBounds.REQUIRED) @Valid LinkCasesRequest request) {
        long incidentId = incidentId(id);
        return incidents.link(incidentId, request.caseIds(), caller.get()).map(linked -> new LinkedCases(incidentId, linked));
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Operator: resolve every linked case with one answer; the incident and its alert resolve")
    @APIResponse(responseCode = "200", description = "The incident and each case's outcome",
            content = @Content(schema = @Schema(implementation = IncidentResolution.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    public Uni<IncidentResolution> resolve(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id,
                                           @NotNull(message = TextBounds.REQUIRED) @Valid ResolveIncidentRequest request) {
        return incidents.resolve(incidentId(id), request.text(), caller.get()).map(resolution -> new IncidentResolution(
                item(resolution.incident()), resolution.cases().stream().map(outcome -> new IncidentResolution.CaseOutcome(
                        outcome.caseId(), outcome.outcome(), outcome.detail())).toList()));
    }

    private static long incidentId(String id) {
        return PathIds.positive(id, "Нет инцидента № " + id);
    }

    IncidentItem item(StoredIncident incident) {
        return new IncidentItem(incident.id(), incident.status(), incident.topic(), incident.category(),
                categoryNames.getOrDefault(incident.category(), incident.category()), incident.municipality(),
                municipalityNames.getOrDefault(incident.municipality(), incident.municipality()), incident.cause(),
                incident.start(), incident.end(), incident.detectedAt(), incident.latitude(), incident.longitude(),
                Math.round(incident.radiusMetres()), incident.places().size(), incident.messageCount(),
                Math.round(incident.expected() * 1000) / 1000.0, incident.pValue(), IncidentAlertText.alertId(incident),
                incident.statusBy(), incident.statusAt(), incident.statusNote());
    }
}
