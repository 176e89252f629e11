package ru.tsur.pulse.prevention.forecast;

/**
 * Scores forecasts of counts against what happened, pooled over series and weeks: the mean absolute scaled
 * error against the seasonal-naive forecast ("the same week last time": the count of the 7 days before the
 * forecast was made) and the share of actual counts inside the forecast's interval.
 *
 * <p>MASE = Σ|actual − forecast| / Σ|actual − naive| over the same series and weeks — the ratio of the two mean
 * absolute errors. Hyndman and Koehler scale each series by its own in-sample naive error; most municipality ×
 * category series here expect under one message a week, so a series' own scale is often zero and per-series
 * ratios are undefined or dominated by a few quiet series. Pooling scales by the naive error over everything
 * scored, so busy and quiet series weigh by their counts; the naive forecast scores exactly 1 by construction.
 */
public final class ForecastAccuracy {

    private double absoluteError;
    private double naiveAbsoluteError;
    private long scored;
    private long inside;
    private double actualTotal;
    private double forecastTotal;

    /** Adds one forecast: what happened, what was forecast, what the naive forecast said, and the interval. */
    public void add(long actual, double forecast, long naive, long low, long high) {
        absoluteError += Math.abs(actual - forecast);
        naiveAbsoluteError += Math.abs(actual - naive);
        scored++;
        actualTotal += actual;
        forecastTotal += forecast;
        if (low <= actual && actual <= high) {
            inside++;
        }
    }

    /** Adds everything another accumulator has scored. */
    public void addAll(ForecastAccuracy other) {
        absoluteError += other.absoluteError;
        naiveAbsoluteError += other.naiveAbsoluteError;
        scored += other.scored;
        inside += other.inside;
        actualTotal += other.actualTotal;
        forecastTotal += other.forecastTotal;
    }

    /** Σ forecast / Σ actual − 1: how much the forecasts ran high (positive) or low (NaN with nothing actual). */
    public double bias() {
        return actualTotal == 0 ? Double.NaN : forecastTotal / actualTotal - 1;
    }

    public long scored() {
        return scored;
    }

    /** Mean absolute error of the forecasts (NaN before any). */
    public double meanAbsoluteError() {
        return scored == 0 ? Double.NaN : absoluteError / scored;
    }

    /** Σ|actual − forecast| / Σ|actual − naive|; NaN when the naive forecast made no error at all. */
    public double mase() {
        return naiveAbsoluteError == 0 ? Double.NaN : absoluteError / naiveAbsoluteError;
    }

    /** The naive forecast's own MASE: 1 by construction (NaN when it made no error). */
    public double naiveMase() {
        return naiveAbsoluteError == 0 ? Double.NaN : naiveAbsoluteError / naiveAbsoluteError;
    }

    /** Share of actual counts inside their intervals (NaN before any). */
    public double coverage() {
        return scored == 0 ? Double.NaN : (double) inside / scored;
    }
}
