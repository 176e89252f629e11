package ru.tsur.pulse.prevention.forecast;

import ru.tsur.pulse.tension.CountTail;

import java.util.Collection;

/**
 * The week ahead of a sum of series — a municipality over all its categories, a category over some
 * municipalities — when the detector keeps no series of that sum itself. Means add up; so do variances if
 * the series are independent given their levels: each series' weekly count is negative binomial with variance
 * {@code m + m²/size} ({@link WeekAhead.SeriesForecast#size()}), so the sum gets mean {@code M = Σm} and
 * variance {@code V = Σ(m + m²/size)}, and is read as the negative binomial with that mean and variance (size
 * {@code M²/(V − M)}; Poisson when V = M) — a moment match, exact for sums of Poisson series and for a single
 * series. The independence understates what moves many series at once (a snowfall lifts every district's
 * improvement complaints): the region's own series ({@link WeekAhead} on the region-wide series) carries
 * that in its level drift, which is why the region's totals per category come from those series and this
 * sum is used only where there is none.
 *
 * @param expected the mean
 * @param median   the median of the sum's distribution (the point forecast)
 * @param low      lower end of the interval (included)
 * @param high     upper end of the interval (included)
 * @param size     the negative binomial size of the sum ({@link CountTail#POISSON} when Poisson)
 */
public record WeekTotal(double expected, long median, long low, long high, double size) {

    /** The week of one series, as it stands. */
    public static WeekTotal of(WeekAhead.SeriesForecast forecast) {
        return new WeekTotal(forecast.expected(), forecast.median(), forecast.low(), forecast.high(), forecast.size());
    }

    /** The week of the sum of {@code forecasts}, with an interval of probability nearest {@code coverage}. */
    public static WeekTotal sum(Collection<WeekAhead.SeriesForecast> forecasts, double coverage) {
        double mean = 0;
        double variance = 0;
        for (WeekAhead.SeriesForecast forecast : forecasts) {
            double expected = forecast.expected();
            mean += expected;
            variance += expected + (Double.isInfinite(forecast.size()) ? 0 : expected * expected / forecast.size());
        }
        double size = variance > mean * (1 + 1e-12) ? mean * mean / (variance - mean) : CountTail.POISSON;
        CountInterval.Bounds bounds = CountInterval.nearest(mean, size, coverage);
        return new WeekTotal(mean, CountInterval.quantile(mean, size, 0.5), bounds.low(), bounds.high(), size);
    }
}
