package ru.tsur.pulse.console.cases;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.PathIds;
import ru.tsur.pulse.cases.CaseLifecycle;
import ru.tsur.pulse.cases.CaseService;
import ru.tsur.pulse.cases.api.AnswerRequest;
import ru.tsur.pulse.cases.api.AssignRequest;
import ru.tsur.pulse.cases.api.FeedbackRequest;
import ru.tsur.pulse.cases.api.RejectRequest;
import ru.tsur.pulse.cases.api.ResolveRequest;
import ru.tsur.pulse.pages.FormRecords;
import ru.tsur.pulse.problems.Problem;


/**
 * What the console's case pages change, as htmx parts ({@code /console/parts/cases/…}, bearer token only, never
 * the session cookie): every lifecycle move, merge and split answer the case's panel as it now is; a send from
 * the rejected queue answers the queue's row. The form fields are checked by the API's own request records
 * (the same limits and Russian messages); a refusal is the API's problem+json, which the page shows.
 */
@Path("/console/parts/cases/{id}")
@RolesAllowed(Roles.OPERATOR)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
public class CaseParts {

    private final CaseService service;
    private final ConsoleCases cases;
    private final CurrentCaller caller;
    private final FormRecords forms;
    private final Template body;
    private final Template sent;

    public CaseParts(CaseService service, ConsoleCases cases, CurrentCaller caller, FormRecords forms,
                     @Location("console/cases/body.html") Template body,
                     @Location("console/cases/sent.html") Template sent) {
        this.service = service;
        this.cases = cases;
        this.caller = caller;
        this.forms = forms;
        this.body = body;
        this.sent = sent;
    }

    @POST
    @Path("assign")
    public Uni<TemplateInstance> assign(@PathParam("id") String id, @FormParam("executor") String executor) {
        return move(id, CaseLifecycle.Action.ASSIGN, forms.checked(new AssignRequest(executor)).executor(), null, null);
    }

    @POST
    @Path("reassign")
    public Uni<TemplateInstance> reassign(@PathParam("id") String id, @FormParam("executor") String executor) {
        return move(id, CaseLifecycle.Action.REASSIGN, forms.checked(new AssignRequest(executor)).executor(), null, null);
    }

    @POST
    @Path("accept")
    @Consumes(MediaType.WILDCARD)
    public Uni<TemplateInstance> accept(@PathParam("id") String id) {
        return move(id, CaseLifecycle.Action.ACCEPT, null, null, null);
    }

    @POST
    @Path("answer")
    public Uni<TemplateInstance> answer(@PathParam("id") String id, @FormParam("text") String text) {
        return move(id, CaseLifecycle.Action.ANSWER, null, forms.checked(new AnswerRequest(text)).text(), null);
    }

    @POST
    @Path("resolve")
    public Uni<TemplateInstance> resolve(@PathParam("id") String id, @FormParam("text") String text) {
        return move(id, CaseLifecycle.Action.RESOLVE, null, forms.checked(new ResolveRequest(text)).text(), null);
    }

    @POST
    @Path("reject")
    public Uni<TemplateInstance> reject(@PathParam("id") String id, @FormParam("reason") String reason) {
        return move(id, CaseLifecycle.Action.REJECT, null, null, forms.checked(new RejectRequest(reason)).reason());
    }

    @POST
    @Path("confirm")
    public Uni<TemplateInstance> confirm(@PathParam("id") String id, @FormParam("comment") String comment) {
        return move(id, CaseLifecycle.Action.CONFIRM, null, null, forms.checked(new FeedbackRequest(comment)).comment());
    }

    @POST
    @Path("reopen")
    public Uni<TemplateInstance> reopen(@PathParam("id") String id, @FormParam("comment") String comment) {
        return move(id, CaseLifecycle.Action.REOPEN, null, null, forms.checked(new FeedbackRequest(comment)).comment());
    }

    @POST
    @Path("merge")
    public Uni<TemplateInstance> merge(@PathParam("id") String id, @FormParam("into") String into) {
        long caseId = caseId(id);
        long survivor = number("into", into, "номер обращения — целое положительное число");
        return service.merge(caseId, survivor, caller.get()).chain(() -> panel(caseId));
    }

    @POST
    @Path("split")
    public Uni<TemplateInstance> split(@PathParam("id") String id, @FormParam("message") String message) {
        long caseId = caseId(id);
        long messageId = number("message", message, "номер сообщения — целое положительное число");
        return service.split(caseId, messageId, caller.get()).chain(() -> panel(caseId));
    }

    /** One click in the rejected queue: the case goes to the executor named (the suggestion); answers the row. */
    @POST
    @Path("reroute")
    public Uni<TemplateInstance> reroute(@PathParam("id") String id, @FormParam("executor") String executor) {
        long caseId = caseId(id);
        String chosen = forms.checked(new AssignRequest(executor)).executor();
        return service.move(caseId, new CaseService.Move(CaseLifecycle.Action.REASSIGN, chosen, null, null), caller.get())
                .map(moved -> sent.data("id", moved.id()).data("executor", moved.executor()));
    }

    private Uni<TemplateInstance> move(String id, CaseLifecycle.Action action, String executor, String text, String reason) {
        long caseId = caseId(id);
        return service.move(caseId, new CaseService.Move(action, executor, text, reason), caller.get())
                .chain(() -> panel(caseId));
    }

    private Uni<TemplateInstance> panel(long caseId) {
        return cases.one(caseId).map(view -> body.data("c", view));
    }


    private static long caseId(String id) {
        return PathIds.positive(id, "Нет такого обращения: номер обращения — целое положительное число");
    }

    private static long number(String field, String value, String message) {
        try {
            long number = Long.parseLong(value == null ? "" : value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Problem.invalid(field, message);
    }
}
