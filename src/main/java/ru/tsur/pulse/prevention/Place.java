package ru.tsur.pulse.prevention;

import java.util.Locale;

/**
 * Where a problem keeps coming back: a building, by its {@link AddressNormalizer normal address}, or — when a
 * message names none — the {@link PlaceGrid ~150 m cell} of its point. The key is what the register groups by
 * ({@code building:<normal address>} or {@code cell:<row>:<column>}); the label is what a person reads (the
 * address as first written, or the cell's centre).
 */
public record Place(String key, Kind kind, String label) {

    /** A building or a grid cell. */
    public enum Kind { BUILDING, CELL }

    /**
     * The place of a message: its building when the address normalizes to something, else the cell of its
     * point; null when it has neither.
     */
    public static Place of(String address, Double latitude, Double longitude) {
        String normal = AddressNormalizer.normalize(address);
        if (!normal.isEmpty()) {
            return new Place("building:" + normal, Kind.BUILDING, address.strip());
        }
        if (latitude == null || longitude == null) {
            return null;
        }
        PlaceGrid.Cell cell = PlaceGrid.cellOf(latitude, longitude);
        return new Place(cell.key(), Kind.CELL, String.format(Locale.ROOT, "участок 150 × 150 м, центр %.5f, %.5f",
                cell.latitude(), cell.longitude()));
    }
}
