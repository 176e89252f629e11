package ru.tsur.pulse.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * What PostgreSQL and Redis themselves manage on this machine, for the same work the service does per
 * message, from one client: the same rows (the pooled texts with their cells, all columns the pipeline
 * writes) by plain batched {@code INSERT} into a scratch copy of the {@code message} table (JDBC batches
 * of 500, one commit each), and the same counter updates the count script makes per message (seen-set,
 * total, minute and hour buckets with their expiry, three windows) as plain commands, pipelined 500
 * messages at a time. Scratch table and keys are removed afterwards.
 */
final class RawLimits {

    private static final int BATCH = 500;

    private RawLimits() {
    }

    /** Rows per second inserted by plain batched INSERT. */
    static double postgresRowsPerSecond(BenchOptions options, List<BenchMessages.Pooled> pool, String runId)
            throws SQLException {
        String table = "bench_raw_message";
        try (Connection connection = DriverManager.getConnection(options.jdbcUrl(), options.dbUser(), options.dbPassword())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
                statement.execute("CREATE TABLE " + table + " (LIKE message INCLUDING ALL)");
            }
            connection.setAutoCommit(false);
            String insert = "INSERT INTO " + table + " (source, external_id, created_at, text, text_normalized, lat, lon,"
                    + " address, municipality_hint, source_category, topic, author, municipality_id, locate_method,"
                    + " category_id, classify_method, classify_confidence, display_text, executor, deadline_class,"
                    + " route_rule, triage) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
            long started = System.nanoTime();
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                for (int row = 0; row < options.rawRows(); row++) {
                    BenchMessages.Pooled pooled = pool.get(row % pool.size());
                    int column = 1;
                    statement.setString(column++, "bench");
                    statement.setString(column++, runId + "-raw-" + row);
                    statement.setTimestamp(column++, new Timestamp(System.currentTimeMillis()));
                    statement.setString(column++, pooled.text());
                    statement.setString(column++, pooled.text().toLowerCase(java.util.Locale.ROOT));
                    setDouble(statement, column++, pooled.lat());
                    setDouble(statement, column++, pooled.lon());
                    statement.setNull(column++, Types.VARCHAR);
                    statement.setNull(column++, Types.VARCHAR);
                    statement.setNull(column++, Types.VARCHAR);
                    statement.setString(column++, "topic");
                    statement.setNull(column++, Types.VARCHAR);
                    statement.setString(column++, pooled.municipality());
                    statement.setString(column++, "coordinates");
                    statement.setString(column++, pooled.category());
                    statement.setString(column++, "model");
                    statement.setDouble(column++, 0.9);
                    statement.setString(column++, pooled.text());
                    statement.setString(column++, "executor");
                    statement.setString(column++, "standard");
                    statement.setString(column++, "learned: topic+municipality");
                    statement.setBoolean(column, false);
                    statement.addBatch();
                    if ((row + 1) % BATCH == 0 || row + 1 == options.rawRows()) {
                        statement.executeBatch();
                        connection.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table);
            }
            return options.rawRows() / seconds;
        }
    }

    private static void setDouble(PreparedStatement statement, int column, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(column, Types.DOUBLE);
        } else {
            statement.setDouble(column, value);
        }
    }

    /** Messages per second whose counter updates Redis took as plain pipelined commands. */
    static double redisMessagesPerSecond(BenchOptions options, List<BenchMessages.Pooled> pool, String runId)
            throws IOException {
        try (RespConnection redis = new RespConnection(options.redisHost(), options.redisPort(), options.redisDatabase())) {
            long nowMinute = System.currentTimeMillis() / 60_000;
            long hour = nowMinute / 60;
            String keyPrefix = "bench-raw-" + runId + ":{";
            long started = System.nanoTime();
            int pending = 0;
            for (int row = 0; row < options.rawRows(); row++) {
                BenchMessages.Pooled pooled = pool.get(row % pool.size());
                String prefix = keyPrefix + pooled.municipality() + "}:";
                String category = pooled.category();
                redis.write("SADD", prefix + "seen:" + hour, Integer.toString(row));
                redis.write("EXPIRE", prefix + "seen:" + hour, "691200");
                redis.write("HINCRBY", prefix + "total", category, "1");
                redis.write("HINCRBY", prefix + "m:" + nowMinute, category, "1");
                redis.write("EXPIREAT", prefix + "m:" + nowMinute, Long.toString((nowMinute + 121) * 60));
                redis.write("HINCRBY", prefix + "h:" + hour, category, "1");
                redis.write("EXPIREAT", prefix + "h:" + hour, Long.toString((hour + 193) * 3600));
                redis.write("HINCRBY", prefix + "w:1h", category, "1");
                redis.write("HINCRBY", prefix + "w:24h", category, "1");
                redis.write("HINCRBY", prefix + "w:7d", category, "1");
                pending += 10;
                if ((row + 1) % BATCH == 0 || row + 1 == options.rawRows()) {
                    redis.flush();
                    for (; pending > 0; pending--) {
                        redis.read();
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            redis.deleteMatching(keyPrefix.substring(0, keyPrefix.length() - 1) + "*");
            return options.rawRows() / seconds;
        }
    }
}
