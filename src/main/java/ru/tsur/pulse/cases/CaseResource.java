package ru.tsur.pulse.cases;

import ru.tsur.pulse.api.PathIds;
import ru.tsur.pulse.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
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
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.api.TextLimit;
import ru.tsur.pulse.cases.api.CaseDetail;
import ru.tsur.pulse.cases.api.CasePage;
import ru.tsur.pulse.cases.api.RepeatRate;
import ru.tsur.pulse.cases.api.RepeatRateLine;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The cases read API: list with filters and pages, one case with its messages and events, and the repeat
 * rate ({@link CaseMoveResource} moves a case). Query parameters are checked with {@code QueryParameters};
 * an unknown case, or an id that is no case number, is a 404; every refusal is problem+json in Russian.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
public class CaseResource {

    static final String ID = "The case number (a positive whole number)";
    private static final Map<String, String> REPEAT_COLUMNS = Map.of("municipality", "municipality_id",
            "topic", "topic_key", "executor", "executor");
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_DAYS = 366;

    private final CaseRepository repository;
    private final CasesConfig config;
    private final Clock clock;
    private final CurrentCaller caller;

    public CaseResource(CaseRepository repository, CasesConfig config, Clock clock, CurrentCaller caller) {
        this.caller = caller;
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.EXECUTOR, Roles.OFFICIAL, Roles.ADMIN})
    @Operation(summary = "List cases, newest first, one page at a time (an executor sees its own, a municipal official its municipality's)",
            description = "Filters are optional; executor at most 300 characters, municipality 200; size 1 to pulse.cases.max-page-size (200)")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = CasePage.class)))
    public Uni<CasePage> list(@Parameter(description = "new, assigned, in_progress, answered, resolved, confirmed, reopened, rejected or merged") @QueryParam("status") String status,
                              @Parameter(description = "The executor's name") @QueryParam("executor") String executor,
                              @Parameter(description = "A municipality id") @QueryParam("municipality") String municipality,
                              @Parameter(description = "true or false") @QueryParam("overdue") String overdue,
                              @Parameter(description = "true or false: only repeats, or only first cases") @QueryParam("repeat") String repeat,
                              @Parameter(description = "Page number from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
                              @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50")) @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        String chosenStatus = parameters.oneOf("status", status, null, Arrays.stream(CaseStatus.values()).map(CaseStatus::id).toList());
        String chosenExecutor = parameters.text("executor", executor, TextLimit.MAX_EXECUTOR_LENGTH);
        String chosenMunicipality = parameters.text("municipality", municipality, QueryParameters.MAX_TEXT_LENGTH);
        Boolean onlyOverdue = parameters.bool("overdue", overdue);
        Boolean onlyRepeats = parameters.bool("repeat", repeat);
        int pageSize = parameters.integer("size", size, DEFAULT_PAGE_SIZE, 1, config.maxPageSize());
        // page × size must stay an int offset: the largest page is bounded by the chosen size.
        int pageNumber = parameters.integer("page", page, 0, 0, Integer.MAX_VALUE / pageSize);
        parameters.check();
        return repository.list(chosenStatus, chosenExecutor, chosenMunicipality, onlyOverdue, onlyRepeats,
                        CaseScope.of(caller.get()), pageSize, pageNumber * pageSize)
                .map(result -> new CasePage(pageNumber, pageSize, result.total(), result.items()));
    }

    @GET
    @Path("/repeat-rate")
    @RolesAllowed({Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
    @Operation(summary = "Repeat rate of cases by municipality, topic or executor over the last days")
    @APIResponse(responseCode = "200", description = "The repeat rate", content = @Content(schema = @Schema(implementation = RepeatRate.class)))
    public Uni<RepeatRate> repeatRate(@Parameter(description = "municipality (default), topic or executor") @QueryParam("by") String by,
                                      @Parameter(description = "1 to 366, default 30", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "30")) @QueryParam("days") String days) {
        QueryParameters parameters = new QueryParameters();
        String dimension = parameters.oneOf("by", by, "municipality", List.of("municipality", "topic", "executor"));
        int period = parameters.integer("days", days, 30, 1, MAX_DAYS);
        parameters.check();
        Caller who = caller.get();
        if (who.municipalityScope().isPresent() && !dimension.equals("municipality")) {
            throw Problem.forbidden("Доля повторных по исполнителям и темам охватывает весь регион; вам доступна by=municipality");
        }
        return repository.repeatCountsBy(REPEAT_COLUMNS.get(dimension), clock.instant().minus(Duration.ofDays(period)))
                .map(counts -> new RepeatRate(dimension, period, counts.stream().filter(count -> who.sees(count.key()))
                        .map(count -> RepeatRateLine.of(count.key(), count.cases(), count.repeats())).toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.EXECUTOR, Roles.OFFICIAL, Roles.ADMIN})
    @Operation(summary = "One case with its messages (masked text) and events")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(schema = @Schema(implementation = CaseDetail.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<CaseDetail> get(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id) {
        long caseId = caseId(id);
        return repository.find(caseId).chain(found -> {
            ProblemCase problem = found.filter(CaseScope.of(caller.get())::includes)
                    .orElseThrow(() -> Problem.notFound("Нет обращения № " + caseId));
            return repository.messages(caseId).chain(messages -> repository.events(caseId)
                    .map(events -> new CaseDetail(problem, messages, events)));
        });
    }

    /** A path id that is not a positive whole number names no case: 404 without asking PostgreSQL. */
    static long caseId(String id) {
        return PathIds.positive(id, "Нет такого обращения: номер обращения — целое положительное число");
    }
}
