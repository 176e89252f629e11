package ru.tsur.pulse.tools.prevention;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.tsur.pulse.prevention.forecast.ForecastSettings;
import ru.tsur.pulse.prevention.forecast.WeekAhead;
import ru.tsur.pulse.tension.SeriesKey;
import ru.tsur.pulse.tension.TensionDetector;
import ru.tsur.pulse.tension.TensionSettings;
import ru.tsur.pulse.tools.PulseToolsTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code evaluate-forecast} on a small synthetic CSV — two districts, four weeks of April 2024 (no holidays),
 * day-to-day counts that vary — against the same forecasts made here by hand: a detector fed the same hours,
 * {@link WeekAhead} asked at local midnight of each forecast day, the actual and "same week last time" counts
 * summed from the rows written, MASE and coverage by their definitions. The whole summary line must match.
 */
class EvaluateForecastCommandTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate FIRST = LocalDate.parse("2024-04-01");
    private static final int DAYS = 28;
    private static final List<SeriesKey> SERIES = List.of(new SeriesKey("Колпино", "Благоустройство", null),
            new SeriesKey("Пушкин", "Содержание МКД", null));

    /** Messages of a series on day d: a rhythm with a busier third week for the first, a sparse one for the second. */
    private static int count(int series, int day) {
        return series == 0 ? 3 + (day * 5) % 7 + (day >= 14 && day < 21 ? 6 : 0) : (day * 3) % 4 == 0 ? 1 : 0;
    }

    /** The hour of day d a series' i-th message of the day is written at: spread over the working day. */
    private static int hourOf(int index) {
        return 9 + (index * 3) % 10;
    }

    private static Path writeCsv(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("created_at,municipality,category,reason");
        for (int day = 0; day < DAYS; day++) {
            for (int series = 0; series < SERIES.size(); series++) {
                for (int index = 0; index < count(series, day); index++) {
                    lines.add(FIRST.plusDays(day).atTime(hourOf(index), 15) + "," + SERIES.get(series).municipality()
                            + "," + SERIES.get(series).category() + ",");
                }
            }
        }
        Path file = directory.resolve("appeals.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void theSummaryLineIsTheForecastsScoredAgainstTheNaiveWeek(@TempDir Path directory) throws IOException {
        Path file = writeCsv(directory);
        PulseToolsTest.Run run = PulseToolsTest.run("evaluate-forecast", "--data", file.toString(),
                "--from", "2024-04-15", "--to", "2024-04-28");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(expectedLine(List.of(LocalDate.parse("2024-04-15"), LocalDate.parse("2024-04-22"))) + "\n");
        assertThat(run.err()).contains("replaying and forecasting 2 weeks").contains("done in");
    }

    /** The line worked out here, independently of the command's replay. */
    private static String expectedLine(List<LocalDate> origins) {
        TensionSettings tension = TensionSettings.defaults(MOSCOW);
        WeekAhead weekAhead = new WeekAhead(ForecastSettings.defaults(tension.dispersion()), day -> false);
        TensionDetector detector = new TensionDetector(tension, 0);
        long firstBucket = bucketOf(FIRST.atTime(hourOf(0), 0));
        long end = bucketOf(origins.get(origins.size() - 1).plusDays(7).atStartOfDay());
        double error = 0;
        double naiveError = 0;
        int inside = 0;
        int scored = 0;
        for (long bucket = firstBucket; bucket < end; bucket++) {
            LocalDateTime local = LocalDateTime.ofInstant(detector.clock().start(bucket), MOSCOW);
            if (local.getHour() == 0 && origins.contains(local.toLocalDate())) {
                int originDay = (int) (local.toLocalDate().toEpochDay() - FIRST.toEpochDay());
                for (int series = 0; series < SERIES.size(); series++) {
                    WeekAhead.SeriesForecast forecast = weekAhead.forecast(detector, SERIES.get(series), local.toLocalDate())
                            .orElseThrow();
                    long actual = 0;
                    long naive = 0;
                    for (int day = originDay; day < originDay + 7; day++) {
                        actual += count(series, day);
                        naive += count(series, day - 7);
                    }
                    error += Math.abs(actual - forecast.median());
                    naiveError += Math.abs(actual - naive);
                    inside += forecast.low() <= actual && actual <= forecast.high() ? 1 : 0;
                    scored++;
                }
            }
            detector.openBucket(bucket);
            int day = (int) (local.toLocalDate().toEpochDay() - FIRST.toEpochDay());
            for (int series = 0; series < SERIES.size(); series++) {
                int messages = 0;
                for (int index = 0; index < count(series, day); index++) {
                    messages += hourOf(index) == local.getHour() ? 1 : 0;
                }
                detector.add(SERIES.get(series).municipality(), SERIES.get(series).category(), null, bucket, messages);
            }
            detector.closeBucket();
        }
        assertThat(naiveError).isPositive();
        return String.format(Locale.ROOT, "forecast weeks=%d series=%d mase=%.2f coverage80=%.2f naive_mase=1.00",
                origins.size(), SERIES.size(), error / naiveError, (double) inside / scored);
    }

    private static long bucketOf(LocalDateTime local) {
        return local.atZone(MOSCOW).toEpochSecond() / 3600;
    }

    @Test
    void aFirstForecastDayWithoutAWeekBeforeItIsAUsageError(@TempDir Path directory) throws IOException {
        Path file = writeCsv(directory);
        PulseToolsTest.Run run = PulseToolsTest.run("evaluate-forecast", "--data", file.toString(),
                "--from", "2024-04-05", "--to", "2024-04-28");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        // after the progress of reading the file (which tells where the data begin), the usage error alone
        assertThat(withoutProgress(run.err())).isEqualTo("pulse-tools evaluate-forecast: --from must be on or after"
                + " 2024-04-08 (the naive forecast needs the week before it; the data begin on 2024-04-01)\n" + SYNOPSIS);

        PulseToolsTest.Run tooShort = PulseToolsTest.run("evaluate-forecast", "--data", file.toString(),
                "--from", "2024-04-15", "--to", "2024-04-20");
        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.err()).isEqualTo(
                "pulse-tools evaluate-forecast: --to must be at least 6 days after --from (one whole week)\n" + SYNOPSIS);
    }

    private static final String SYNOPSIS = """
            Usage: pulse-tools evaluate-forecast [-h] --data=FILE --from=DATE --to=DATE
                                                 [--per-week] [--fit-level-drift]
                                                 [--coverage=P] [--level-drift=K]
                                                 [--trend-weight=W] [--trend-days=D]
                                                 [--holiday-factor=F] [--calendar=FILE]
                                                 [--dispersion=D] [--zone=ZONE]
            Try 'pulse-tools evaluate-forecast --help' for more information.
            """;

    private static String withoutProgress(String err) {
        return err.lines().filter(line -> !line.startsWith("[")).map(line -> line + "\n").reduce("", String::concat);
    }
}
