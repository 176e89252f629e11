package ru.tsur.pulse.tools.prevention;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.tsur.pulse.calendar.WorkingCalendar;
import ru.tsur.pulse.calendar.WorkingCalendarFile;
import ru.tsur.pulse.prevention.forecast.ForecastAccuracy;
import ru.tsur.pulse.prevention.forecast.ForecastSettings;
import ru.tsur.pulse.prevention.forecast.WeekAhead;
import ru.tsur.pulse.tension.TensionSettings;
import ru.tsur.pulse.tools.Arguments;
import ru.tsur.pulse.tools.Progress;
import ru.tsur.pulse.tools.tension.TensionReplay;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * {@code scripts/evaluate-forecast.sh}: replays a labelled CSV through the tension detector (no service, no
 * database), makes a 7-day forecast for every municipality × category every week from {@code --from}, and
 * prints one line:
 * <pre>
 * forecast weeks=8 series=1012 mase=0.74 coverage80=0.80 naive_mase=1.00
 * </pre>
 * MASE and coverage are {@link ForecastAccuracy}'s, on weekly totals; {@code --per-week} adds a line per week
 * and one over all weeks before it (with the daily figures), {@code --fit-level-drift} the level drift under
 * which these weeks' totals are most likely. Progress and an ETA go to stderr.
 */
@Command(name = "evaluate-forecast", sortOptions = false, sortSynopsis = false,
        description = "Replays a labelled CSV through the tension detector (no service, no database), forecasts"
                + " every municipality × category 7 days ahead every week between the dates and prints one"
                + " line: forecast weeks=N series=M mase=… coverage80=… naive_mase=1.00.")
public final class EvaluateForecastCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV with created_at, municipality (or district), category; plain or gzipped.")
    Path data;

    @Option(names = "--from", required = true, paramLabel = "DATE",
            description = "First forecast day; one forecast every 7 days after it.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE",
            description = "Last day a forecast week may cover (weeks that would run past it are left out).")
    LocalDate to;

    @Option(names = "--per-week", description = "Also print a line per forecast week and one over all of them"
            + " (the mean's MASE and bias, the series expecting at least one message a week, the days).")
    boolean perWeek;

    @Option(names = "--fit-level-drift",
            description = "Also fit the level drift: print the one (0 to 0.6 by 0.025) under which the weekly totals"
                    + " of these weeks are most likely.")
    boolean fitLevelDrift;

    @Option(names = "--coverage", paramLabel = "P", defaultValue = "" + ForecastSettings.COVERAGE,
            description = "Probability the intervals are to hold (default ${DEFAULT-VALUE}).")
    double coverage;

    @Option(names = "--level-drift", paramLabel = "K", defaultValue = "" + ForecastSettings.LEVEL_DRIFT,
            description = "Squared coefficient of variation of the weekly level a week ahead (default ${DEFAULT-VALUE}).")
    double levelDrift;

    @Option(names = "--trend-weight", paramLabel = "W", defaultValue = "" + ForecastSettings.TREND_WEIGHT,
            description = "Trend: the forecast times (recent observed / expected)^W, 0 = none (default ${DEFAULT-VALUE}).")
    double trendWeight;

    @Option(names = "--trend-days", paramLabel = "D", defaultValue = "" + ForecastSettings.TREND_DAYS,
            description = "The recent span of the trend in days (default ${DEFAULT-VALUE}).")
    int trendDays;

    @Option(names = "--holiday-factor", paramLabel = "F", defaultValue = "" + ForecastSettings.HOLIDAY_FACTOR,
            description = "A public holiday's share of an ordinary day's messages (default ${DEFAULT-VALUE}).")
    double holidayFactor;

    @Option(names = "--calendar", paramLabel = "FILE",
            description = "Working calendar with the public holidays (default: the shipped calendar/spb.txt).")
    Path calendarFile;

    @Option(names = "--dispersion", paramLabel = "D", description = "As pulse.tension.dispersion (default: the service's).")
    Double dispersion;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Europe/Moscow",
            description = "Time zone of times without an offset, of days and of the weekly rhythm (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Override
    public Integer call() throws Exception {
        Arguments.readable(spec, "--data", data);
        Arguments.readable(spec, "--calendar", calendarFile);
        Arguments.require(spec, !to.isBefore(from.plusDays(WeekAhead.DAYS - 1)),
                "--to must be at least 6 days after --from (one whole week)");
        TensionSettings tension = TensionSettings.defaults(zone);
        ForecastSettings settings;
        try {
            settings = new ForecastSettings(coverage, dispersion == null ? tension.dispersion() : dispersion,
                    levelDrift, trendWeight, trendDays, holidayFactor);
        } catch (IllegalArgumentException e) {
            throw Arguments.usage(spec, e.getMessage());
        }
        WorkingCalendar calendar = calendarFile != null ? WorkingCalendarFile.readFile(calendarFile, zone)
                : WorkingCalendarFile.readResource("calendar/spb.txt", zone);
        Predicate<LocalDate> holiday = calendar::isHoliday;
        PrintWriter out = spec.commandLine().getOut();
        try (Progress progress = new Progress(spec.commandLine().getErr())) {
            TensionReplay messages = progress.step("reading " + data, 0, () -> read(data)).value();
            ForecastReplay replay = new ForecastReplay(messages);
            List<LocalDate> origins = origins(replay);
            ForecastReplay.Result result = progress.counted("replaying and forecasting " + origins.size() + " weeks",
                    replay.bucketsThrough(origins.get(origins.size() - 1)), "hours",
                    done -> replay.run(tension, new WeekAhead(settings, holiday), candidates(settings, holiday), origins,
                            holiday, done)).value();
            if (fitLevelDrift) {
                out.println(fitLine(result, origins.size()));
            }
            if (perWeek) {
                for (ForecastReplay.Week week : result.weeks()) {
                    out.println(weekLine(week, coverage));
                }
                out.println(allLine(result, coverage));
            }
            out.println(summary(result, coverage));
        }
        return 0;
    }

    private TensionReplay read(Path file) {
        try {
            return TensionReplay.read(file, zone, 3600);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code --from}, then every 7 days while the week ends by {@code --to} and within the data; the first
     * must leave a week of data before it for the naive forecast.
     */
    private List<LocalDate> origins(ForecastReplay replay) {
        LocalDate earliest = replay.firstDay().plusDays(WeekAhead.DAYS);
        Arguments.require(spec, !from.isBefore(earliest), "--from must be on or after " + earliest
                + " (the naive forecast needs the week before it; the data begin on " + replay.firstDay() + ")");
        LocalDate last = to.isBefore(replay.lastDay()) ? to : replay.lastDay();
        List<LocalDate> origins = new ArrayList<>();
        for (LocalDate origin = from; !origin.plusDays(WeekAhead.DAYS - 1).isAfter(last); origin = origin.plusDays(WeekAhead.DAYS)) {
            origins.add(origin);
        }
        Arguments.require(spec, !origins.isEmpty(), "no whole week between " + from + " and " + last
                + " (the data end on " + replay.lastDay() + ")");
        return origins;
    }

    /** Step and reach of the level drift's fit: 0, 0.025, … 0.6. */
    private static final double FIT_STEP = 0.025;
    private static final int FIT_STEPS = 24;

    /** With {@code --fit-level-drift}, one forecaster per level drift of the grid; none otherwise. */
    private List<WeekAhead> candidates(ForecastSettings settings, Predicate<LocalDate> holiday) {
        List<WeekAhead> candidates = new ArrayList<>();
        for (int step = 0; fitLevelDrift && step <= FIT_STEPS; step++) {
            candidates.add(new WeekAhead(new ForecastSettings(settings.coverage(), settings.dispersion(), step * FIT_STEP,
                    settings.trendWeight(), settings.trendDays(), settings.holidayFactor()), holiday));
        }
        return candidates;
    }

    /** {@code level_drift_fit weeks=4 level_drift=0.150 log_likelihood=-4322.2}: the grid's most likely value. */
    static String fitLine(ForecastReplay.Result result, int weeks) {
        double[] logLikelihoods = result.logLikelihoods();
        int best = 0;
        for (int step = 1; step < logLikelihoods.length; step++) {
            if (logLikelihoods[step] > logLikelihoods[best]) {
                best = step;
            }
        }
        return String.format(Locale.ROOT, "level_drift_fit weeks=%d level_drift=%.3f log_likelihood=%.1f",
                weeks, best * FIT_STEP, logLikelihoods[best]);
    }

    /** {@code forecast weeks=8 series=1087 mase=0.77 coverage80=0.84 naive_mase=1.00}, the label after the target. */
    static String summary(ForecastReplay.Result result, double coverage) {
        ForecastAccuracy weekly = result.weekly();
        return String.format(Locale.ROOT, "forecast weeks=%d series=%d mase=%.2f %s=%.2f naive_mase=%.2f",
                result.weeks().size(), result.series(), weekly.mase(), coverageLabel(coverage), weekly.coverage(),
                weekly.naiveMase());
    }

    /**
     * One week: its holidays, series, weekly MASE, coverage and mean absolute error of the median, the MASE and
     * bias of the mean, and the same MASE and coverage on days (naive: the same weekday a week before).
     */
    static String weekLine(ForecastReplay.Week week, double coverage) {
        return String.format(Locale.ROOT,
                "week from=%s holidays=%d series=%d mase=%.2f %s=%.2f mae=%.2f mean_mase=%.2f bias=%+.2f daily_mase=%.2f daily_%s=%.2f",
                week.firstDay(), week.holidays(), week.series(), week.weekly().mase(), coverageLabel(coverage),
                week.weekly().coverage(), week.weekly().meanAbsoluteError(), week.weeklyMean().mase(),
                week.weeklyMean().bias(), week.daily().mase(), coverageLabel(coverage), week.daily().coverage());
    }

    /**
     * All weeks: the mean's MASE and bias, the busy series' share, MASE and coverage (those expecting at least
     * one message a week), and the days' MASE and coverage.
     */
    static String allLine(ForecastReplay.Result result, double coverage) {
        return String.format(Locale.ROOT,
                "all mean_mase=%.2f bias=%+.2f busy_share=%.2f busy_mase=%.2f busy_%s=%.2f daily_mase=%.2f daily_%s=%.2f",
                result.weeklyMean().mase(), result.weeklyMean().bias(),
                (double) result.weeklyBusy().scored() / result.weekly().scored(), result.weeklyBusy().mase(),
                coverageLabel(coverage), result.weeklyBusy().coverage(), result.daily().mase(), coverageLabel(coverage),
                result.daily().coverage());
    }

    private static String coverageLabel(double coverage) {
        return "coverage" + Math.round(coverage * 100);
    }
}
