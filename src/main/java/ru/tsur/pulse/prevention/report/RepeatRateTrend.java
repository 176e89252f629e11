package ru.tsur.pulse.prevention.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The repeat rate of a period week by week and whether it is rising or falling.
 *
 * <p><b>The test</b> is the Cochran–Armitage test for a trend in proportions over ordered groups — the weeks,
 * scored 0, 1, 2, …: the slope of the repeat share on the week, fitted by least squares over the cases (each
 * case a 0/1 at its week), so a week weighs as many cases as it had and a week of three cases does not swing
 * the line:
 * <pre>
 *   b  = Σ (tᵢ − t̄)·rᵢ / S,   S = Σ nᵢ·(tᵢ − t̄)²,   t̄ = Σ nᵢ·tᵢ / N
 *   se = √(p̄·(1 − p̄) / S),   z = b / se,   95% interval b ± 1.96·se
 * </pre>
 * with nᵢ cases and rᵢ repeats in week tᵢ and p̄ the period's share. The direction is "rising" when the
 * whole interval lies above zero, "falling" when below, else "flat" — the interval excludes zero exactly
 * when the test rejects "no trend" at 5%, so the words and the figures never disagree. Why this and not a
 * comparison of the first and last week: it uses every week, and it is the standard test for exactly this
 * question. Weeks without cases carry no weight; with fewer than {@value #MIN_WEEKS} weeks that had cases
 * there is no trend to speak of, and none is given.
 */
public final class RepeatRateTrend {

    /** Weeks with cases needed for a trend. */
    public static final int MIN_WEEKS = 3;

    private static final double Z = 1.96;

    /** One week's tally: its index in the period, its cases and repeats. */
    public record WeekCount(int week, long cases, long repeats) {
    }

    private RepeatRateTrend() {
    }

    /** The section: every week of the period with its tally (missing weeks have none), totals and the trend. */
    public static RepeatRateSection section(ReportPeriod period, List<WeekCount> counts) {
        List<ReportPeriod.Week> weeks = period.weeks();
        long[] cases = new long[weeks.size()];
        long[] repeats = new long[weeks.size()];
        for (WeekCount count : counts) {
            if (count.week() < 0 || count.week() >= weeks.size()) {
                throw new IllegalArgumentException("Week " + count.week() + " is outside the period");
            }
            cases[count.week()] += count.cases();
            repeats[count.week()] += count.repeats();
        }
        List<RepeatRateSection.WeekRate> rates = new ArrayList<>(weeks.size());
        long allCases = 0;
        long allRepeats = 0;
        for (ReportPeriod.Week week : weeks) {
            rates.add(new RepeatRateSection.WeekRate(week, cases[week.index()], repeats[week.index()]));
            allCases += cases[week.index()];
            allRepeats += repeats[week.index()];
        }
        return new RepeatRateSection(allCases, allRepeats, rates, trend(rates));
    }

    /** The Cochran–Armitage slope, interval and direction; null with fewer than {@value #MIN_WEEKS} weeks with cases. */
    static RepeatRateSection.Trend trend(List<RepeatRateSection.WeekRate> weeks) {
        List<RepeatRateSection.WeekRate> used = weeks.stream().filter(week -> week.cases() > 0).toList();
        if (used.size() < MIN_WEEKS) {
            return null;
        }
        double total = 0;
        double repeats = 0;
        double weightedWeeks = 0;
        for (RepeatRateSection.WeekRate week : used) {
            total += week.cases();
            repeats += week.repeats();
            weightedWeeks += week.cases() * (double) week.week().index();
        }
        double meanWeek = weightedWeeks / total;
        double share = repeats / total;
        double spread = 0;
        double covariance = 0;
        for (RepeatRateSection.WeekRate week : used) {
            double offset = week.week().index() - meanWeek;
            spread += week.cases() * offset * offset;
            covariance += offset * week.repeats();
        }
        double slope = covariance / spread;
        double error = Math.sqrt(share * (1 - share) / spread);
        double z = error == 0 ? 0 : slope / error;
        double low = slope - Z * error;
        double high = slope + Z * error;
        RepeatRateSection.Direction direction = low > 0 ? RepeatRateSection.Direction.RISING
                : high < 0 ? RepeatRateSection.Direction.FALLING : RepeatRateSection.Direction.FLAT;
        int first = used.get(0).week().index();
        int last = used.get(used.size() - 1).week().index();
        return new RepeatRateSection.Trend(slope, low, high, z, direction, share + slope * (first - meanWeek),
                share + slope * (last - meanWeek), first, last);
    }
}
