package ru.tsur.pulse.console.incidents;

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
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.pages.FormRecords;
import ru.tsur.pulse.pages.PageFrame;
import ru.tsur.pulse.prevention.incidents.IncidentRepository;
import ru.tsur.pulse.prevention.incidents.IncidentService;
import ru.tsur.pulse.prevention.incidents.StoredIncident;
import ru.tsur.pulse.prevention.incidents.api.DismissIncidentRequest;
import ru.tsur.pulse.prevention.incidents.api.LinkCasesRequest;
import ru.tsur.pulse.prevention.incidents.api.ResolveIncidentRequest;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console's incidents ({@code /console/incidents}): the open incidents first, then those closed in the last
 * week, live on the alert stream (an incident's alert changes whenever it is found, grows or is acted on); one
 * incident's messages and linked cases on demand; and the operator's acts — confirm, link cases (by number, besides
 * those of its messages), resolve every case with one answer, dismiss with a reason — through
 * {@link IncidentService}, the same door as the API. Each act answers with the list as it is now.
 */
@Path("/console")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class IncidentPages {

    /** The most incidents the list shows. */
    static final int LIMIT = 200;
    /** How long a closed incident stays on the list. */
    static final Duration CLOSED_SHOWN = Duration.ofDays(7);

    @CheckedTemplate(basePath = "console/incidents")
    static class Templates {
        static native TemplateInstance page(PageFrame frame);

        static native TemplateInstance list(List<IncidentRows.Row> rows, String outcome);

        static native TemplateInstance detail(IncidentRows.Row row, List<IncidentRows.MessageLine> messages,
                                              List<IncidentRepository.CaseRow> cases);
    }

    private final IncidentService incidents;
    private final IncidentRepository repository;
    private final CurrentCaller caller;
    private final FormRecords forms;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, String> municipalityNames;

    public IncidentPages(IncidentService incidents, IncidentRepository repository, CurrentCaller caller, FormRecords forms,
                         Clock clock, Region region) {
        this.incidents = incidents;
        this.repository = repository;
        this.caller = caller;
        this.forms = forms;
        this.clock = clock;
        this.zone = ZoneId.of(region.timeZone());
        this.municipalityNames = region.municipalityNames();
    }

    @GET
    @Path("incidents")
    public TemplateInstance page() {
        return Templates.page(PageFrame.of(caller.get(), "incidents"));
    }

    @GET
    @Path("parts/incidents")
    public Uni<TemplateInstance> list() {
        return listWith(null);
    }

    @GET
    @Path("parts/incidents/{id}")
    public Uni<TemplateInstance> detail(@PathParam("id") String id) {
        long incidentId = incidentId(id);
        return incidents.get(incidentId).chain(incident -> repository.messages(incidentId)
                .chain(messages -> repository.cases(incidentId)
                        .map(cases -> Templates.detail(row(incident), IncidentRows.messages(messages, zone), cases))));
    }

    @POST
    @Path("parts/incidents/{id}/confirm")
    @Consumes(MediaType.WILDCARD)
    public Uni<TemplateInstance> confirm(@PathParam("id") String id) {
        long incidentId = incidentId(id);
        return incidents.confirm(incidentId, caller.get())
                .chain(incident -> listWith("Инцидент № " + incidentId + " подтверждён"));
    }

    @POST
    @Path("parts/incidents/{id}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> link(@PathParam("id") String id, @RestForm String cases) {
        long incidentId = incidentId(id);
        LinkCasesRequest request = forms.checked(new LinkCasesRequest(caseNumbers(cases)));
        return incidents.link(incidentId, request.caseIds(), caller.get())
                .chain(linked -> listWith("С инцидентом № " + incidentId + " связаны обращения: "
                        + (linked.isEmpty() ? "нет" : linked.stream().map(number -> "№" + number).collect(Collectors.joining(", ")))));
    }

    @POST
    @Path("parts/incidents/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> resolve(@PathParam("id") String id, @RestForm String text) {
        long incidentId = incidentId(id);
        ResolveIncidentRequest request = forms.checked(new ResolveIncidentRequest(text));
        return incidents.resolve(incidentId, request.text(), caller.get()).chain(resolution -> {
            long resolved = resolution.cases().stream().filter(outcome -> outcome.outcome().equals("resolved")).count();
            List<String> refused = resolution.cases().stream().filter(outcome -> outcome.outcome().equals("refused"))
                    .map(outcome -> "№" + outcome.caseId() + ": " + outcome.detail()).toList();
            return listWith("Инцидент № " + incidentId + " решён; решено обращений: " + resolved
                    + (refused.isEmpty() ? "" : "; не решены: " + String.join("; ", refused)));
        });
    }

    @POST
    @Path("parts/incidents/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> dismiss(@PathParam("id") String id, @RestForm String reason) {
        long incidentId = incidentId(id);
        DismissIncidentRequest request = forms.checked(new DismissIncidentRequest(reason));
        return incidents.dismiss(incidentId, request.reason(), caller.get())
                .chain(incident -> listWith("Инцидент № " + incidentId + " отклонён"));
    }

    private Uni<TemplateInstance> listWith(String outcome) {
        return repository.list(Set.of(StoredIncident.DETECTED, StoredIncident.CONFIRMED), null,
                        clock.instant().minus(Duration.ofDays(365)), LIMIT)
                .chain(open -> repository.list(Set.of(StoredIncident.DISMISSED, StoredIncident.RESOLVED), null,
                                clock.instant().minus(CLOSED_SHOWN), LIMIT)
                        .map(closed -> {
                            List<StoredIncident> all = new ArrayList<>(open);
                            all.addAll(closed);
                            return Templates.list(IncidentRows.rows(all, this::municipalityName, zone), outcome);
                        }));
    }

    private IncidentRows.Row row(StoredIncident incident) {
        return IncidentRows.rows(List.of(incident), this::municipalityName, zone).get(0);
    }

    private String municipalityName(String id) {
        return municipalityNames.getOrDefault(id, id);
    }

    /** «1042, 1057» or «1042 1057» → the numbers; anything else is a 400 naming the field. */
    static List<Long> caseNumbers(String text) {
        List<Long> numbers = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return numbers;
        }
        for (String part : text.trim().split("[\\s,;№#]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                numbers.add(Long.parseLong(part));
            } catch (NumberFormatException notANumber) {
                throw Problem.invalid("caseIds", "номера обращений через запятую, например 1042, 1057");
            }
        }
        return numbers;
    }

    private static long incidentId(String id) {
        return PathIds.positive(id, "Нет инцидента № " + id);
    }
}
