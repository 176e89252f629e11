package ru.tsur.pulse.prevention.measures;

import ru.tsur.pulse.prevention.Place;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From the daily counts PostgreSQL gives to what {@link MeasureEffect} reads: the places of address rows (the
 * chronic-places register's {@link Place}s, so a measure entered for a register's place means the same
 * messages), each unit's weekly series over the measure's window, and which units are no controls because a
 * measure of their own may have acted on them.
 */
public final class MeasureSeries {

    private MeasureSeries() {
    }

    /** The rows keyed by place; rows with neither a building address nor a point have no place and are left out. */
    public static List<UnitDay> places(List<AddressDay> rows) {
        List<UnitDay> days = new ArrayList<>(rows.size());
        for (AddressDay row : rows) {
            Place place = Place.of(row.address(), row.latitude(), row.longitude());
            if (place != null) {
                days.add(new UnitDay(place.key(), row.municipality(), row.day(), row.messages()));
            }
        }
        return days;
    }

    /** Per unit, its messages per week slot of the window; days outside the window are left out. */
    public static Map<String, long[]> weekly(MeasureWindow window, List<UnitDay> days) {
        Map<String, long[]> weekly = new HashMap<>();
        for (UnitDay day : days) {
            int slot = window.slot(day.day());
            if (slot >= 0) {
                weekly.computeIfAbsent(day.unit(), unit -> new long[window.slots()])[slot] += day.messages();
            }
        }
        return weekly;
    }

    /**
     * Units that cannot be controls of {@code measure}: those where another measure of a shared topic was
     * taken in the window. For a municipality's measure, every municipality with such a measure, at a place or
     * as a whole (a repaired yard changes its municipality's count too). For a place's measure, the places of
     * such measures, and every place of a municipality that had one as a whole.
     *
     * @param others measures of the category taken in the window (the measure itself may be among them)
     * @param days   the units read for the measure (to find the places of a municipality)
     */
    public static Set<String> excluded(Measure measure, List<Measure> others, List<UnitDay> days) {
        Set<String> municipalities = new HashSet<>();
        Set<String> places = new HashSet<>();
        for (Measure other : others) {
            if (other.id() == measure.id() || !measure.sharesTopicWith(other)) {
                continue;
            }
            if (!measure.atPlace()) {
                municipalities.add(other.municipality());
            } else if (other.atPlace()) {
                places.add(other.placeKey());
            } else {
                municipalities.add(other.municipality());
            }
        }
        if (!measure.atPlace()) {
            return municipalities;
        }
        for (UnitDay day : days) {
            if (municipalities.contains(day.municipality())) {
                places.add(day.unit());
            }
        }
        places.remove(measure.placeKey());
        return places;
    }
}
