package ru.tsur.pulse.prevention;

/**
 * The ~150 m cells that stand for a place when a message has a point but no building address (a yard, a
 * street, a park): a fixed grid, so the same point always falls in the same cell, in every run and on every
 * replica, with no clustering state. Scheme: on a sphere, a degree of latitude is {@value #METRES_PER_DEGREE} m;
 * the row is {@code floor(latitude × 111 320 / 150)}, i.e. 150 m bands from the equator; within a row the
 * column is {@code floor(longitude × 111 320 × cos(φ) / 150)} with φ the latitude of the row's centre, so
 * every cell is 150 m wide where it lies (about 0.00135° of latitude by 0.0027° of longitude at St Petersburg's
 * 60° N) instead of shrinking towards the poles. A cell's key is {@code cell:<row>:<column>}. Two messages
 * about one yard may fall in neighbouring cells when the yard straddles a border; the register accepts that
 * (the alternative, clustering, would make a place's identity depend on what else was reported).
 */
public final class PlaceGrid {

    /** Side of a cell in metres. */
    public static final double CELL_METRES = 150;
    /** Metres per degree of latitude (and of longitude at the equator) on a sphere of the Earth's mean size. */
    static final double METRES_PER_DEGREE = 111_320;

    /** One cell: its row and column and the point at its centre. */
    public record Cell(long row, long column, double latitude, double longitude) {

        /** {@code cell:<row>:<column>}. */
        public String key() {
            return "cell:" + row + ":" + column;
        }
    }

    private PlaceGrid() {
    }

    /** The cell of a WGS84 point. */
    public static Cell cellOf(double latitude, double longitude) {
        if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
            throw new IllegalArgumentException("Not a point: " + latitude + ", " + longitude);
        }
        long row = (long) Math.floor(latitude * METRES_PER_DEGREE / CELL_METRES);
        double rowCentre = (row + 0.5) * CELL_METRES / METRES_PER_DEGREE;
        double metresPerDegreeOfLongitude = METRES_PER_DEGREE * Math.cos(Math.toRadians(rowCentre));
        long column = (long) Math.floor(longitude * metresPerDegreeOfLongitude / CELL_METRES);
        return new Cell(row, column, rowCentre, (column + 0.5) * CELL_METRES / metresPerDegreeOfLongitude);
    }
}
