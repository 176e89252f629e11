package ru.tsur.pulse.prevention.measures;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** From daily counts to a measure's units: places keyed as the register keys them, weekly series, and exclusions. */
class MeasureSeriesTest {

    private static final Instant TAKEN = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void addressesBecomeTheRegistersPlacesAndDaysFallInTheirWeeks() {
        List<UnitDay> places = MeasureSeries.places(List.of(
                new AddressDay("г. Санкт-Петербург, ул. Садовая, д. 5", null, null, "spb-kolomna", TAKEN, 2),
                new AddressDay(null, 59.9231, 30.2884, "spb-kolomna", TAKEN, 1),
                new AddressDay(null, null, null, "spb-kolomna", TAKEN, 4)));
        assertThat(places).containsExactly(
                new UnitDay("building:санкт петербург, улица садовая, дом 5", "spb-kolomna", TAKEN, 2),
                new UnitDay(ru.tsur.pulse.prevention.PlaceGrid.cellOf(59.9231, 30.2884).key(), "spb-kolomna", TAKEN, 1));

        MeasureWindow window = MeasureWindow.of(TAKEN, TAKEN.plus(Duration.ofDays(20)), 8, 8);
        Map<String, long[]> weekly = MeasureSeries.weekly(window, List.of(
                new UnitDay("a", "a", TAKEN.minus(Duration.ofDays(56)), 3),
                new UnitDay("a", "a", TAKEN.minus(Duration.ofDays(57)), 100),
                new UnitDay("a", "a", TAKEN.plus(Duration.ofDays(13)), 2),
                new UnitDay("a", "a", TAKEN.plus(Duration.ofDays(20)), 100),
                new UnitDay("b", "b", TAKEN.minus(Duration.ofDays(1)), 5)));
        assertThat(weekly).containsOnlyKeys("a", "b");
        assertThat(weekly.get("a")).containsExactly(3, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0);
        assertThat(weekly.get("b")).containsExactly(0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void unitsWithAMeasureOfASharedTopicAreNoControls() {
        Measure municipal = measure(1, "spb-kolomna", "roof", "Наледь", null);
        List<Measure> others = List.of(municipal,
                measure(2, "spb-avtovo", "roof", null, null),                   // the whole category: shared
                measure(3, "spb-gavan", "roof", "Наледь", "building:x"),        // a place in Gavan: shared
                measure(4, "spb-dachnoe", "roof", "Протечки", null),            // another topic
                measure(5, "spb-kolpino", "facade", "Наледь", null));           // another category
        assertThat(MeasureSeries.excluded(municipal, others, List.of())).containsExactlyInAnyOrder("spb-avtovo", "spb-gavan");

        Measure place = measure(6, "spb-kolomna", "roof", "Наледь", "building:own");
        List<UnitDay> days = List.of(new UnitDay("building:own", "spb-kolomna", TAKEN, 1),
                new UnitDay("building:avtovo-1", "spb-avtovo", TAKEN, 1),
                new UnitDay("building:dachnoe-1", "spb-dachnoe", TAKEN, 1),
                new UnitDay("building:x", "spb-gavan", TAKEN, 1));
        // Avtovo's places (a municipal measure of the category) and Gavan's measured building; not the own place.
        assertThat(MeasureSeries.excluded(place, List.of(place, others.get(1), others.get(2), others.get(3),
                measure(7, "spb-kolomna", "roof", "Наледь", null)), days))
                .isEqualTo(Set.of("building:avtovo-1", "building:x"));
    }

    private static Measure measure(long id, String municipality, String category, String topic, String placeKey) {
        return new Measure(id, "мера", null, municipality, category, topic, placeKey, placeKey == null ? null : "дом",
                TAKEN, "operator", TAKEN);
    }
}
