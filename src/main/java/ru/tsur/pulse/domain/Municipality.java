package ru.tsur.pulse.domain;

import java.util.List;

/**
 * A municipal formation of the region: the unit of the heat map. {@code shortName} is the label drawn on
 * the map; {@code aliases} are other spellings sources use; {@code district} groups municipalities where
 * the region has such a level (the districts of St Petersburg).
 */
public record Municipality(String id, String name, String shortName, String district, List<String> aliases,
                           Integer population) {

    /** The pseudo-municipality for messages that could not be placed. */
    public static Municipality unknown() {
        return new Municipality(Location.UNKNOWN_ID, "не определено", "не определено", null, List.of(), null);
    }
}
