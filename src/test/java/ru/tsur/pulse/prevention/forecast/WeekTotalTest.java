package ru.tsur.pulse.prevention.forecast;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.tension.CountTail;
import ru.tsur.pulse.tension.SeriesKey;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The week of a sum of series by moments, on cases with known answers: Poisson series sum to the Poisson of the
 * summed mean, one negative binomial series keeps its own size and interval, two negative binomial series get
 * the size of the summed variance, and nothing expected is an empty week.
 */
class WeekTotalTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-04");

    private static WeekAhead.SeriesForecast series(String municipality, double expected, double size) {
        CountInterval.Bounds bounds = CountInterval.nearest(expected, size, 0.8);
        return new WeekAhead.SeriesForecast(new SeriesKey(municipality, "roads", null), DAY, List.of(), expected,
                CountInterval.quantile(expected, size, 0.5), bounds.low(), bounds.high(), size);
    }

    @Test
    void poissonSeriesSumToThePoissonOfTheSummedMean() {
        WeekTotal total = WeekTotal.sum(List.of(series("a", 2.5, CountTail.POISSON), series("b", 7.5, CountTail.POISSON)), 0.8);
        CountInterval.Bounds bounds = CountInterval.nearest(10, CountTail.POISSON, 0.8);
        // Poisson(10): the median is 10; P(6 ≤ X ≤ 13) = F(13) − F(5) = 0.8645 − 0.0671 = 0.797, the nearest 80%.
        assertThat(total).isEqualTo(new WeekTotal(10.0, 10, bounds.low(), bounds.high(), CountTail.POISSON));
        assertThat(bounds.low()).isEqualTo(6);
        assertThat(bounds.high()).isEqualTo(13);
    }

    @Test
    void oneSeriesKeepsItsOwnDistribution() {
        WeekAhead.SeriesForecast one = series("a", 12.0, 4.0);
        WeekTotal total = WeekTotal.sum(List.of(one), 0.8);
        assertThat(total.expected()).isEqualTo(12.0);
        assertThat(total.size()).isCloseTo(4.0, within(1e-9));
        assertThat(total.median()).isEqualTo(one.median());
        assertThat(total.low()).isEqualTo(one.low());
        assertThat(total.high()).isEqualTo(one.high());
        assertThat(WeekTotal.of(one)).isEqualTo(new WeekTotal(12.0, one.median(), one.low(), one.high(), 4.0));
    }

    @Test
    void negativeBinomialSeriesAddTheirVariances() {
        // Variances 4 + 16/2 = 12 and 6 + 36/3 = 18: mean 10, variance 30, size 100 / 20 = 5.
        WeekTotal total = WeekTotal.sum(List.of(series("a", 4.0, 2.0), series("b", 6.0, 3.0)), 0.8);
        assertThat(total.expected()).isEqualTo(10.0);
        assertThat(total.size()).isCloseTo(5.0, within(1e-9));
        CountInterval.Bounds bounds = CountInterval.nearest(10.0, 5.0, 0.8);
        assertThat(total.low()).isEqualTo(bounds.low());
        assertThat(total.high()).isEqualTo(bounds.high());
        assertThat(total.median()).isEqualTo(CountInterval.quantile(10.0, 5.0, 0.5));
        // Wider than the Poisson sum of the same mean.
        assertThat(total.high() - total.low()).isGreaterThan(13 - 6);
    }

    @Test
    void nothingExpectedIsAnEmptyWeek() {
        assertThat(WeekTotal.sum(List.of(), 0.8)).isEqualTo(new WeekTotal(0.0, 0, 0, 0, CountTail.POISSON));
    }
}
