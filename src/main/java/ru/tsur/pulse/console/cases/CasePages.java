package ru.tsur.pulse.console.cases;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.PathIds;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.api.TextLimit;
import ru.tsur.pulse.cases.CaseStatus;
import ru.tsur.pulse.pages.PageFrame;

import java.util.Arrays;

/**
 * The operator console's case pages (login session; GETs only, nothing changes state here): the case list with
 * filters, saved views and pages ({@code /console/cases}), one case with everything about it and its actions
 * ({@code /console/cases/{id}}), and the queue of rejected cases with the next routing suggestion
 * ({@code /console/rejected}). What the pages change goes through {@link CaseParts}, with the bearer token.
 */
@Path("/console")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    private final ConsoleCases cases;
    private final CurrentCaller caller;
    private final Template list;
    private final Template one;
    private final Template rejected;

    public CasePages(ConsoleCases cases, CurrentCaller caller, @Location("console/cases/list.html") Template list,
                     @Location("console/cases/case.html") Template one,
                     @Location("console/cases/rejected.html") Template rejected) {
        this.cases = cases;
        this.caller = caller;
        this.list = list;
        this.one = one;
        this.rejected = rejected;
    }

    @GET
    @Path("cases")
    public Uni<TemplateInstance> list(@QueryParam("status") String status, @QueryParam("executor") String executor,
                                      @QueryParam("municipality") String municipality,
                                      @QueryParam("overdue") String overdue, @QueryParam("repeat") String repeat,
                                      @QueryParam("risk") String risk, @QueryParam("flagged") String flagged,
                                      @QueryParam("page") String page) {
        QueryParameters parameters = new QueryParameters();
        CaseQuery query = new CaseQuery(
                parameters.oneOf("status", blankToNull(status), null, Arrays.stream(CaseStatus.values()).map(CaseStatus::id).toList()),
                parameters.text("executor", blankToNull(executor), TextLimit.MAX_EXECUTOR_LENGTH),
                parameters.text("municipality", blankToNull(municipality), QueryParameters.MAX_TEXT_LENGTH),
                Boolean.TRUE.equals(parameters.bool("overdue", blankToNull(overdue))),
                Boolean.TRUE.equals(parameters.bool("repeat", blankToNull(repeat))),
                Boolean.TRUE.equals(parameters.bool("risk", blankToNull(risk))),
                Boolean.TRUE.equals(parameters.bool("flagged", blankToNull(flagged))),
                parameters.integer("page", blankToNull(page), 1, 1, 100_000) - 1);
        parameters.check();
        PageFrame frame = PageFrame.of(caller.get(), "cases");
        return cases.list(query).map(view -> list.data("frame", frame).data("view", view));
    }

    @GET
    @Path("cases/{id}")
    public Uni<TemplateInstance> one(@PathParam("id") String id) {
        long caseId = PathIds.positive(id, "Нет такого обращения: номер обращения — целое положительное число");
        PageFrame frame = PageFrame.of(caller.get(), "cases");
        return cases.one(caseId).map(view -> one.data("frame", frame).data("c", view));
    }

    @GET
    @Path("rejected")
    public Uni<TemplateInstance> rejected() {
        PageFrame frame = PageFrame.of(caller.get(), "rejected");
        return cases.rejected().map(rows -> rejected.data("frame", frame).data("rows", rows));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
