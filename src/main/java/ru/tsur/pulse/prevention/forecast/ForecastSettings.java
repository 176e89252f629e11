package ru.tsur.pulse.prevention.forecast;

/**
 * The week-ahead forecast's parameters as plain values, for the service and the evaluation command alike.
 *
 * @param coverage      probability the interval is to hold (0.8: "8 weeks out of 10 the count is inside")
 * @param dispersion    variance-to-mean ratio of counts around a known mean: the tension detector's
 *                      {@code pulse.tension.dispersion}, the same over-dispersion model
 * @param levelDrift    squared coefficient of variation by which a series' true weekly level moves away from
 *                      the baseline's within a week ahead (weather, a new building, a campaign), on top of the
 *                      baseline's own sampling error; calibrated on the weeks before the evaluation (README)
 * @param trendWeight   0 = no trend; w > 0 multiplies the forecast by (recent observed / recent expected)^w
 * @param trendDays     the recent span the trend compares, in days
 * @param holidayFactor share of an ordinary day's messages a public holiday gets (1 = holidays are ordinary days)
 */
public record ForecastSettings(double coverage, double dispersion, double levelDrift, double trendWeight,
                               int trendDays, double holidayFactor) {

    /** Intervals to hold 80%. */
    public static final double COVERAGE = 0.8;
    /** κ fitted by maximum likelihood on the forecasts of November 2020 (README, «The week ahead»). */
    public static final double LEVEL_DRIFT = 0.15;
    /** The trend's weight and span chosen on the forecasts of November 2020 (README). */
    public static final double TREND_WEIGHT = 0.25;
    public static final int TREND_DAYS = 14;
    /** A public holiday's share of an ordinary day, as the one holiday before December 2020 showed (README). */
    public static final double HOLIDAY_FACTOR = 0.8;

    /** The defaults above with the detector's dispersion. */
    public static ForecastSettings defaults(double dispersion) {
        return new ForecastSettings(COVERAGE, dispersion, LEVEL_DRIFT, TREND_WEIGHT, TREND_DAYS, HOLIDAY_FACTOR);
    }

    public ForecastSettings {
        if (!(coverage > 0 && coverage < 1)) {
            throw new IllegalArgumentException("coverage must be in (0, 1), not " + coverage);
        }
        if (!(dispersion >= 1) || Double.isInfinite(dispersion)) {
            throw new IllegalArgumentException("dispersion (variance / mean) must be at least 1, not " + dispersion);
        }
        if (!(levelDrift >= 0) || Double.isInfinite(levelDrift)) {
            throw new IllegalArgumentException("level drift must be zero or positive, not " + levelDrift);
        }
        if (!(trendWeight >= 0 && trendWeight <= 1)) {
            throw new IllegalArgumentException("trend weight must be in [0, 1], not " + trendWeight);
        }
        if (trendDays < 1) {
            throw new IllegalArgumentException("trend days must be positive, not " + trendDays);
        }
        if (!(holidayFactor > 0) || Double.isInfinite(holidayFactor)) {
            throw new IllegalArgumentException("holiday factor must be positive, not " + holidayFactor);
        }
    }
}
