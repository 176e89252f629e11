package ru.tsur.pulse.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI smoke of the ingest benchmark: the same code as {@code scripts/bench.sh} with tiny counts (a few
 * seconds) against the test service. Checks that the report is complete and well-formed and that every
 * figure is a positive number; it asserts no speed (speed is what the full benchmark prints).
 */
@QuarkusTest
class BenchSmokeIT {

    @TestHTTPResource("/")
    URL base;

    @Test
    void tinyRunPrintsTheWholeTableAndAWellFormedSummaryLine() throws Exception {
        var config = ConfigProvider.getConfig();
        String jdbc = "jdbc:postgresql://" + config.getValue("pulse.database.host", String.class) + ":"
                + config.getValue("pulse.database.port", String.class) + "/" + config.getValue("pulse.database.name", String.class);
        URI redis = URI.create(config.getValue("quarkus.redis.hosts", String.class));
        String redisDatabase = redis.getPath() == null || redis.getPath().length() <= 1 ? "0" : redis.getPath().substring(1);
        BenchOptions options = BenchOptions.parse(new String[]{
                "--url", "http://127.0.0.1:" + base.getPort(), "--pid", Long.toString(ProcessHandle.current().pid()),
                "--messages", "150", "--warmup-seconds", "1", "--ramp", "40,80", "--step-seconds", "2",
                "--latency-rates", "40", "--latency-seconds", "3", "--clients", "3", "--probe-cells", "4",
                "--raw-rows", "500", "--jdbc", jdbc, "--db-user", config.getValue("quarkus.datasource.username", String.class),
                "--db-password", config.getValue("quarkus.datasource.password", String.class),
                "--redis-host", redis.getHost(), "--redis-port", Integer.toString(redis.getPort()), "--redis-db", redisDatabase});
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        String report = new IngestBench(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
        System.out.println(report);

        assertThat(report).contains("throughput (open-loop ramp)", "warm-up 40 msgs/s", "step 40 msgs/s",
                "highest sustained, msgs/s", "ingest -> screen latency (202->delta)",
                "40 msgs/s, 3 screens", "raw PostgreSQL INSERT, rows/s", "raw Redis pipelined, msgs/s",
                "memory after warm-up", "memory at the end", "contaminated cells: ");
        List<String> lines = report.lines().filter(line -> line.startsWith("bench ")).toList();
        assertThat(lines).hasSize(1);
        Map<String, String> summary = BenchReport.parseSummary(lines.get(0));
        assertThat(summary.keySet()).containsExactly("throughput_msgs_per_s", "pg_rows_per_s", "redis_msgs_per_s",
                "ratio_vs_pg", "ratio_vs_redis", "p50_ms_at_40", "p95_ms_at_40", "p99_ms_at_40", "max_ms_at_40",
                "screens", "rss_mb", "rss_mb_after_warmup", "heap_mb", "alloc_kb_per_msg", "load1_start", "load1_end");
        for (String key : Set.of("throughput_msgs_per_s", "pg_rows_per_s", "redis_msgs_per_s", "ratio_vs_pg",
                "ratio_vs_redis", "p50_ms_at_40", "p99_ms_at_40", "max_ms_at_40", "rss_mb", "heap_mb")) {
            assertThat(Double.parseDouble(summary.get(key))).as(key).isPositive();
        }
        assertThat(Double.parseDouble(summary.get("max_ms_at_40")))
                .isGreaterThanOrEqualTo(Double.parseDouble(summary.get("p99_ms_at_40")));
        assertThat(summary.get("screens")).isEqualTo("3");
        assertThat(summary.get("alloc_kb_per_msg")).as("a positive size, or nan when no GC ran during the tiny ramp")
                .matches("nan|[0-9]+\\.[0-9]");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[bench] ramp step 40 msgs/s");
    }
}
