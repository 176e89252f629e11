package ru.tsur.pulse.prevention.forecast;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.tension.CountTail;
import ru.tsur.pulse.tension.SeriesKey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service makes of a week's forecasts, on known series: the metrics' totals (a municipality's
 * categories summed as Poisson series sum, a category of the region its own region-wide series as forecast)
 * and the API's two orders (most expected first; most messages above the last 7 days first, ties by place).
 */
class ForecastFiguresTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-04");

    private static ForecastService.Series series(String municipality, String category, double expected, long lastWeek) {
        CountInterval.Bounds bounds = CountInterval.nearest(expected, CountTail.POISSON, 0.8);
        WeekAhead.SeriesForecast forecast = new WeekAhead.SeriesForecast(new SeriesKey(municipality, category, null), DAY,
                List.of(), expected, CountInterval.quantile(expected, CountTail.POISSON, 0.5), bounds.low(), bounds.high(),
                CountTail.POISSON);
        return new ForecastService.Series(forecast, lastWeek);
    }

    @Test
    void municipalitiesSumTheirCategoriesAndTheRegionKeepsItsOwnSeries() {
        ForecastService.Series regionRoads = series(null, "roads", 30, 25);
        ForecastService.Week week = new ForecastService.Week(Instant.parse("2026-12-03T18:00:00Z"), DAY, 0,
                List.of(series("kolpino", "roads", 4, 1), series("kolpino", "roof", 6, 9), series("pushkin", "roads", 2.5, 3)),
                Map.of("roads", regionRoads));
        ForecastService.Figures figures = ForecastService.figuresOf(week, 0.8);

        assertThat(figures.computedAt()).isEqualTo(Instant.parse("2026-12-03T18:00:00Z"));
        assertThat(figures.firstDay()).isEqualTo(DAY);
        assertThat(figures.municipalities()).containsOnlyKeys("kolpino", "pushkin");
        // Kolpino: Poisson 4 + Poisson 6 = Poisson 10, whose interval nearest 80% is 6 … 13, median 10.
        assertThat(figures.municipalities().get("kolpino"))
                .isEqualTo(new ForecastService.Total(new WeekTotal(10.0, 10, 6, 13, CountTail.POISSON), 10));
        assertThat(figures.municipalities().get("pushkin").week())
                .isEqualTo(WeekTotal.of(series("pushkin", "roads", 2.5, 3).forecast()));
        assertThat(figures.categories()).containsOnlyKeys("roads");
        assertThat(figures.categories().get("roads"))
                .isEqualTo(new ForecastService.Total(WeekTotal.of(regionRoads.forecast()), 25));
    }

    @Test
    void theApiOrdersByExpectedOrByRiseTiesByPlace() {
        List<ForecastService.Series> all = new ArrayList<>(List.of(
                series("pushkin", "roads", 8, 1),      // rise 7
                series("kolpino", "roof", 12, 10),     // rise 2
                series("kolpino", "roads", 8, 20),     // rise −12
                series("admiralteyskiy", "roads", 3, 0))); // rise 3
        all.sort(ForecastResource.order("expected"));
        assertThat(all).extracting(one -> one.forecast().key().toString())
                .containsExactly("kolpino/roof", "kolpino/roads", "pushkin/roads", "admiralteyskiy/roads");
        all.sort(ForecastResource.order("rise"));
        assertThat(all).extracting(one -> one.forecast().key().toString())
                .containsExactly("pushkin/roads", "admiralteyskiy/roads", "kolpino/roof", "kolpino/roads");
    }
}
