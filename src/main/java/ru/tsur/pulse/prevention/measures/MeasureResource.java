package ru.tsur.pulse.prevention.measures;

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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.prevention.measures.api.MeasureDetail;
import ru.tsur.pulse.prevention.measures.api.MeasureItem;
import ru.tsur.pulse.prevention.measures.api.MeasureList;
import ru.tsur.pulse.prevention.measures.api.MeasureRequest;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.util.Set;

/**
 * Measures and their effect ({@code /api/v1/prevention/measures}): an operator or admin enters what was done
 * ({@code POST}, audited as {@code measure.create}; a retry with the same {@code idempotencyKey} answers 200
 * with the measure already stored instead of 201 with a new one); operators, officials and admins list them
 * with their effect as of now and read one with its weekly chart. A municipal official sees its own
 * municipalities' measures only (another municipality's is 403 — in the list and by id). Computing effects
 * is CPU work done on a worker ({@link MeasureEffects}).
 */
@Path("/api/v1/prevention/measures")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
public class MeasureResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final String REGION_IDS = "неизвестный идентификатор; идентификаторы — в GET /api/v1/region";
    private static final String NOT_YOURS = "Меры доступны только по вашим муниципалитетам";

    private final MeasureBook book;
    private final MeasureEffects effects;
    private final CurrentCaller caller;
    private final Clock clock;

    public MeasureResource(MeasureBook book, MeasureEffects effects, CurrentCaller caller, Clock clock) {
        this.book = book;
        this.effects = effects;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Enter a measure: what was done, where, when, for which category or topic (audited; idempotent by idempotencyKey)")
    @APIResponse(responseCode = "201", description = "Stored, with its effect as of now", content = @Content(schema = @Schema(implementation = MeasureItem.class)))
    @APIResponse(responseCode = "200", description = "A retry: the measure this key already stored", content = @Content(schema = @Schema(implementation = MeasureItem.class)))
    public Uni<RestResponse<MeasureItem>> enter(@Valid @NotNull(message = "нужно тело запроса") MeasureRequest request) {
        Actor actor = Actor.of(caller.get());
        return book.enter(request, actor).map(entered -> RestResponse.status(
                entered.created() ? Response.Status.CREATED : Response.Status.OK, entered.measure()));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
    @Operation(summary = "Measures, newest taken first, each with its effect: observed vs expected after it against comparable units without a measure, with a 95% interval")
    @APIResponse(responseCode = "200", description = "The measures", content = @Content(schema = @Schema(implementation = MeasureList.class)))
    public Uni<MeasureList> list(@Parameter(description = "A municipality id; none = all (an official's own)") @QueryParam("municipality") String municipality,
                                 @Parameter(description = "A category id; none = all") @QueryParam("category") String category,
                                 @Parameter(description = "1 to 200, default 50", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
                                 @QueryParam("limit") String limit) {
        QueryParameters parameters = new QueryParameters();
        String chosenMunicipality = parameters.text("municipality", municipality, QueryParameters.MAX_TEXT_LENGTH);
        String chosenCategory = parameters.text("category", category, QueryParameters.MAX_TEXT_LENGTH);
        int count = parameters.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (chosenMunicipality != null && !book.knowsMunicipality(chosenMunicipality)) {
            parameters.invalid("municipality", REGION_IDS);
        }
        if (chosenCategory != null && !book.knowsCategory(chosenCategory)) {
            parameters.invalid("category", REGION_IDS);
        }
        parameters.check();
        Caller who = caller.get();
        if (chosenMunicipality != null && !who.sees(chosenMunicipality)) {
            throw Problem.forbidden(NOT_YOURS);
        }
        Set<String> municipalities = chosenMunicipality != null ? Set.of(chosenMunicipality)
                : who.municipalityScope().orElse(null);
        return effects.list(municipalities, chosenCategory, null, null, null, count)
                .map(results -> new MeasureList(clock.instant(), chosenMunicipality, chosenCategory,
                        results.stream().map(book::item).toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
    @Operation(summary = "One measure with its effect and the weekly series of the treated unit and its controls, before and after")
    @APIResponse(responseCode = "200", description = "The measure", content = @Content(schema = @Schema(implementation = MeasureDetail.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<MeasureDetail> one(@PathParam("id") String id) {
        long number = QueryParameters.single(parameters -> (long) parameters.integer("id", id, 0, 1, Integer.MAX_VALUE));
        Caller who = caller.get();
        return effects.find(number).map(found -> {
            MeasureResult result = found.orElseThrow(() -> Problem.notFound("Нет меры " + number));
            if (!who.sees(result.measure().municipality())) {
                throw Problem.forbidden(NOT_YOURS);
            }
            return book.detail(result);
        });
    }
}
