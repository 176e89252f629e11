package ru.tsur.pulse.bench;

import ru.tsur.pulse.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The ingest benchmark ({@code scripts/bench.sh}): against a running service on 127.0.0.1 it measures, in
 * one run, the highest sustained ingest rate (open-loop ramp of NDJSON batches), the ingest → screen
 * latency at fixed rates with many {@code /ws/heatmap} screens ({@link LatencyProbes}), the raw limits of
 * PostgreSQL and Redis for the same work ({@link RawLimits}) and the service's memory; then prints one
 * table and one {@code bench key=value …} line. Every phase is bounded in count and time
 * ({@link BenchOptions}). Progress goes to stderr, the report to stdout.
 */
public final class IngestBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OUTSTANDING_REQUESTS = 256;
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private final BenchOptions options;
    private final PrintStream progress;

    public IngestBench(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String report = new IngestBench(options, System.err).run();
        System.out.print(report);
        if (options.report() != null) {
            Files.writeString(options.report(), report);
        }
        System.exit(0);
    }

    /** Runs every phase and returns the report: the table, then the summary line. */
    public String run() throws Exception {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadAtStart = ServiceMetrics.loadAverage();
        String runId = Long.toString(System.currentTimeMillis(), 36);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            awaitReady(http);
            JsonNode region = JSON.readTree(get(http, "/api/v1/region"));
            List<String> categories = new ArrayList<>();
            region.path("categories").forEach(category -> categories.add(category.path("id").asText()));
            String regionId = region.path("id").asText("spb");
            progress.printf("[bench] classifying the message pool (%d) to learn each message's cell%n", options.messages());
            BenchMessages messages = BenchMessages.load(options.data(), options.messages(), regionId, options.url(), http, runId);
            ServiceMetrics metrics = new ServiceMetrics(http, options.url(), options.pid());
            OpenLoopSender sender = new OpenLoopSender(http, options.url(), messages, metrics, MAX_OUTSTANDING_REQUESTS);
            LatencyProbes probes = LatencyProbes.choose(messages, categories, options.probeCells(), http, options.url(), runId);

            progress.printf("[bench] warm-up: %d msgs/s for %d s%n", options.ramp().get(0), options.warmup().toSeconds());
            OpenLoopSender.Step warmup = sender.run(options.ramp().get(0), options.warmup(), options.batch());
            ServiceMetrics.Reading warm = metrics.drain(DRAIN_LIMIT);
            BenchReport.Memory afterWarmup = new BenchReport.Memory(warm.rssBytes(), warm.heapBytes());

            List<OpenLoopSender.Step> ramp = new ArrayList<>();
            for (int rate : options.ramp()) {
                progress.printf("[bench] ramp step %d msgs/s for %d s%n", rate, options.step().toSeconds());
                OpenLoopSender.Step step = sender.run(rate, options.step(), options.batch());
                ramp.add(step);
                progress.printf("[bench]   accepted %.0f/s, errors %.2f%%, backlog %.0f -> %s%n", step.acceptedRate(),
                        100 * step.errorShare(), step.end().backlog(), BenchReport.sustained(step) ? "sustained" : "NOT sustained");
                if (!BenchReport.sustained(step)) {
                    break;
                }
            }
            ServiceMetrics.Reading afterRamp = metrics.drain(DRAIN_LIMIT);
            double messagesInRamp = afterRamp.accepted() - warm.accepted();
            // The allocation counter moves only when a GC runs: no GC during the ramp means "not measured".
            double allocated = afterRamp.allocatedBytes() - warm.allocatedBytes();
            double allocatedPerMessage = messagesInRamp > 0 && allocated > 0 ? allocated / messagesInRamp : Double.NaN;
            String loadAfterRamp = ServiceMetrics.loadAverage();

            List<LatencyProbes.Phase> latency = new ArrayList<>();
            try (probes) {
                progress.printf("[bench] connecting %d screens to /ws/heatmap; %d probe cells%n", options.clients(),
                        probes.cellCount());
                int ready = probes.connect(options.clients(), Duration.ofSeconds(60));
                progress.printf("[bench]   %d screens have their snapshot%n", ready);
                for (int rate : options.latencyRates()) {
                    progress.printf("[bench] latency at %d msgs/s for %d s%n", rate, options.latencyPhase().toSeconds());
                    LatencyProbes.Phase phase = probes.run(rate, options.latencyPhase(), sender, options.batch(), metrics);
                    latency.add(phase);
                    progress.printf("[bench]   p99 %.1f ms over %d samples%n",
                            phase.latencyMicros().getValueAtPercentile(99) / 1000.0, phase.latencyMicros().getTotalCount());
                    metrics.drain(DRAIN_LIMIT);
                }
            }

            progress.printf("[bench] raw limits: %d rows into PostgreSQL, the same counter updates into Redis%n",
                    options.rawRows());
            double postgres = RawLimits.postgresRowsPerSecond(options, messages.pool(), runId);
            double redis = RawLimits.redisMessagesPerSecond(options, messages.pool(), runId);
            ServiceMetrics.Reading end = metrics.read();
            BenchReport report = new BenchReport(new BenchReport.Context(startedAt, messages.origin(),
                    messages.pool().size(), probes.cellCount(), options.clients(), loadAtStart, loadAfterRamp,
                    ServiceMetrics.loadAverage()), warmup, ramp, latency, postgres, redis, afterWarmup,
                    new BenchReport.Memory(end.rssBytes(), end.heapBytes()), allocatedPerMessage);
            return report.table() + "\n" + report.summary() + "\n";
        } finally {
            executor.shutdownNow();
        }
    }

    /** Waits (at most two minutes) until the service answers its readiness check; fails if it died. */
    private void awaitReady(HttpClient http) throws Exception {
        long deadline = System.nanoTime() + BenchOptions.PHASE_LIMIT.toNanos();
        while (true) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(options.url() + "/q/health/ready")).header("Authorization", Tokens.bearer(Tokens.TEST_USER))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            boolean died = options.pid() != null && ProcessHandle.of(options.pid()).map(process -> !process.isAlive()).orElse(true);
            if (died || System.nanoTime() > deadline) {
                throw new IllegalStateException("The service at " + options.url() + (died ? " exited" : " did not become ready"));
            }
            Thread.sleep(500);
        }
    }

    private String get(HttpClient http, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(options.url() + path)).header("Authorization", Tokens.bearer(Tokens.TEST_USER))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }
}
