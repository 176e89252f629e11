package ru.tsur.pulse.console.alerts;

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
import ru.tsur.pulse.alerts.Alert;
import ru.tsur.pulse.alerts.AlertService;
import ru.tsur.pulse.alerts.AlertsConfig;
import ru.tsur.pulse.alerts.SilencePeriod;
import ru.tsur.pulse.alerts.api.SilenceRequest;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.pages.FormRecords;
import ru.tsur.pulse.pages.PageFrame;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The console's alerts ({@code /console/alerts}): the firing alerts grouped as on the wall, live on the alert
 * stream, and the operator's acts on each — acknowledge, silence for a chosen time with a reason, lift the
 * silence — through {@link AlertService}, the same door as the API, so every wall sees the act within a tick.
 * Each act answers with the list as it is now.
 */
@Path("/console")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class AlertPages {

    /** The most alerts the list shows. */
    static final int LIMIT = 300;

    @CheckedTemplate(basePath = "console/alerts")
    static class Templates {
        static native TemplateInstance page(PageFrame frame);

        static native TemplateInstance list(List<AlertDesk.Row> rows);
    }

    private final AlertService alerts;
    private final AlertsConfig config;
    private final CurrentCaller caller;
    private final Clock clock;
    private final FormRecords forms;
    private final ZoneId zone;

    public AlertPages(AlertService alerts, AlertsConfig config, CurrentCaller caller, Clock clock, FormRecords forms,
                      Region region) {
        this.forms = forms;
        this.alerts = alerts;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
        this.zone = ZoneId.of(region.timeZone());
    }

    @GET
    @Path("alerts")
    public TemplateInstance page() {
        return Templates.page(PageFrame.of(caller.get(), "alerts"));
    }

    @GET
    @Path("parts/alerts")
    public Uni<TemplateInstance> list() {
        return alerts.list(Alert.FIRING, null, null, null, LIMIT)
                .map(firing -> Templates.list(AlertDesk.rows(firing, clock.instant(), zone)));
    }

    @POST
    @Path("parts/alerts/{id}/ack")
    @Consumes(MediaType.WILDCARD)
    public Uni<TemplateInstance> acknowledge(@PathParam("id") String id) {
        return alerts.acknowledge(id, caller.get()).map(found -> orNotFound(found, id)).chain(acted -> list());
    }

    @POST
    @Path("parts/alerts/{id}/silence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> silence(@PathParam("id") String id, @RestForm String duration, @RestForm String reason) {
        Duration length;
        try {
            length = Duration.parse(duration == null ? "" : duration);
        } catch (DateTimeParseException unreadable) {
            throw Problem.invalid("duration", "срок заглушения — один из предложенных");
        }
        SilenceRequest request = forms.checked(new SilenceRequest(reason, null, length));
        return alerts.silence(id, SilencePeriod.end(clock.instant(), null, length, config.maxSilence()), request.reason(),
                caller.get()).map(found -> orNotFound(found, id)).chain(acted -> list());
    }

    @POST
    @Path("parts/alerts/{id}/unsilence")
    @Consumes(MediaType.WILDCARD)
    public Uni<TemplateInstance> unsilence(@PathParam("id") String id) {
        return alerts.unsilence(id, caller.get()).map(found -> orNotFound(found, id)).chain(acted -> list());
    }

    private static Alert orNotFound(Optional<Alert> found, String id) {
        return found.orElseThrow(() -> Problem.notFound("Нет оповещения " + id));
    }
}
