package ru.tsur.pulse.prevention.report;

import java.util.List;

/**
 * The report's repeat-rate section: the share of the period's cases that are repeats — the service's one
 * definition (README «Cases, deadlines and alerts»: a case opened about a problem of the same place and topic
 * resolved within the repeat period, {@code repeat_of} set; merged cases left out), by the day the case's
 * first message came — over the whole period and week by week, with the trend {@link RepeatRateTrend} tests.
 *
 * @param cases   cases of the period
 * @param repeats repeats among them
 * @param weeks   every week of the period, in order, empty weeks included
 * @param trend   the weekly trend; null when fewer than {@value RepeatRateTrend#MIN_WEEKS} weeks had cases
 */
public record RepeatRateSection(long cases, long repeats, List<WeekRate> weeks, Trend trend) {

    public RepeatRateSection {
        weeks = List.copyOf(weeks);
    }

    /** Repeats over cases; 0 without cases. */
    public double rate() {
        return cases == 0 ? 0 : (double) repeats / cases;
    }

    /** One week's cases and repeats. */
    public record WeekRate(ReportPeriod.Week week, long cases, long repeats) {

        public double rate() {
            return cases == 0 ? 0 : (double) repeats / cases;
        }
    }

    /** Which way the weekly rate goes, as the test decides it. */
    public enum Direction { RISING, FALLING, FLAT }

    /**
     * The weekly trend: the slope of the repeat share per week with its 95% interval and the test's z.
     *
     * @param slopePerWeek the change of the share per week (0.01 = one percentage point a week)
     * @param low          the interval's lower end
     * @param high         its upper end
     * @param z            the Cochran–Armitage statistic
     * @param direction    rising when the whole interval is above 0, falling when below, else flat
     * @param fittedFirst  the fitted share in the first week with cases (for the chart's line)
     * @param fittedLast   the fitted share in the last week with cases
     * @param firstWeek    the index of the first week with cases
     * @param lastWeek     the index of the last week with cases
     */
    public record Trend(double slopePerWeek, double low, double high, double z, Direction direction,
                        double fittedFirst, double fittedLast, int firstWeek, int lastWeek) {
    }
}
