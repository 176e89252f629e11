package ru.tsur.pulse.prevention;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
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
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.prevention.api.ChronicPlaceItem;
import ru.tsur.pulse.prevention.api.ExecutorMessages;
import ru.tsur.pulse.prevention.api.PlaceRegister;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/prevention/places?municipality=&category=&topic=&limit=}: the chronic-places register
 * ({@link ChronicPlaces}) as of now, built per request from PostgreSQL's messages of the last
 * {@value ChronicPlaces#WINDOW_DAYS} days that match the filters — so a topic's pooled return rate, the
 * score's prior, is pooled over the places the request reads (one municipality's when it names one).
 * Building the register is CPU work proportional to those messages: on a worker, not the event loop. A
 * municipal official reads its own municipalities only (all of them by default; another one is 403). Bad
 * parameters are a 400 naming each one; a PostgreSQL outage a 503 with Retry-After ({@code ProblemMapper}).
 */
@Path("/api/v1/prevention")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
public class PreventionResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 200;
    private static final String REGION_IDS = "неизвестный идентификатор; идентификаторы — в GET /api/v1/region";

    private final PreventionRepository repository;
    private final CurrentCaller caller;
    private final Clock clock;
    private final ChronicPlaces register = new ChronicPlaces(ChronicPlaces.Settings.defaults());
    private final Map<String, String> municipalityNames;
    private final Map<String, String> categoryNames;

    public PreventionResource(PreventionRepository repository, Region region, Clock clock, CurrentCaller caller) {
        this.repository = repository;
        this.caller = caller;
        this.clock = clock;
        this.municipalityNames = region.municipalityNames();
        this.categoryNames = region.categoryNames();
    }

    @GET
    @Path("/places")
    @Operation(summary = "Chronic places: place × topic ranked by how often the problem comes back, with counts, returns, executors and trend")
    @APIResponse(responseCode = "200", description = "The register", content = @Content(schema = @Schema(implementation = PlaceRegister.class)))
    public Uni<PlaceRegister> places(@Parameter(description = "A municipality id; none = all (an official's own)") @QueryParam("municipality") String municipality,
                                     @Parameter(description = "A category id; none = all") @QueryParam("category") String category,
                                     @Parameter(description = "One topic (at most 200 characters); none = all") @QueryParam("topic") String topic,
                                     @Parameter(description = "1 to 200, default 20", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
                                     @QueryParam("limit") String limit) {
        QueryParameters parameters = new QueryParameters();
        String chosenMunicipality = parameters.text("municipality", municipality, QueryParameters.MAX_TEXT_LENGTH);
        String chosenCategory = parameters.text("category", category, QueryParameters.MAX_TEXT_LENGTH);
        String chosenTopic = parameters.text("topic", topic, QueryParameters.MAX_TEXT_LENGTH);
        int count = parameters.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (chosenMunicipality != null && !municipalityNames.containsKey(chosenMunicipality)) {
            parameters.invalid("municipality", REGION_IDS);
        }
        if (chosenCategory != null && !categoryNames.containsKey(chosenCategory)) {
            parameters.invalid("category", REGION_IDS);
        }
        parameters.check();
        Caller who = caller.get();
        if (chosenMunicipality != null && !who.sees(chosenMunicipality)) {
            throw Problem.forbidden("Реестр доступен только по вашим муниципалитетам");
        }
        Set<String> municipalities = chosenMunicipality != null ? Set.of(chosenMunicipality)
                : who.municipalityScope().orElse(null);
        Instant now = clock.instant();
        PreventionRepository.Filter filter = new PreventionRepository.Filter(municipalities, chosenCategory, chosenTopic);
        return repository.placeMessages(now.minus(Duration.ofDays(ChronicPlaces.WINDOW_DAYS)), now, filter)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(messages -> {
                    List<ChronicPlace> rows = register.rank(messages, now);
                    List<ChronicPlaceItem> items = rows.stream().limit(count).map(this::item).toList();
                    return new PlaceRegister(now, chosenMunicipality, chosenCategory, chosenTopic, count, rows.size(), items);
                });
    }

    private ChronicPlaceItem item(ChronicPlace row) {
        List<ExecutorMessages> executors = row.executors().stream()
                .map(executor -> new ExecutorMessages(executor.executor(), executor.messages())).toList();
        return new ChronicPlaceItem(row.placeKey(), row.kind().name().toLowerCase(Locale.ROOT), row.label(),
                row.latitude(), row.longitude(), row.municipality(),
                row.municipality() == null ? null : municipalityNames.getOrDefault(row.municipality(), row.municipality()),
                row.category(), categoryNames.getOrDefault(row.category(), row.category()), row.topic(),
                row.messages30(), row.messages90(), row.episodes(), row.returns(), row.returnsAfterResolution(),
                round(row.medianDaysToReturn()), round(row.trend()), executors, row.firstMessageAt(), row.lastMessageAt(),
                round(row.exposureDays()), round(row.returnsPer90Days()), round(row.topicReturnsPer90Days()),
                round(row.score()));
    }

    /** Three decimals; null stays null. */
    static Double round(Double value) {
        return value == null ? null : Math.round(value * 1000) / 1000.0;
    }
}
