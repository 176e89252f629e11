package ru.tsur.pulse.inbox;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.PathIds;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;
import ru.tsur.pulse.api.TextLimits;
import ru.tsur.pulse.cases.AnswerCheck;
import ru.tsur.pulse.cases.AnswerFlagWords;
import ru.tsur.pulse.cases.CaseLifecycle;
import ru.tsur.pulse.cases.CaseService;
import ru.tsur.pulse.problems.Problem;

import java.util.List;

/**
 * The parts of the executor's pages, fetched and posted by htmx under {@code /executor/parts/} with the
 * session's bearer token (never the cookie): the inbox's list and scorecard (reloaded every 30 s), the
 * answer-quality check as the executor types, and the moves — accept, answer, resolve, reject with a reason —
 * each answering the case's section as it now stands. An answer with flags is sent only on a second,
 * explicit «Отправить как есть» (then recorded with its flags): the first send answers the check with that
 * button instead. Another executor's case is a 404 problem, as in the API; every refusal is problem+json,
 * which the page shows in its notice line.
 */
@Path("/executor/parts")
@RolesAllowed(Roles.EXECUTOR)
@Produces(MediaType.TEXT_HTML)
public class InboxParts {

    /** What the answer check shows. {@code confirm}: the send was held back and asks for the second click. */
    @TemplateData
    public record CheckView(boolean empty, String warning, List<AnswerFlagWords.Words> flags, boolean confirm) {
    }

    private final Template list;
    private final Template caseBody;
    private final Template answerCheck;
    private final Inbox inbox;
    private final AnswerCheck check;
    private final CaseService cases;
    private final TextLimits limits;
    private final CurrentCaller caller;

    public InboxParts(@Location("inbox/list.html") Template list, @Location("inbox/case-body.html") Template caseBody,
                      @Location("inbox/answer-check.html") Template answerCheck, Inbox inbox, AnswerCheck check,
                      CaseService cases, TextLimits limits, CurrentCaller caller) {
        this.list = list;
        this.caseBody = caseBody;
        this.answerCheck = answerCheck;
        this.inbox = inbox;
        this.check = check;
        this.cases = cases;
        this.limits = limits;
        this.caller = caller;
    }

    @GET
    @Path("inbox")
    public Uni<String> inbox() {
        return inbox.contents(caller.get()).chain(contents -> list.data("contents", contents).createUni());
    }

    @POST
    @Path("answer-check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<String> answerCheck(@FormParam("text") String text) {
        String answer = bounded("text", TextBounds.clean(text), TextLimit.ANSWER);
        if (answer == null || answer.isEmpty()) {
            return answerCheck.data("check", new CheckView(true, null, List.of(), false)).createUni();
        }
        return check.flags(answer).chain(flags -> answerCheck
                .data("check", new CheckView(false, AnswerFlagWords.warning(flags), AnswerFlagWords.all(flags), false))
                .createUni());
    }

    @POST
    @Path("cases/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    public Uni<String> accept(@PathParam("id") String id) {
        return move(id, new CaseService.Move(CaseLifecycle.Action.ACCEPT, null, null, null), "Обращение принято в работу");
    }

    @POST
    @Path("cases/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<RestResponse<String>> answer(@PathParam("id") String id, @FormParam("text") String text,
                                            @FormParam("as-is") String asIs) {
        String answer = bounded("text", TextBounds.clean(text), TextLimit.ANSWER);
        if (answer == null || answer.isEmpty()) {
            throw Problem.invalid("text", "введите текст ответа жителю");
        }
        long caseId = caseId(id);
        return check.flags(answer).chain(flags -> {
            if (!flags.isEmpty() && !"yes".equals(asIs)) {
                // Held back: the check answers in place, with the second, explicit button.
                return answerCheck.data("check", new CheckView(false, AnswerFlagWords.warning(flags),
                                AnswerFlagWords.all(flags), true)).createUni()
                        .map(html -> RestResponse.ResponseBuilder.ok(html)
                                .header("HX-Retarget", "#answer-check").header("HX-Reswap", "outerHTML").build());
            }
            return moved(caseId, new CaseService.Move(CaseLifecycle.Action.ANSWER, null, answer, null),
                    flags.isEmpty() ? "Ответ отправлен" : "Ответ отправлен как есть, с пометками проверки")
                    .map(RestResponse::ok);
        });
    }

    @POST
    @Path("cases/{id}/resolve")
    @Consumes(MediaType.WILDCARD)
    public Uni<String> resolve(@PathParam("id") String id) {
        return move(id, new CaseService.Move(CaseLifecycle.Action.RESOLVE, null, null, null), "Обращение решено");
    }

    @POST
    @Path("cases/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<String> reject(@PathParam("id") String id, @FormParam("reason") String reason) {
        String why = bounded("reason", TextBounds.clean(reason), TextLimit.CASE_REASON);
        if (why == null || why.isEmpty()) {
            throw Problem.invalid("reason", "укажите причину отказа");
        }
        return move(id, new CaseService.Move(CaseLifecycle.Action.REJECT, null, null, why),
                "Обращение отклонено: диспетчер назначит другого исполнителя");
    }

    private Uni<String> move(String id, CaseService.Move move, String done) {
        return moved(caseId(id), move, done);
    }

    private Uni<String> moved(long caseId, CaseService.Move move, String done) {
        Caller who = caller.get();
        return cases.move(caseId, move, who).chain(() -> inbox.sheet(caseId, who)).chain(sheet -> caseBody
                .data("sheet", sheet.orElseThrow(() -> Problem.notFound("Нет обращения № " + caseId)))
                .data("done", done).createUni());
    }

    private static long caseId(String id) {
        return PathIds.positive(id, "Нет такого обращения: номер обращения — целое положительное число");
    }

    /** The text when it keeps its kind's bounds; a 400 problem naming the field otherwise. */
    private String bounded(String field, String text, TextLimit limit) {
        String problem = TextBounds.problem(text, limits.maxLength(limit), limit.multiline());
        if (problem != null) {
            throw Problem.invalid(field, problem);
        }
        return text;
    }
}
