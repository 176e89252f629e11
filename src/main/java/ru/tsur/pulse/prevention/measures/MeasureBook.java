package ru.tsur.pulse.prevention.measures;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.audit.AuditJson;
import ru.tsur.pulse.audit.CallerAudit;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.prevention.Place;
import ru.tsur.pulse.prevention.measures.api.MeasureDetail;
import ru.tsur.pulse.prevention.measures.api.MeasureEffectView;
import ru.tsur.pulse.prevention.measures.api.MeasureItem;
import ru.tsur.pulse.prevention.measures.api.MeasureRequest;
import ru.tsur.pulse.prevention.measures.api.MeasureWeek;
import ru.tsur.pulse.problems.FieldError;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entering a measure, for the API and the console page alike: the checks Bean Validation cannot make (the
 * region's municipality and category ids, a place that makes sense, a time not in the future), the stored row
 * and its audit row ({@code measure.create}) in one transaction — a retried request with the same key finds
 * the measure it made and audits nothing again — and the answers with the region's names.
 */
@ApplicationScoped
public class MeasureBook {

    private static final String REGION_IDS = "неизвестный идентификатор; идентификаторы — в GET /api/v1/region";

    private final MeasureRepository repository;
    private final MeasureEffects effects;
    private final CallerAudit audit;
    private final Clock clock;
    private final Map<String, String> municipalityNames;
    private final Map<String, String> categoryNames;

    public MeasureBook(MeasureRepository repository, MeasureEffects effects, CallerAudit audit, Clock clock, Region region) {
        this.repository = repository;
        this.effects = effects;
        this.audit = audit;
        this.clock = clock;
        this.municipalityNames = region.municipalityNames();
        this.categoryNames = region.categoryNames();
    }

    /** A stored measure with its effect, and whether this request stored it. */
    public record Entered(MeasureItem measure, boolean created) {
    }

    /**
     * Stores the measure {@code actor} entered (a valid record: Bean Validation has run) and audits it, or
     * finds the one a retry of the same request stored; 400 naming each field the region refuses.
     */
    public Uni<Entered> enter(MeasureRequest request, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (!municipalityNames.containsKey(request.municipality())) {
            errors.add(new FieldError("municipality", REGION_IDS));
        }
        if (!categoryNames.containsKey(request.category())) {
            errors.add(new FieldError("category", REGION_IDS));
        }
        if ((request.latitude() == null) != (request.longitude() == null)) {
            errors.add(new FieldError(request.latitude() == null ? "latitude" : "longitude",
                    "широта и долгота задаются вместе"));
        }
        Place place = request.address() == null && request.latitude() == null ? null
                : Place.of(request.address(), request.latitude(), request.longitude());
        if (request.address() != null && place == null) {
            errors.add(new FieldError("address", "адрес не распознан: нужны улица и дом, или точка"));
        }
        Instant now = clock.instant();
        Instant takenAt = request.takenAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (takenAt.isAfter(now)) {
            errors.add(new FieldError("takenAt", "не позже текущего момента"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        MeasureRepository.NewMeasure measure = new MeasureRepository.NewMeasure(request.title(), request.description(),
                request.municipality(), request.category(), request.topic(), place == null ? null : place.key(),
                place == null ? null : place.label(), takenAt, actor.subject(), now.truncatedTo(ChronoUnit.MICROS),
                request.idempotencyKey());
        return repository.inTransaction(transaction -> repository.insert(transaction, measure)
                        .call(stored -> stored.created()
                                ? audit.record(transaction, actor, "measure.create", "measure:" + stored.measure().id(),
                                AuditJson.of("title", stored.measure().title(), "municipality", stored.measure().municipality(),
                                        "category", stored.measure().category(), "topic", stored.measure().topic(),
                                        "place", stored.measure().placeKey(), "takenAt", stored.measure().takenAt().toString()))
                                : Uni.createFrom().voidItem()))
                .chain(stored -> effects.judge(stored.measure(), clock.instant())
                        .map(result -> new Entered(item(result), stored.created())));
    }

    /** A measure with its effect as the API shows it. */
    public MeasureItem item(MeasureResult result) {
        Measure measure = result.measure();
        return new MeasureItem(measure.id(), measure.title(), measure.description(), measure.municipality(),
                municipalityNames.getOrDefault(measure.municipality(), measure.municipality()), measure.category(),
                categoryNames.getOrDefault(measure.category(), measure.category()), measure.topic(), measure.placeKey(),
                measure.placeLabel(), measure.takenAt(), measure.createdBy(), measure.createdAt(),
                MeasureEffectView.of(result.effect()));
    }

    /** A measure with its effect and weekly chart. */
    public MeasureDetail detail(MeasureResult result) {
        return new MeasureDetail(item(result), result.effect().weeks().stream()
                .map(week -> new MeasureWeek(week.week(), week.start(), MeasureEffectView.round(week.days()),
                        week.treated(), week.controls())).toList());
    }

    /** Whether the region knows the municipality. */
    public boolean knowsMunicipality(String id) {
        return municipalityNames.containsKey(id);
    }

    /** Whether the region knows the category. */
    public boolean knowsCategory(String id) {
        return categoryNames.containsKey(id);
    }
}
