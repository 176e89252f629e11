package ru.tsur.pulse.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Empties the benchmark's own database and counter keys before a run ({@code scripts/bench.sh}), so the
 * heat-map windows start from zero and runs are comparable. Arguments: JDBC URL, user, password, Redis
 * host, port, database. Only ever pointed at the bench database (pulse_bench) and the bench key prefix.
 */
public final class BenchReset {

    static final String KEY_PREFIX = "pulse-bench";

    private BenchReset() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: BenchReset JDBC_URL USER PASSWORD REDIS_HOST REDIS_PORT REDIS_DB");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
             Statement statement = connection.createStatement()) {
            try (ResultSet table = statement.executeQuery("SELECT to_regclass('message') IS NOT NULL")) {
                table.next();
                if (table.getBoolean(1)) {
                    statement.execute("TRUNCATE message");
                }
            }
            statement.execute("DROP TABLE IF EXISTS bench_raw_message");
        }
        try (RespConnection redis = new RespConnection(args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]))) {
            long deleted = redis.deleteMatching(KEY_PREFIX + ":*") + redis.deleteMatching("bench-raw-*");
            System.err.printf("[bench] reset: message table emptied, %d Redis keys removed%n", deleted);
        }
    }
}
