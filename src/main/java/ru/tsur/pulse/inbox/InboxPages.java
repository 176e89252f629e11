package ru.tsur.pulse.inbox;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.pages.PageFrame;

/**
 * The executor's pages (the "web" tenant: code flow and session cookie; GET only, nothing changes state
 * here): {@code /executor}, its open cases by time left and its scorecard, and {@code /executor/cases/{id}},
 * one case of its own with the actions its status allows. Everything the pages fetch or post afterwards is
 * an {@link InboxParts} part, which takes the session's bearer token only. Another executor's case is the
 * same 404 page as a case that does not exist.
 */
@Path("/executor")
@RolesAllowed(Roles.EXECUTOR)
@Produces(MediaType.TEXT_HTML)
public class InboxPages {

    static final String PAGE = "inbox";

    private final Template index;
    private final Template casePage;
    private final Template missing;
    private final Inbox inbox;
    private final CurrentCaller caller;

    public InboxPages(@Location("inbox/index.html") Template index, @Location("inbox/case.html") Template casePage,
                      @Location("inbox/missing.html") Template missing, Inbox inbox, CurrentCaller caller) {
        this.index = index;
        this.casePage = casePage;
        this.missing = missing;
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    public Uni<String> inbox() {
        Caller who = caller.get();
        return inbox.contents(who).chain(contents -> index.data("frame", PageFrame.of(who, PAGE))
                .data("contents", contents).createUni());
    }

    @GET
    @Path("cases/{id}")
    public Uni<RestResponse<String>> casePage(@PathParam("id") String id) {
        Caller who = caller.get();
        PageFrame frame = PageFrame.of(who, PAGE);
        Long caseId = caseNumber(id);
        if (caseId == null) {
            return notFound(frame, "Нет такого обращения: номер обращения — целое положительное число");
        }
        return inbox.sheet(caseId, who).chain(sheet -> sheet.isEmpty()
                ? notFound(frame, "Нет обращения № " + caseId)
                : casePage.data("frame", frame).data("sheet", sheet.get()).data("done", null).createUni()
                        .map(RestResponse::ok));
    }

    private Uni<RestResponse<String>> notFound(PageFrame frame, String message) {
        return missing.data("frame", frame).data("message", message).createUni()
                .map(html -> RestResponse.status(RestResponse.Status.NOT_FOUND, html));
    }

    /** The case number in the path, or null when it is no positive whole number. */
    static Long caseNumber(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long number = Long.parseLong(id);
        return number > 0 ? number : null;
    }
}
