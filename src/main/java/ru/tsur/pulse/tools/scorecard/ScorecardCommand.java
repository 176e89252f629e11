package ru.tsur.pulse.tools.scorecard;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.tsur.pulse.calendar.WorkingCalendar;
import ru.tsur.pulse.calendar.WorkingCalendarFile;
import ru.tsur.pulse.csv.CsvReader;
import ru.tsur.pulse.cases.CaseStatus;
import ru.tsur.pulse.cases.DeadlinePolicy;
import ru.tsur.pulse.cases.DuplicateMatcher;
import ru.tsur.pulse.cases.Scorecard;
import ru.tsur.pulse.route.DeadlineClass;
import ru.tsur.pulse.tools.Arguments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Replays the St Petersburg portal export through the service's own calendar and scorecard classes and
 * prints the executor ranking: first-reply time is {@code created_at → first_answer_at} in working hours
 * of the region's calendar, on time means within the first-reply term of the message's deadline class
 * ({@link DeadlineClass#ofTopic} of its reason; terms as the defaults of {@code pulse.cases}), and a repeat
 * is what {@link DuplicateMatcher} calls one (same municipality and reason, near or alike, after a
 * completion within 30 days). The export has no reopenings, so the reopen share is 0 here.
 * <pre>scripts/scorecard.sh --data ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz [--top 5] [--calendar FILE]</pre>
 */
@Command(name = "scorecard", sortOptions = false, sortSynopsis = false,
        description = "Ranks the executors of the St Petersburg portal export by on-time first replies, with the"
                + " service's working calendar and scorecard classes.")
public final class ScorecardCommand implements Callable<Integer> {

    private static final int CANDIDATES_PER_PROBLEM = 200;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The portal export, plain or gzipped.")
    Path data;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5",
            description = "Executors in the top and in the bottom table (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--calendar", paramLabel = "FILE",
            description = "Working calendar file (default: the shipped calendar/spb.txt).")
    Path calendarFile;

    @Override
    public Integer call() throws Exception {
        Arguments.readable(spec, "--data", data);
        Arguments.readable(spec, "--calendar", calendarFile);
        Arguments.require(spec, top > 0, "--top must be positive");
        PrintWriter out = spec.commandLine().getOut();
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        WorkingCalendar calendar = calendarFile != null
                ? WorkingCalendarFile.readFile(calendarFile, moscow)
                : WorkingCalendarFile.readResource("calendar/spb.txt", moscow);
        DeadlinePolicy policy = new DeadlinePolicy(calendar,
                Map.of(DeadlineClass.URGENT, Duration.ofHours(2), DeadlineClass.STANDARD, Duration.ofHours(8),
                        DeadlineClass.EXTENDED, Duration.ofHours(8)),
                Map.of(DeadlineClass.URGENT, 1, DeadlineClass.STANDARD, 10, DeadlineClass.EXTENDED, 30));
        DuplicateMatcher matcher = new DuplicateMatcher(150, 1000, 0.5, Duration.ofDays(7), Duration.ofDays(30));

        List<Scorecard.Outcome> outcomes = new ArrayList<>();
        Map<String, Deque<Seen>> seenByProblem = new HashMap<>();
        long rows = 0;
        long withoutExecutor = 0;
        try (CsvReader reader = CsvReader.open(data)) {
            for (Map<String, String> row = reader.next(); row != null; row = reader.next()) {
                rows++;
                Instant created = local(row.get("created_at"), moscow);
                if (created == null) {
                    continue;
                }
                Seen seen = seen(row, created, moscow);
                Deque<Seen> earlier = seenByProblem.computeIfAbsent(row.get("municipality") + '\u0000' + row.get("reason"),
                        key -> new ArrayDeque<>());
                boolean repeat = isRepeat(matcher, seen, earlier);
                earlier.addFirst(seen);
                if (earlier.size() > CANDIDATES_PER_PROBLEM) {
                    earlier.removeLast();
                }
                String executor = row.getOrDefault("executor_org", "").strip();
                if (executor.isEmpty()) {
                    withoutExecutor++;
                    continue;
                }
                Instant answered = local(row.get("first_answer_at"), moscow);
                Duration term = policy.terms(DeadlineClass.ofTopic(row.get("reason")).id()).firstReply();
                Double hours = answered == null ? null : policy.workingHours(created, answered);
                Boolean onTime = hours == null ? Boolean.FALSE : hours <= term.toSeconds() / 3600.0;
                outcomes.add(new Scorecard.Outcome(executor, hours, onTime, false, repeat, false));
            }
        }
        List<Scorecard.Row> ranking = Scorecard.rank(outcomes, 10);
        out.printf(Locale.ROOT, "%d rows, %d with an executor (%d without), %d executors; ranked by the Wilson"
                + " lower bound (95%%) of the on-time first-reply share%n", rows, outcomes.size(), withoutExecutor, ranking.size());
        print(out, "Top " + top, ranking.subList(0, Math.min(top, ranking.size())), 1);
        List<Scorecard.Row> worst = Scorecard.worstFirst(ranking);
        print(out, "Bottom " + top + " (lowest Wilson upper bound first)", worst.subList(0, Math.min(top, worst.size())), 0);
        return 0;
    }

    /** A message seen earlier, as the matcher sees a case: resolved once its completion time has passed. */
    private record Seen(Instant created, Instant completed, Double lat, Double lon, String text) {
    }

    private static Seen seen(Map<String, String> row, Instant created, ZoneId zone) {
        String status = row.getOrDefault("last_status", "");
        Instant completed = status.startsWith("Завершено") ? local(row.get("last_status_at"), zone) : null;
        return new Seen(created, completed, number(row.get("latitude")), number(row.get("longitude")), row.get("text"));
    }

    private static boolean isRepeat(DuplicateMatcher matcher, Seen probe, Deque<Seen> earlier) {
        List<DuplicateMatcher.Candidate> candidates = new ArrayList<>(earlier.size());
        long index = 0;
        for (Seen seen : earlier) {
            boolean resolvedBefore = seen.completed() != null && !seen.completed().isAfter(probe.created());
            candidates.add(new DuplicateMatcher.Candidate(index++, resolvedBefore ? CaseStatus.RESOLVED : CaseStatus.ASSIGNED,
                    seen.created(), resolvedBefore ? seen.completed() : null, seen.lat(), seen.lon(), seen.text()));
        }
        return matcher.decide(new DuplicateMatcher.Probe(probe.created(), probe.lat(), probe.lon(), probe.text()), candidates)
                .outcome() == DuplicateMatcher.Outcome.REPEAT;
    }

    private static void print(PrintWriter out, String title, List<Scorecard.Row> rows, int firstRank) {
        out.println();
        out.println(title + ":");
        out.printf(Locale.ROOT, "%4s  %-60s %6s %8s %9s %9s %14s %8s%n", "rank", "executor", "cases", "on time",
                "Wilson LB", "Wilson UB", "median reply h", "repeats");
        int rank = firstRank;
        for (Scorecard.Row row : rows) {
            out.printf(Locale.ROOT, "%4s  %-60s %6d %7.1f%% %8.1f%% %8.1f%% %14s %7.1f%%%n",
                    firstRank == 0 ? "-" : Integer.toString(rank++), shorten(row.key()),
                    row.cases(), 100 * row.onTimeShare(), 100 * row.onTimeLowerBound(), 100 * row.onTimeUpperBound(),
                    row.medianFirstReplyHours() == null ? "—" : String.format(Locale.ROOT, "%.1f", row.medianFirstReplyHours()),
                    100 * row.repeatShare());
        }
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }

    private static Instant local(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
    }

    private static Double number(String text) {
        return text == null || text.isBlank() ? null : Double.valueOf(text);
    }
}
