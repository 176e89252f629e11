package ru.tsur.pulse.console.measures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.pages.FormRecords;
import ru.tsur.pulse.pages.PageFrame;
import ru.tsur.pulse.prevention.measures.MeasureBook;
import ru.tsur.pulse.prevention.measures.MeasureEffects;
import ru.tsur.pulse.prevention.measures.api.MeasureRequest;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The console's «Меры и их результат» ({@code /console/measures}): a form to enter a measure (what was done,
 * municipality, category and topic, an optional address, the day) and the table of measures with what was
 * observed and expected after each, the effect with its interval, and a weekly chart. The form and the table
 * are one part ({@code GET /console/parts/measures}), so the answer to an entry — the part again — brings a
 * form with a fresh request key: a double submit of one form stores one measure, the next form another. The
 * entry goes through {@link MeasureBook}, the API's own door: the same checks, the same audit row.
 */
@Path("/console")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class MeasurePages {

    /** The most measures the table shows. */
    static final int LIMIT = 100;

    @CheckedTemplate(basePath = "console/measures")
    static class Templates {
        static native TemplateInstance page(PageFrame frame);

        static native TemplateInstance desk(List<MeasureRow> rows, List<Municipality> municipalities,
                                            List<Category> categories, String requestKey, String today, String entered);
    }

    private final MeasureBook book;
    private final MeasureEffects effects;
    private final CurrentCaller caller;
    private final FormRecords forms;
    private final Clock clock;
    private final ZoneId zone;
    private final List<Municipality> municipalities;
    private final List<Category> categories;

    public MeasurePages(MeasureBook book, MeasureEffects effects, CurrentCaller caller, FormRecords forms, Clock clock,
                        Region region) {
        this.book = book;
        this.effects = effects;
        this.caller = caller;
        this.forms = forms;
        this.clock = clock;
        this.zone = ZoneId.of(region.timeZone());
        this.municipalities = region.municipalities().stream().sorted(Comparator.comparing(Municipality::name)).toList();
        this.categories = region.categories().stream().sorted(Comparator.comparing(Category::name)).toList();
    }

    @GET
    @Path("measures")
    public TemplateInstance page() {
        return Templates.page(PageFrame.of(caller.get(), "measures"));
    }

    @GET
    @Path("parts/measures")
    public Uni<TemplateInstance> desk() {
        return desk(null);
    }

    @POST
    @Path("parts/measures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> enter(@RestForm String title, @RestForm String description, @RestForm String municipality,
                                       @RestForm String category, @RestForm String topic, @RestForm String address,
                                       @RestForm String day, @RestForm String requestKey) {
        OffsetDateTime takenAt = null;
        if (day != null && !day.isBlank()) {
            try {
                takenAt = LocalDate.parse(day.strip()).atStartOfDay(zone).toOffsetDateTime();
            } catch (DateTimeParseException unreadable) {
                throw Problem.invalid("takenAt", "дата в виде ГГГГ-ММ-ДД");
            }
        }
        MeasureRequest request = forms.checked(new MeasureRequest(title, description, municipality, category, topic,
                address, null, null, takenAt, requestKey));
        Actor actor = Actor.of(caller.get());
        return book.enter(request, actor).chain(entered -> desk(entered.created()
                ? "Мера № " + entered.measure().id() + " сохранена." : "Мера № " + entered.measure().id() + " уже была сохранена."));
    }

    private Uni<TemplateInstance> desk(String entered) {
        return effects.list(null, null, null, null, null, LIMIT).map(results -> Templates.desk(
                results.stream().map(result -> MeasureRow.of(book.item(result), result.effect().weeks(), zone)).toList(),
                municipalities, categories, UUID.randomUUID().toString(), LocalDate.now(clock.withZone(zone)).toString(),
                entered));
    }
}
