package ru.tsur.pulse.pages;

import io.quarkus.runtime.annotations.RegisterForReflection;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.Roles;

import java.util.ArrayList;
import java.util.List;

/**
 * What the frame of a page for people shows ({@code templates/layout.html}): who is logged in and the
 * sections this caller may open, the current one marked — an operator sees the console's sections, an
 * executor its inbox, officials, operators and admins the prevention report; nobody is shown a link that would answer 403.
 *
 * @param user  the login, as the identity provider names it
 * @param page  the current page's id (also the {@code data-page} the scripts read)
 * @param links the sections, in the bar's order
 */
@RegisterForReflection
public record PageFrame(String user, String page, List<Link> links) {

    /** A section of the bar. */
    @RegisterForReflection
    public record Link(String id, String href, String title, boolean current) {
    }

    public static PageFrame of(Caller caller, String page) {
        List<Link> links = new ArrayList<>();
        if (caller.has(Roles.OPERATOR)) {
            links.add(new Link("triage", "/console/triage", "Разбор", false));
            links.add(new Link("cases", "/console/cases", "Обращения", false));
            links.add(new Link("rejected", "/console/rejected", "Переназначение", false));
            links.add(new Link("alerts", "/console/alerts", "Оповещения", false));
            links.add(new Link("incidents", "/console/incidents", "Инциденты", false));
            links.add(new Link("measures", "/console/measures", "Меры", false));
        }
        if (caller.has(Roles.EXECUTOR)) {
            links.add(new Link("inbox", "/executor", "Входящие", false));
        }
        if (caller.has(Roles.OFFICIAL) || caller.has(Roles.OPERATOR) || caller.has(Roles.ADMIN)) {
            links.add(new Link("prevention-report", "/reports/prevention", "Профилактика", false));
        }
        links.add(new Link("wall", "/wall/", "Стена", false));
        List<Link> marked = links.stream()
                .map(link -> new Link(link.id(), link.href(), link.title(), link.id().equals(page))).toList();
        return new PageFrame(caller.name(), page, marked);
    }
}
