package ru.tsur.pulse.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases API: list with filters and pages, one case with its messages and events, and the moves of
 * executors ({@code accept}, {@code answer}, {@code resolve}, {@code reject}), operators ({@code assign},
 * {@code reassign}) and residents ({@code confirm}, {@code reopen}, what a portal calls). Every move body
 * names who acts ({@code "by"}); an illegal move is 409, an unknown case 404, a bad body 400.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final CaseRepository repository;
    private final CaseService cases;
    private final CasesConfig config;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public CaseResource(CaseRepository repository, CaseService cases, CasesConfig config, ObjectMapper json) {
        this.repository = repository;
        this.cases = cases;
        this.config = config;
        this.json = json;
    }

    @GET
    public Uni<Map<String, Object>> list(@QueryParam("status") String status, @QueryParam("executor") String executor,
                                         @QueryParam("municipality") String municipality,
                                         @QueryParam("overdue") String overdue, @QueryParam("repeat") String repeat,
                                         @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (status != null && CaseStatus.byId(status).isEmpty()) {
            throw Problem.invalid("request", "Unknown status '" + status + "'; use one of " + statusIds());
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 50 : size;
        if (pageNumber < 0 || pageSize < 1 || pageSize > config.maxPageSize()) {
            throw Problem.invalid("request", "page must be ≥ 0 and size between 1 and " + config.maxPageSize());
        }
        if ((long) pageNumber * pageSize > Integer.MAX_VALUE) {
            throw Problem.invalid("request", "page × size must not exceed " + Integer.MAX_VALUE);
        }
        return repository.list(status, blankToNull(executor), blankToNull(municipality), bool("overdue", overdue),
                        bool("repeat", repeat), pageSize, pageNumber * pageSize)
                .map(result -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("page", pageNumber);
                    body.put("size", pageSize);
                    body.put("total", result.total());
                    body.put("items", result.items());
                    return body;
                });
    }

    @GET
    @Path("/repeat-rate")
    public Uni<Map<String, Object>> repeatRate(@QueryParam("by") String by, @QueryParam("days") Integer days) {
        String column = switch (by == null ? "municipality" : by) {
            case "municipality" -> "municipality_id";
            case "topic" -> "topic_key";
            case "executor" -> "executor";
            default -> throw Problem.invalid("request", "by must be municipality, topic or executor");
        };
        int period = days == null ? 30 : days;
        if (period < 1 || period > 366) {
            throw Problem.invalid("request", "days must be between 1 and 366");
        }
        return repository.repeatCountsBy(column, clock.instant().minus(Duration.ofDays(period))).map(rows -> {
            List<Map<String, Object>> items = rows.stream().map(row -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", row[0]);
                item.put("cases", row[1]);
                item.put("repeats", row[2]);
                item.put("ratio", (long) row[1] == 0 ? 0.0 : (double) (long) row[2] / (long) row[1]);
                return item;
            }).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("by", by == null ? "municipality" : by);
            body.put("days", period);
            body.put("items", items);
            return body;
        });
    }

    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> get(@PathParam("id") long id) {
        return repository.find(id).chain(found -> {
            ProblemCase problem = found.orElseThrow(() -> Problem.notFound("No case " + id));
            return repository.messages(id).chain(messages -> repository.events(id).map(events -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("case", problem);
                body.put("messages", messages);
                body.put("events", events);
                return body;
            }));
        });
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    public Uni<ProblemCase> accept(@PathParam("id") long id, String body) {
        JsonNode request = JsonBodies.object(json, body);
        return cases.move(id, new CaseService.Move(CaseLifecycle.Action.ACCEPT, JsonBodies.requiredText(request, "by"),
                null, null, null));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.WILDCARD)
    public Uni<ProblemCase> answer(@PathParam("id") long id, String body) {
        JsonNode request = JsonBodies.object(json, body);
        return cases.move(id, new CaseService.Move(CaseLifecycle.Action.ANSWER, JsonBodies.requiredText(request, "by"),
                null, JsonBodies.requiredText(request, "text"), null));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.WILDCARD)
    public Uni<ProblemCase> resolve(@PathParam("id") long id, String body) {
        JsonNode request = JsonBodies.object(json, body);
        return cases.move(id, new CaseService.Move(CaseLifecycle.Action.RESOLVE, JsonBodies.requiredText(request, "by"),
                null, JsonBodies.optionalText(request, "text"), null));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    public Uni<ProblemCase> reject(@PathParam("id") long id, String body) {
        JsonNode request = JsonBodies.object(json, body);
        return cases.move(id, new CaseService.Move(CaseLifecycle.Action.REJECT, JsonBodies.requiredText(request, "by"),
                null, null, JsonBodies.requiredText(request, "reason")));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.WILDCARD)
    public Uni<ProblemCase> assign(@PathParam("id") long id, String body) {
        return assignment(id, body, CaseLifecycle.Action.ASSIGN);
    }

    @POST
    @Path("/{id}/reassign")
    @Consumes(MediaType.WILDCARD)
    public Uni<ProblemCase> reassign(@PathParam("id") long id, String body) {
        return assignment(id, body, CaseLifecycle.Action.REASSIGN);
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.WILDCARD)
    public Uni<ProblemCase> confirm(@PathParam("id") long id, String body) {
        JsonNode request = JsonBodies.object(json, body);
        return cases.move(id, new CaseService.Move(CaseLifecycle.Action.CONFIRM, JsonBodies.requiredText(request, "by"),
                null, null, JsonBodies.optionalText(request, "comment")));
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.WILDCARD)
    public Uni<ProblemCase> reopen(@PathParam("id") long id, String body) {
        JsonNode request = JsonBodies.object(json, body);
        return cases.move(id, new CaseService.Move(CaseLifecycle.Action.REOPEN, JsonBodies.requiredText(request, "by"),
                null, null, JsonBodies.optionalText(request, "comment")));
    }

    private Uni<ProblemCase> assignment(long id, String body, CaseLifecycle.Action action) {
        JsonNode request = JsonBodies.object(json, body);
        return cases.move(id, new CaseService.Move(action, JsonBodies.requiredText(request, "by"),
                JsonBodies.requiredText(request, "executor"), null, null));
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Problem.invalid("request", name + " must be true or false");
        };
    }

    private static List<String> statusIds() {
        return java.util.Arrays.stream(CaseStatus.values()).map(CaseStatus::id).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
