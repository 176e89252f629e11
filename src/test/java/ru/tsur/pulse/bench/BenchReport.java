package ru.tsur.pulse.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's findings and how they are printed: one table for people and one {@code bench key=value …}
 * line for machines (CI, the README, comparisons before and after a change). Also decides which ramp
 * steps count as sustained.
 */
final class BenchReport {

    /** What the run found besides the steps and phases. */
    record Context(String startedAt, String messages, int pool, int probeCells, int screensAsked, String loadAtStart,
                   String loadAfterRamp, String loadAtEnd) {
    }

    /** Memory of the service at one moment. */
    record Memory(long rssBytes, double heapBytes) {
    }

    private final Context context;
    private final OpenLoopSender.Step warmup;
    private final List<OpenLoopSender.Step> ramp;
    private final List<LatencyProbes.Phase> latency;
    private final double postgresRowsPerSecond;
    private final double redisMessagesPerSecond;
    private final Memory afterWarmup;
    private final Memory atEnd;
    private final double allocatedBytesPerMessage;

    BenchReport(Context context, OpenLoopSender.Step warmup, List<OpenLoopSender.Step> ramp,
                List<LatencyProbes.Phase> latency, double postgresRowsPerSecond, double redisMessagesPerSecond,
                Memory afterWarmup, Memory atEnd, double allocatedBytesPerMessage) {
        this.context = context;
        this.warmup = warmup;
        this.ramp = List.copyOf(ramp);
        this.latency = List.copyOf(latency);
        this.postgresRowsPerSecond = postgresRowsPerSecond;
        this.redisMessagesPerSecond = redisMessagesPerSecond;
        this.afterWarmup = afterWarmup;
        this.atEnd = atEnd;
        this.allocatedBytesPerMessage = allocatedBytesPerMessage;
    }

    /**
     * A step is sustained when fewer than 1% of its messages failed (503, other errors, or not sent
     * because every connection was busy) and the work queued in the service (in flight plus stored but
     * not yet counted) did not grow over the second half of the step by more than a quarter second's
     * worth of input (at least 50 messages, so tiny rates are not judged on noise). A service that falls
     * behind shows up in one or the other: open requests pile up (dropped or 503) or the queue grows.
     */
    static boolean sustained(OpenLoopSender.Step step) {
        double offeredRate = step.offered() / Math.max(0.001, step.length().toMillis() / 1000.0);
        boolean growing = step.end().backlog() - step.middle().backlog() > Math.max(50, offeredRate * 0.25);
        return step.errorShare() < 0.01 && !growing;
    }

    /** The highest accepted rate among the sustained steps (0 when none was). */
    double throughput() {
        return ramp.stream().filter(BenchReport::sustained).mapToDouble(OpenLoopSender.Step::acceptedRate).max().orElse(0);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "TSUR Pulse ingest benchmark, %s%n", context.startedAt()));
        out.append(String.format(Locale.ROOT, "messages: %s, %d distinct; %d probe cells; load average (1/5/15 min) "
                + "start %s, after ramp %s, end %s%n%n", context.messages(), context.pool(), context.probeCells(),
                context.loadAtStart(), context.loadAfterRamp(), context.loadAtEnd()));
        String stepFormat = "%-34s %10s %11s %8s %17s %10s  %s%n";
        out.append(String.format(Locale.ROOT, stepFormat, "throughput (open-loop ramp)", "offered/s", "accepted/s",
                "errors", "answer p50/p99 ms", "backlog", "verdict"));
        List<OpenLoopSender.Step> steps = new ArrayList<>();
        steps.add(warmup);
        steps.addAll(ramp);
        for (int index = 0; index < steps.size(); index++) {
            OpenLoopSender.Step step = steps.get(index);
            String name = (index == 0 ? "warm-up " : "step ") + step.rate() + " msgs/s";
            out.append(String.format(Locale.ROOT, stepFormat, name, number(step.offered() / seconds(step)),
                    number(step.acceptedRate()), String.format(Locale.ROOT, "%.2f%%", 100 * step.errorShare()),
                    millis(step.responseMicros(), 50) + " / " + millis(step.responseMicros(), 99),
                    number(step.end().backlog()), index == 0 ? "-" : sustained(step) ? "sustained" : "NOT sustained"));
        }
        out.append(String.format(Locale.ROOT, "%-34s %10s%n%n", "highest sustained, msgs/s", number(throughput())));
        String phaseFormat = "%-34s %8s %8s %8s %8s %9s %11s %8s%n";
        out.append(String.format(Locale.ROOT, phaseFormat, "ingest -> screen latency (202->delta)", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "samples", "accepted/s", "errors"));
        for (LatencyProbes.Phase phase : latency) {
            Histogram histogram = phase.latencyMicros();
            out.append(String.format(Locale.ROOT, phaseFormat,
                    phase.rate() + " msgs/s, " + phase.screens() + " screens", millis(histogram, 50),
                    millis(histogram, 95), millis(histogram, 99), maxMillis(histogram),
                    Long.toString(histogram.getTotalCount()), number(phase.background().acceptedRate() + phase.probesSent()
                            / seconds(phase.background())),
                    String.format(Locale.ROOT, "%.2f%%", 100 * phase.background().errorShare())));
            out.append(String.format(Locale.ROOT, "%-34s probes sent %d, reached a screen %d, delta before 202: %d, "
                            + "contaminated cells: %d, screens behind (snapshot instead): %.0f%n", "", phase.probesSent(),
                    phase.probesDelivered(), phase.beforeAccepted(), phase.contaminatedCells(), phase.screenOverflows()));
        }
        out.append('\n');
        double throughput = throughput();
        out.append(String.format(Locale.ROOT, "%-34s %10s   service = %.1f%% of it%n", "raw PostgreSQL INSERT, rows/s",
                number(postgresRowsPerSecond), 100 * throughput / postgresRowsPerSecond));
        out.append(String.format(Locale.ROOT, "%-34s %10s   service = %.1f%% of it%n", "raw Redis pipelined, msgs/s",
                number(redisMessagesPerSecond), 100 * throughput / redisMessagesPerSecond));
        out.append(String.format(Locale.ROOT, "%-34s RSS %s MB, heap %s MB%n", "memory after warm-up",
                megabytes(afterWarmup.rssBytes()), megabytes(afterWarmup.heapBytes())));
        out.append(String.format(Locale.ROOT, "%-34s RSS %s MB, heap %s MB%n", "memory at the end",
                megabytes(atEnd.rssBytes()), megabytes(atEnd.heapBytes())));
        out.append(String.format(Locale.ROOT, "%-34s %s KB per message (jvm_gc_memory_allocated_bytes_total over the ramp)%n",
                "allocation", Double.isNaN(allocatedBytesPerMessage) ? "n/a"
                        : String.format(Locale.ROOT, "%.1f", allocatedBytesPerMessage / 1024)));
        return out.toString();
    }

    /** The machine-readable line: {@code bench key=value …}. */
    String summary() {
        Map<String, String> values = new LinkedHashMap<>();
        double throughput = throughput();
        values.put("throughput_msgs_per_s", whole(throughput));
        values.put("pg_rows_per_s", whole(postgresRowsPerSecond));
        values.put("redis_msgs_per_s", whole(redisMessagesPerSecond));
        values.put("ratio_vs_pg", String.format(Locale.ROOT, "%.3f", throughput / postgresRowsPerSecond));
        values.put("ratio_vs_redis", String.format(Locale.ROOT, "%.3f", throughput / redisMessagesPerSecond));
        for (LatencyProbes.Phase phase : latency) {
            values.put("p50_ms_at_" + phase.rate(), millis(phase.latencyMicros(), 50));
            values.put("p95_ms_at_" + phase.rate(), millis(phase.latencyMicros(), 95));
            values.put("p99_ms_at_" + phase.rate(), millis(phase.latencyMicros(), 99));
            values.put("max_ms_at_" + phase.rate(), maxMillis(phase.latencyMicros()));
        }
        values.put("screens", Integer.toString(latency.isEmpty() ? 0 : latency.get(0).screens()));
        values.put("rss_mb", megabytes(atEnd.rssBytes()));
        values.put("rss_mb_after_warmup", megabytes(afterWarmup.rssBytes()));
        values.put("heap_mb", megabytes(atEnd.heapBytes()));
        values.put("alloc_kb_per_msg", Double.isNaN(allocatedBytesPerMessage) ? "nan"
                : String.format(Locale.ROOT, "%.1f", allocatedBytesPerMessage / 1024));
        values.put("load1_start", context.loadAtStart().split(" ")[0]);
        values.put("load1_end", context.loadAtEnd().split(" ")[0]);
        StringBuilder line = new StringBuilder("bench");
        values.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }

    /** The key=value pairs of a summary line (for checks and comparisons). */
    static Map<String, String> parseSummary(String line) {
        if (!line.startsWith("bench ")) {
            throw new IllegalArgumentException("Not a bench summary line: " + line);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.substring("bench ".length()).trim().split(" ")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Not key=value: " + pair);
            }
            values.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return values;
    }

    private static double seconds(OpenLoopSender.Step step) {
        return Math.max(0.001, step.length().toMillis() / 1000.0);
    }

    private static String millis(Histogram histogram, double percentile) {
        if (histogram.getTotalCount() == 0) {
            return "nan";
        }
        return String.format(Locale.ROOT, "%.1f", histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String maxMillis(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return "nan";
        }
        return String.format(Locale.ROOT, "%.1f", histogram.getMaxValue() / 1000.0);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String whole(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.0f", value) : "nan";
    }

    private static String megabytes(double bytes) {
        return bytes < 0 || Double.isNaN(bytes) ? "nan" : String.format(Locale.ROOT, "%.0f", bytes / (1024 * 1024));
    }
}
