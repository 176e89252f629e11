package ru.tsur.pulse.prevention.measures;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Measures with their effect as of now: what the API, the console page and the prevention report read. Each
 * measure's effect is computed when asked (it changes as after-time passes): its window's daily counts for
 * every municipality — or every place — of its category or topic, the measures that rule controls out, then
 * {@link MeasureEffect} on a worker (keying places and sorting controls is CPU work, never the event loop's).
 * Measures are judged one after another, so a long list is as many small reads, not one burst of them.
 */
@ApplicationScoped
public class MeasureEffects {

    private final MeasureRepository repository;
    private final Clock clock;
    private final MeasureEffect effect = new MeasureEffect(MeasureEffect.Settings.defaults());

    public MeasureEffects(MeasureRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Measures of the municipalities (null: all; an empty set: none), of a category and a topic (null: any),
     * taken in {@code [from, to)} (null: unbounded), newest taken first, at most {@code limit}, each with its
     * effect as of now.
     */
    public Uni<List<MeasureResult>> list(Set<String> municipalities, String category, String topic, Instant from,
                                         Instant to, int limit) {
        if (municipalities != null && municipalities.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant();
        return repository.list(municipalities, category, topic, from, to, limit)
                .onItem().transformToMulti(measures -> Multi.createFrom().iterable(measures))
                .onItem().transformToUniAndConcatenate(measure -> judge(measure, now))
                .collect().asList();
    }

    /** One measure with its effect as of now; empty when there is no such measure. */
    public Uni<Optional<MeasureResult>> find(long id) {
        Instant now = clock.instant();
        return repository.find(id).chain(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<MeasureResult>empty())
                : judge(found.get(), now).map(Optional::of));
    }

    /** The measure's effect at {@code now}. */
    public Uni<MeasureResult> judge(Measure measure, Instant now) {
        MeasureEffect.Settings settings = effect.settings();
        MeasureWindow window = MeasureWindow.of(measure.takenAt(), now, settings.weeksBefore(), settings.weeksAfter());
        Uni<List<Measure>> others = repository.ofCategory(measure.category(), window.beforeFrom(), window.afterTo());
        if (measure.atPlace()) {
            return Uni.combine().all().unis(others, repository.addressDays(window, measure.category(), measure.topic()))
                    .asTuple().emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(read -> assess(measure, window, read.getItem1(), MeasureSeries.places(read.getItem2())));
        }
        return Uni.combine().all().unis(others, repository.municipalityDays(window, measure.category(), measure.topic()))
                .asTuple().emitOn(Infrastructure.getDefaultWorkerPool())
                .map(read -> assess(measure, window, read.getItem1(), read.getItem2()));
    }

    private MeasureResult assess(Measure measure, MeasureWindow window, List<Measure> others, List<UnitDay> days) {
        String treated = measure.atPlace() ? measure.placeKey() : measure.municipality();
        return new MeasureResult(measure, effect.assess(window, treated, MeasureSeries.weekly(window, days),
                MeasureSeries.excluded(measure, others, days)));
    }
}
