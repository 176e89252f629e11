package ru.tsur.pulse.tools.prevention;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.tsur.pulse.prevention.PlaceMessage;
import ru.tsur.pulse.prevention.measures.EffectEstimate;
import ru.tsur.pulse.prevention.measures.MeasureEffect;
import ru.tsur.pulse.prevention.measures.MeasureSeries;
import ru.tsur.pulse.prevention.measures.MeasureWindow;
import ru.tsur.pulse.prevention.measures.UnitDay;
import ru.tsur.pulse.prevention.measures.Verdict;
import ru.tsur.pulse.tools.Arguments;
import ru.tsur.pulse.tools.Progress;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code scripts/evaluate-measures.sh}: a placebo check of the measures' effect ({@link MeasureEffect}, the
 * service's own class). Fake measures — a random municipality × category (or × topic) of the file, taken at
 * the start of a random day with full windows of data on both sides — did nothing, so their 95% intervals
 * should hold "no effect" (ratio 1) about 95% of the time; much less would mean the intervals are too narrow
 * for how complaints really cluster, and every real measure would look like a success or a failure. Fakes the
 * effect calls too few (fewer than 5 messages before or expected) are drawn again, up to 200 draws per fake
 * wanted. Prints one line:
 * <pre>placebo measures=400 coverage95=0.91 decrease=0.04 increase=0.05 mean_ratio=… median_ratio=0.89 draws=2136 by=category weeks_before=6 weeks_after=4</pre>
 * Progress on stderr.
 */
@Command(name = "evaluate-measures", sortOptions = false, sortSynopsis = false,
        description = "Placebo check of the measures' effect: fake measures at random municipalities and dates of a"
                + " CSV should get 95% intervals that hold \"no effect\" about 95% of the time.")
public final class EvaluateMeasuresCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV in the St Petersburg portal format (created_at, category, municipality, a place;"
                    + " optionally reason), plain or gzipped.")
    Path data;

    @Option(names = "--measures", paramLabel = "N", defaultValue = "400",
            description = "How many fake measures to judge (default ${DEFAULT-VALUE}).")
    int measures;

    @Option(names = "--weeks-before", paramLabel = "W", defaultValue = "6",
            description = "Weeks before each measure (default ${DEFAULT-VALUE}; the service uses 8, which the"
                    + " 15 weeks of the St Petersburg file barely hold with an after window).")
    int weeksBefore;

    @Option(names = "--weeks-after", paramLabel = "W", defaultValue = "4",
            description = "Weeks after each measure (default ${DEFAULT-VALUE}).")
    int weeksAfter;

    @Option(names = "--by", paramLabel = "category|topic", defaultValue = "category",
            description = "Fake measures for a category, or for one topic (the reason column) (default ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--minimum-count", paramLabel = "M", defaultValue = "5",
            description = "Fewer messages before, or expected after, is too few to judge (default ${DEFAULT-VALUE},"
                    + " the service's).")
    int minimumCount;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the random draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Europe/Moscow",
            description = "Time zone of times without an offset and of the days measures start (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    /** What the placebo measures gave. */
    record Figures(int judged, int covered, int decrease, int increase, double meanRatio, double medianRatio, int draws) {
    }

    @Override
    public Integer call() throws Exception {
        Arguments.readable(spec, "--data", data);
        Arguments.require(spec, measures > 0, "--measures must be positive");
        Arguments.require(spec, weeksBefore > 0 && weeksAfter >= 2, "--weeks-before must be positive and --weeks-after at least 2");
        Arguments.require(spec, minimumCount > 0, "--minimum-count must be positive");
        Arguments.require(spec, by.equals("topic") || by.equals("category"), "--by must be category or topic, not " + by);
        PrintWriter out = spec.commandLine().getOut();
        try (Progress progress = new Progress(spec.commandLine().getErr())) {
            PlaceMessageFile.Contents contents;
            try {
                contents = progress.counted("reading " + data, Files.size(data), "bytes", bytes -> {
                    try {
                        return PlaceMessageFile.read(data, zone, bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).value();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Figures figures = placebo(contents.messages());
            if (figures == null) {
                throw Arguments.usage(spec, "the data span less than --weeks-before + --weeks-after weeks");
            }
            progress.note(String.format(Locale.ROOT, "%,d messages; %d fake measures judged in %d draws",
                    contents.messages().size(), figures.judged(), figures.draws()));
            out.println(summary(figures));
        }
        return 0;
    }

    /** The fakes' figures; null when the data cannot hold one window. */
    Figures placebo(List<PlaceMessage> messages) {
        Map<String, List<UnitDay>> series = new LinkedHashMap<>();
        Set<String> pairs = new TreeSet<>();
        Instant first = null;
        Instant last = null;
        for (PlaceMessage message : messages) {
            String key = by.equals("topic") ? message.topic() : message.category();
            if (key == null || message.municipality() == null) {
                continue;
            }
            series.computeIfAbsent(key, absent -> new ArrayList<>())
                    .add(new UnitDay(message.municipality(), message.municipality(), message.createdAt(), 1));
            pairs.add(key + "\u0000" + message.municipality());
            first = first == null || message.createdAt().isBefore(first) ? message.createdAt() : first;
            last = last == null || message.createdAt().isAfter(last) ? message.createdAt() : last;
        }
        if (first == null) {
            return null;
        }
        LocalDate earliest = first.atZone(zone).toLocalDate().plusWeeks(weeksBefore);
        LocalDate latest = last.atZone(zone).toLocalDate().minusWeeks(weeksAfter);
        if (latest.isBefore(earliest)) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(earliest, latest) + 1;
        List<String> pairList = new ArrayList<>(pairs);
        MeasureEffect effect = new MeasureEffect(new MeasureEffect.Settings(weeksBefore, weeksAfter, 14, 10, 3, minimumCount));
        Random random = new Random(seed);
        List<Double> ratios = new ArrayList<>();
        int covered = 0;
        int decrease = 0;
        int increase = 0;
        int draws = 0;
        while (ratios.size() < measures && draws < measures * 200) {
            draws++;
            String[] pair = pairList.get(random.nextInt(pairList.size())).split("\u0000");
            Instant taken = earliest.plusDays(random.nextLong(days)).atStartOfDay(zone).toInstant();
            MeasureWindow window = MeasureWindow.of(taken, last, weeksBefore, weeksAfter);
            EffectEstimate estimate = effect.assess(window, pair[1], MeasureSeries.weekly(window, series.get(pair[0])), Set.of());
            if (estimate.ratio() == null) {
                continue;
            }
            ratios.add(estimate.ratio());
            covered += estimate.lower() <= 1 && 1 <= estimate.upper() ? 1 : 0;
            decrease += estimate.verdict() == Verdict.DECREASE ? 1 : 0;
            increase += estimate.verdict() == Verdict.INCREASE ? 1 : 0;
        }
        Collections.sort(ratios);
        double median = ratios.isEmpty() ? Double.NaN : ratios.size() % 2 == 1 ? ratios.get(ratios.size() / 2)
                : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
        double mean = ratios.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Figures(ratios.size(), covered, decrease, increase, mean, median, draws);
    }

    /** The summary line. */
    String summary(Figures figures) {
        double judged = Math.max(figures.judged(), 1);
        return String.format(Locale.ROOT,
                "placebo measures=%d coverage95=%.2f decrease=%.2f increase=%.2f mean_ratio=%.2f median_ratio=%.2f draws=%d by=%s"
                        + " weeks_before=%d weeks_after=%d",
                figures.judged(), figures.covered() / judged, figures.decrease() / judged, figures.increase() / judged,
                figures.meanRatio(), figures.medianRatio(), figures.draws(), by, weeksBefore, weeksAfter);
    }
}
