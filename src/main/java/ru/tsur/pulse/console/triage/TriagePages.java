package ru.tsur.pulse.console.triage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.PathIds;
import ru.tsur.pulse.cases.KnownExecutors;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.pages.FormRecords;
import ru.tsur.pulse.pages.MiniMap;
import ru.tsur.pulse.pages.PageFrame;
import ru.tsur.pulse.triage.TriageService;
import ru.tsur.pulse.triage.api.TriageDecision;
import ru.tsur.pulse.triage.api.TriageOutcome;

import java.time.ZoneId;
import java.util.List;

/**
 * The console's triage page ({@code /console/triage}, the console's first page) and its parts: the queue
 * ({@code GET /console/parts/triage}, reloaded when the feed brings messages) and one decision
 * ({@code POST /console/parts/triage/{messageId}}, a form: category, topic, executor) answered with the card's
 * replacement saying what happened. The decision itself is {@link TriageService}'s, as for the JSON API.
 */
@Path("/console")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class TriagePages {

    /** How many cards the queue shows at once: a screen's worth of work, the rest counted. */
    static final int QUEUE_LENGTH = 20;

    @CheckedTemplate(basePath = "console/triage")
    static class Templates {
        static native TemplateInstance page(PageFrame frame);

        static native TemplateInstance queue(List<TriageCard> cards, long waiting, List<Category> categories,
                                             List<String> executors, String outlines);

        static native TemplateInstance decided(TriageOutcome outcome, String categoryName);
    }

    private final TriageService triage;
    private final KnownExecutors executors;
    private final CurrentCaller caller;
    private final MiniMap map;
    private final FormRecords forms;
    private final ZoneId zone;

    public TriagePages(TriageService triage, KnownExecutors executors, CurrentCaller caller, MiniMap map,
                       FormRecords forms, Region region) {
        this.triage = triage;
        this.executors = executors;
        this.caller = caller;
        this.map = map;
        this.forms = forms;
        this.zone = ZoneId.of(region.timeZone());
    }

    @GET
    @Path("triage")
    public TemplateInstance page() {
        return Templates.page(PageFrame.of(caller.get(), "triage"));
    }

    @GET
    @Path("parts/triage")
    public Uni<TemplateInstance> queue() {
        return triage.queue(QUEUE_LENGTH).chain(queue -> executors.all().map(known -> Templates.queue(
                queue.items().stream().map(item -> TriageCard.of(item, map, zone, triage::categoryName)).toList(),
                queue.waiting(), triage.categories(), known, map.outlines())));
    }

    @POST
    @Path("parts/triage/{messageId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> decide(@PathParam("messageId") String messageId, @RestForm String category,
                                        @RestForm String topic, @RestForm String executor) {
        long id = PathIds.positive(messageId, "Нет сообщения № " + messageId);
        TriageDecision decision = forms.checked(new TriageDecision(category, topic, executor));
        return triage.decide(id, decision, caller.get())
                .map(outcome -> Templates.decided(outcome, triage.categoryName(outcome.category())));
    }
}
