package ru.tsur.pulse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run of the ingest benchmark ({@code scripts/bench.sh}) does: every count and duration is
 * bounded here, so a run always ends by itself. Defaults are the full run (a few minutes); the CI smoke
 * ({@code BenchSmokeIT}) passes tiny ones.
 *
 * <pre>
 * --url URL              the running service (default http://127.0.0.1:8189)
 * --pid N                its process id, for RSS from /proc (optional)
 * --data FILE            St Petersburg CSV (default ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz;
 *                        the demo generator when absent)
 * --messages N           distinct texts in the message pool (default 4000)
 * --batch N              messages per POST /api/v1/messages/batch in the ramp (default 100)
 * --warmup-seconds N     load at the first ramp rate before measuring (default 10)
 * --ramp R1,R2,…         offered rates of the throughput ramp, msgs/s (default 500…12000)
 * --step-seconds N       length of one ramp step (default 10)
 * --latency-rates R,…    fixed rates of the latency phases (default 500,2000,5000)
 * --latency-seconds N    length of one latency phase (default 20)
 * --clients N            WebSocket screens on /ws/heatmap (default 500)
 * --probe-cells N        heat-map cells reserved for latency probes (default 24)
 * --raw-rows N           rows for the raw PostgreSQL and Redis limits (default 100000)
 * --jdbc URL --db-user U --db-password P   PostgreSQL of the service (default pulse_bench on 127.0.0.1)
 * --redis-host H --redis-port N --redis-db N   Redis of the service (default 127.0.0.1:6379, db 12)
 * --report FILE          also write the report there
 * </pre>
 */
public record BenchOptions(String url, Long pid, Path data, int messages, int batch, Duration warmup,
                           List<Integer> ramp, Duration step, List<Integer> latencyRates, Duration latencyPhase,
                           int clients, int probeCells, int rawRows, String jdbcUrl, String dbUser,
                           String dbPassword, String redisHost, int redisPort, int redisDatabase, Path report) {

    /** Longest any single phase may take, whatever the options say (the whole run stays bounded). */
    static final Duration PHASE_LIMIT = Duration.ofMinutes(2);

    private static final Set<String> NAMES = Set.of("--url", "--pid", "--data", "--messages", "--batch",
            "--warmup-seconds", "--ramp", "--step-seconds", "--latency-rates", "--latency-seconds", "--clients",
            "--probe-cells", "--raw-rows", "--jdbc", "--db-user", "--db-password", "--redis-host", "--redis-port",
            "--redis-db", "--report");

    /** The full run's options: every default. */
    public static BenchOptions defaults() {
        return parse(new String[0]);
    }

    public static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int index = 0; index < args.length; index += 2) {
            if (!NAMES.contains(args[index])) {
                throw new IllegalArgumentException("Unknown option " + args[index] + " (see BenchOptions)");
            }
            if (index + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + args[index] + " needs a value");
            }
            given.put(args[index], args[index + 1]);
        }
        java.util.function.BiFunction<String, String, String> value = given::getOrDefault;
        String pid = given.get("--pid");
        String report = given.get("--report");
        return new BenchOptions(
                value.apply("--url", "http://127.0.0.1:8189").replaceAll("/+$", ""),
                pid == null ? null : Long.parseLong(pid),
                Path.of(value.apply("--data", "../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz")),
                positive("--messages", value.apply("--messages", "4000")),
                Math.min(1000, positive("--batch", value.apply("--batch", "100"))),
                seconds("--warmup-seconds", value.apply("--warmup-seconds", "10")),
                rates("--ramp", value.apply("--ramp", "500,1000,2000,3000,4000,5000,6000,8000,10000,12000")),
                seconds("--step-seconds", value.apply("--step-seconds", "10")),
                rates("--latency-rates", value.apply("--latency-rates", "500,2000,5000")),
                seconds("--latency-seconds", value.apply("--latency-seconds", "20")),
                Math.min(5000, positive("--clients", value.apply("--clients", "500"))),
                positive("--probe-cells", value.apply("--probe-cells", "24")),
                Math.min(2_000_000, positive("--raw-rows", value.apply("--raw-rows", "100000"))),
                value.apply("--jdbc", "jdbc:postgresql://127.0.0.1:5432/pulse_bench"),
                value.apply("--db-user", "pulse"),
                value.apply("--db-password", "pulse"),
                value.apply("--redis-host", "127.0.0.1"),
                positive("--redis-port", value.apply("--redis-port", "6379")),
                Integer.parseInt(value.apply("--redis-db", "12")),
                report == null ? null : Path.of(report));
    }

    private static int positive(String option, String value) {
        int parsed = Integer.parseInt(value);
        if (parsed <= 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return parsed;
    }

    private static Duration seconds(String option, String value) {
        double parsed = Double.parseDouble(value);
        if (!(parsed >= 0) || parsed > PHASE_LIMIT.toSeconds()) {
            throw new IllegalArgumentException(option + " must be between 0 and " + PHASE_LIMIT.toSeconds());
        }
        return Duration.ofMillis((long) (parsed * 1000));
    }

    private static List<Integer> rates(String option, String value) {
        List<Integer> rates = Arrays.stream(value.split(",")).map(String::strip).map(rate -> positive(option, rate)).toList();
        if (rates.isEmpty() || rates.size() > 30) {
            throw new IllegalArgumentException(option + " takes 1 to 30 rates");
        }
        return rates;
    }
}
