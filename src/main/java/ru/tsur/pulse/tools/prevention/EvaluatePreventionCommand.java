package ru.tsur.pulse.tools.prevention;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.tsur.pulse.prevention.ChronicPlace;
import ru.tsur.pulse.prevention.ChronicPlaces;
import ru.tsur.pulse.prevention.PlaceMessage;
import ru.tsur.pulse.prevention.PlaceTopic;
import ru.tsur.pulse.tools.Arguments;
import ru.tsur.pulse.tools.Progress;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code scripts/evaluate-prevention.sh}: how well the chronic-places register foresees where problems come
 * back. Builds the register ({@link ChronicPlaces}, the service's own class) from the messages before
 * {@code --until}; its rows are the candidates, and a candidate is positive when its place × topic gets at
 * least one message in the {@code --horizon-days} after. Ranked by the register's score and, as the baseline,
 * by the raw count of its messages in the last 30 days; both judged by precision at {@code --k} and average
 * precision ({@link RankingQuality}, ties as expected values). Prints one line:
 * <pre>places k=200 precision=0.48 baseline_precision=0.42 ap=0.23 baseline_ap=0.17 candidates=16628 positives=1214</pre>
 * Progress, with the time left, on stderr.
 */
@Command(name = "evaluate-prevention", sortOptions = false, sortSynopsis = false,
        description = "Builds the chronic-places register from the messages of a CSV before a date and measures"
                + " how well its ranking foresees the places × topics that get messages in the days after, against"
                + " ranking by the last 30 days' count.")
public final class EvaluatePreventionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV in the St Petersburg portal format (created_at, category, address and/or latitude and"
                    + " longitude; optionally reason, executor_org, last_status, last_status_at), plain or gzipped.")
    Path data;

    @Option(names = "--until", required = true, paramLabel = "DATE",
            description = "The register is built from the messages before this date (its start, in --zone).")
    LocalDate until;

    @Option(names = "--horizon-days", paramLabel = "D", defaultValue = "30",
            description = "Positive = a message within D days after --until (default ${DEFAULT-VALUE}).")
    int horizonDays;

    @Option(names = "--k", paramLabel = "K", defaultValue = "200",
            description = "Precision over the first K of each ranking (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--by", paramLabel = "topic|category", defaultValue = "topic",
            description = "Place × topic (the reason column), or place × category (default ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--prior-days", paramLabel = "B",
            description = "The score's β, days of watching one place the topic's rate is worth (default: the"
                    + " register's, 30).")
    Double priorDays;

    @Option(names = "--list", paramLabel = "N", defaultValue = "0",
            description = "Also print the register's first N rows, before the summary line (default ${DEFAULT-VALUE}).")
    int list;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Europe/Moscow",
            description = "Time zone of --until and of times without an offset (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Override
    public Integer call() throws Exception {
        Arguments.readable(spec, "--data", data);
        Arguments.require(spec, horizonDays > 0, "--horizon-days must be positive");
        Arguments.require(spec, k > 0, "--k must be positive");
        Arguments.require(spec, list >= 0, "--list must not be negative");
        Arguments.require(spec, by.equals("topic") || by.equals("category"), "--by must be topic or category, not " + by);
        ChronicPlaces.Settings defaults = ChronicPlaces.Settings.defaults();
        Arguments.require(spec, priorDays == null || priorDays > 0 && !priorDays.isInfinite(), "--prior-days must be positive");
        ChronicPlaces register = new ChronicPlaces(new ChronicPlaces.Settings(defaults.episodeGap(),
                priorDays == null ? defaults.priorDays() : priorDays));
        PrintWriter out = spec.commandLine().getOut();
        Instant asOf = until.atStartOfDay(zone).toInstant();
        Instant horizonEnd = until.plusDays(horizonDays).atStartOfDay(zone).toInstant();

        try (Progress progress = new Progress(spec.commandLine().getErr())) {
            long size = Files.size(data);
            PlaceMessageFile.Contents contents;
            try {
                contents = progress.counted("reading " + data, size, "bytes", bytes -> {
                    try {
                        return PlaceMessageFile.read(data, zone, bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).value();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            List<PlaceMessage> messages = by.equals("topic") ? contents.messages() : withoutTopics(contents.messages());
            progress.note(String.format(Locale.ROOT, "%,d rows, %,d messages with a place (%,d without an address or a point)",
                    contents.rows(), messages.size(), contents.withoutPlace()));
            warnIfShort(progress, messages, asOf, horizonEnd);

            List<PlaceMessage> before = messages.stream().filter(message -> message.createdAt().isBefore(asOf)).toList();
            // About 50,000 messages a second on the shared VM; no estimate for what takes under a second.
            double estimate = before.size() < 50_000 ? 0 : before.size() / 50_000.0;
            List<ChronicPlace> rows = progress.step("building the register as of " + until + " from "
                    + String.format(Locale.ROOT, "%,d", before.size()) + " messages", estimate,
                    () -> register.rank(before, asOf)).value();

            Set<PlaceTopic> comeBack = new HashSet<>();
            for (PlaceMessage message : messages) {
                if (!message.createdAt().isBefore(asOf) && message.createdAt().isBefore(horizonEnd)) {
                    comeBack.add(message.placeTopic());
                }
            }
            List<RankingQuality.Scored> byScore = new ArrayList<>(rows.size());
            List<RankingQuality.Scored> byCount = new ArrayList<>(rows.size());
            for (ChronicPlace row : rows) {
                boolean positive = comeBack.contains(row.placeTopic());
                byScore.add(new RankingQuality.Scored(row.score(), positive));
                byCount.add(new RankingQuality.Scored(row.messages30(), positive));
            }
            RankingQuality.Figures score = RankingQuality.of(byScore, k);
            RankingQuality.Figures baseline = RankingQuality.of(byCount, k);
            for (ChronicPlace row : rows.subList(0, Math.min(list, rows.size()))) {
                out.println(line(row, comeBack.contains(row.placeTopic())));
            }
            out.println(summary(k, score, baseline));
        }
        return 0;
    }

    /** The summary line. */
    static String summary(int k, RankingQuality.Figures score, RankingQuality.Figures baseline) {
        return String.format(Locale.ROOT,
                "places k=%d precision=%.2f baseline_precision=%.2f ap=%.2f baseline_ap=%.2f candidates=%d positives=%d",
                k, score.precisionAtK(), baseline.precisionAtK(), score.averagePrecision(), baseline.averagePrecision(),
                score.candidates(), score.positives());
    }

    /** One row of {@code --list}. */
    static String line(ChronicPlace row, boolean positive) {
        return String.format(Locale.ROOT,
                "place score=%.2f messages30=%d messages90=%d returns=%d after_resolution=%d median_days_to_return=%s"
                        + " trend=%s came_back=%s topic=%s at=%s",
                row.score(), row.messages30(), row.messages90(), row.returns(), row.returnsAfterResolution(),
                row.medianDaysToReturn() == null ? "-" : String.format(Locale.ROOT, "%.1f", row.medianDaysToReturn()),
                row.trend() == null ? "-" : String.format(Locale.ROOT, "%.2f", row.trend()), positive ? "yes" : "no",
                row.topic() != null ? row.topic() : row.category(), row.label());
    }

    private static List<PlaceMessage> withoutTopics(List<PlaceMessage> messages) {
        return messages.stream().map(message -> new PlaceMessage(message.createdAt(), message.place(), message.municipality(),
                message.category(), null, message.executor(), message.resolvedAt(), message.latitude(), message.longitude())).toList();
    }

    /** Says on stderr when the data end before the horizon does, or hold nothing before --until. */
    private static void warnIfShort(Progress progress, List<PlaceMessage> messages, Instant asOf, Instant horizonEnd) {
        if (messages.isEmpty() || !messages.get(0).createdAt().isBefore(asOf)) {
            progress.note("warning: no message before --until; the register is empty");
            return;
        }
        Instant last = messages.get(messages.size() - 1).createdAt();
        if (last.isBefore(asOf)) {
            progress.note("warning: no message at or after --until; nothing can come back");
        } else if (last.isBefore(horizonEnd)) {
            progress.note(String.format(Locale.ROOT, "warning: the data end %.1f days after --until, before the horizon's"
                    + " end: positives are what came back in those days", Duration.between(asOf, last).toHours() / 24.0));
        }
    }
}
