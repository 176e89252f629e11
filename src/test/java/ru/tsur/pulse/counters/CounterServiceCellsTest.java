package ru.tsur.pulse.counters;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.CountedCell;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CounterServiceCellsTest {

    private static CountedCell cell(String municipalityId, String categoryId, long count) {
        return new CountedCell(municipalityId, categoryId, count);
    }

    @Test
    void equalCellsInAnyOrderAreTheSame() {
        assertThat(CounterService.sameCells(
                List.of(cell("spb-kolpino", "improvement", 12), cell("spb-mo-65", "roof", 3),
                        cell("unknown", "other", 1)),
                List.of(cell("unknown", "other", 1), cell("spb-mo-65", "roof", 3),
                        cell("spb-kolpino", "improvement", 12)))).isTrue();
        assertThat(CounterService.sameCells(List.of(), List.of())).isTrue();
    }

    @Test
    void zeroCellsAreIgnoredOnEitherSide() {
        assertThat(CounterService.sameCells(
                List.of(cell("spb-kolpino", "improvement", 12), cell("spb-kolpino", "roof", 0)),
                List.of(cell("spb-parnas", "heating", 0), cell("spb-kolpino", "improvement", 12)))).isTrue();
        assertThat(CounterService.sameCells(List.of(cell("spb-kolpino", "roof", 0)), List.of())).isTrue();
    }

    @Test
    void differentCountsOrMissingCellsDiffer() {
        assertThat(CounterService.sameCells(
                List.of(cell("spb-kolpino", "improvement", 12)),
                List.of(cell("spb-kolpino", "improvement", 11)))).isFalse();
        assertThat(CounterService.sameCells(
                List.of(cell("spb-kolpino", "improvement", 12), cell("spb-mo-65", "roof", 3)),
                List.of(cell("spb-kolpino", "improvement", 12)))).isFalse();
        assertThat(CounterService.sameCells(
                List.of(cell("spb-kolpino", "improvement", 12)),
                List.of(cell("spb-kolpino", "improvement", 12), cell("unknown", "other", 1)))).isFalse();
    }

    @Test
    void cellsAreToldApartByMunicipalityAndCategory() {
        assertThat(CounterService.sameCells(
                List.of(cell("spb-kolpino", "roof", 3)),
                List.of(cell("spb-mo-65", "roof", 3)))).isFalse();
        assertThat(CounterService.sameCells(
                List.of(cell("spb-kolpino", "roof", 3)),
                List.of(cell("spb-kolpino", "heating", 3)))).isFalse();
    }

    @Test
    void repeatedCellsAreAddedUp() {
        assertThat(CounterService.sameCells(
                List.of(cell("spb-kolpino", "roof", 1), cell("spb-kolpino", "roof", 2)),
                List.of(cell("spb-kolpino", "roof", 3)))).isTrue();
    }
}
