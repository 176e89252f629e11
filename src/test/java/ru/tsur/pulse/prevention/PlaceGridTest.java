package ru.tsur.pulse.prevention;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The 150 m grid: a point's cell by hand (Palace Square, St Petersburg), cells are 150 m on each side where
 * they lie, and a place is its building when the address says one, else its cell.
 */
class PlaceGridTest {

    private static final double METRES_PER_DEGREE = 111_320;

    @Test
    void aPointFallsInTheCellTheSchemeNames() {
        // row = floor(59.93863 × 111320 / 150) = floor(44482.45) = 44482, centre 44482.5 × 150 / 111320 = 59.9386903°;
        // column = floor(30.31413 × 111320 × cos 59.9386903° / 150) = floor(11269.45) = 11269
        PlaceGrid.Cell cell = PlaceGrid.cellOf(59.93863, 30.31413);
        assertThat(cell.key()).isEqualTo("cell:44482:11269");
        assertThat(cell.latitude()).isCloseTo(59.9386903, within(1e-7));
        assertThat(cell.longitude()).isCloseTo(30.3143863, within(1e-7));
        assertThat(PlaceGrid.cellOf(cell.latitude(), cell.longitude())).isEqualTo(cell);
    }

    @Test
    void cellsAre150MetresOnEachSide() {
        PlaceGrid.Cell cell = PlaceGrid.cellOf(59.93863, 30.31413);
        double metresPerDegreeOfLongitude = METRES_PER_DEGREE * Math.cos(Math.toRadians(cell.latitude()));
        PlaceGrid.Cell east = PlaceGrid.cellOf(cell.latitude(), cell.longitude() + 150 / metresPerDegreeOfLongitude);
        PlaceGrid.Cell north = PlaceGrid.cellOf(cell.latitude() + 150 / METRES_PER_DEGREE, cell.longitude());
        assertThat(east.key()).isEqualTo("cell:44482:11270");
        assertThat(north.row()).isEqualTo(44483);
        // 74 m from the centre is still inside, 76 m is the next cell
        assertThat(PlaceGrid.cellOf(cell.latitude(), cell.longitude() + 74 / metresPerDegreeOfLongitude)).isEqualTo(cell);
        assertThat(PlaceGrid.cellOf(cell.latitude(), cell.longitude() + 76 / metresPerDegreeOfLongitude)).isEqualTo(east);
        assertThat(PlaceGrid.cellOf(cell.latitude() - 76 / METRES_PER_DEGREE, cell.longitude()).row()).isEqualTo(44481);
    }

    @Test
    void aPointOffTheEarthIsRefused() {
        assertThatThrownBy(() -> PlaceGrid.cellOf(91, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlaceGrid.cellOf(Double.NaN, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlaceIsItsBuildingElseItsCellElseNothing() {
        assertThat(Place.of("г.Санкт-Петербург, Мебельная улица, дом 47, литера А", 59.99, 30.19)).isEqualTo(new Place(
                "building:санкт петербург, улица мебельная, дом 47", Place.Kind.BUILDING,
                "г.Санкт-Петербург, Мебельная улица, дом 47, литера А"));
        assertThat(Place.of("", 59.93863, 30.31413)).isEqualTo(new Place("cell:44482:11269", Place.Kind.CELL,
                "участок 150 × 150 м, центр 59.93869, 30.31439"));
        assertThat(Place.of(null, null, 30.31413)).isNull();
    }
}
