package ru.tsur.pulse.tools.replay;

import ru.tsur.pulse.csv.CsvReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays a CSV in the shared St Petersburg portal format through the ingest API at N× real time
 * ({@code scripts/replay.sh FILE --speed N}, options in {@link ReplayCommand}). Rows go out as NDJSON
 * batches; each message keeps the portal's id as its idempotency key (source {@code portal}), so a replay
 * repeated is harmless.
 */
public final class Replay {

    /**
     * What to replay and how: {@code speed} is infinite for "as fast as accepted"; {@code from}/{@code until}
     * bound the rows by local time, {@code days} to the first N days of the file; one of {@code apiKey}
     * (a source key) and {@code token} (an operator's bearer token) says who posts.
     */
    public record Options(Path file, String url, double speed, boolean originalTime, LocalDateTime from,
                          LocalDateTime until, Integer days, long limit, int batch, String apiKey, String token) {
    }

    /** Totals of a replay. */
    public record Summary(long sent, long accepted, long duplicates, long skipped, Duration took) {
        @Override
        public String toString() {
            double seconds = Math.max(0.001, took.toMillis() / 1000.0);
            return String.format(Locale.ROOT, "replay sent=%d accepted=%d duplicates=%d skipped=%d seconds=%.1f rate=%.0f/s",
                    sent, accepted, duplicates, skipped, seconds, sent / seconds);
        }
    }

    private static final ZoneId DATA_ZONE = ZoneId.of("Europe/Moscow");
    private static final int MAX_ATTEMPTS = 10;

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Replay(Options options) {
        this.options = options;
    }

    public Summary run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        long[] totals = new long[3];
        long skipped = 0;
        LocalDateTime firstTime = null;
        LocalDateTime until = options.until();
        List<String> pending = new ArrayList<>(options.batch());
        try (CsvReader csv = CsvReader.open(options.file())) {
            Map<String, String> row;
            while (totals[0] + pending.size() < options.limit() && (row = csv.next()) != null) {
                LocalDateTime createdAt;
                try {
                    createdAt = LocalDateTime.parse(row.get("created_at"));
                } catch (DateTimeParseException | NullPointerException e) {
                    skipped++;
                    continue;
                }
                if (options.from() != null && createdAt.isBefore(options.from())) {
                    continue;
                }
                if (firstTime == null) {
                    firstTime = createdAt;
                    if (options.days() != null) {
                        LocalDateTime byDays = firstTime.toLocalDate().plusDays(options.days()).atStartOfDay();
                        until = until == null || byDays.isBefore(until) ? byDays : until;
                    }
                }
                if (until != null && !createdAt.isBefore(until)) {
                    break;
                }
                long waitMillis = millisUntilDue(started, firstTime, createdAt);
                if (waitMillis > 50 && !pending.isEmpty()) {
                    flush(pending, totals);
                }
                if (waitMillis > 0) {
                    Thread.sleep(waitMillis);
                }
                pending.add(toJson(row, createdAt));
                if (pending.size() >= options.batch()) {
                    flush(pending, totals);
                }
            }
        }
        flush(pending, totals);
        return new Summary(totals[0], totals[1], totals[2], skipped, Duration.ofNanos(System.nanoTime() - started));
    }

    /** How long until the row's moment, scaled by the speed, comes (0 at speed max). */
    private long millisUntilDue(long started, LocalDateTime first, LocalDateTime createdAt) {
        if (Double.isInfinite(options.speed())) {
            return 0;
        }
        long dueNanos = (long) (Duration.between(first, createdAt).toNanos() / options.speed());
        return (dueNanos - (System.nanoTime() - started)) / 1_000_000;
    }

    /** Sends what is pending and adds to the totals {sent, accepted, duplicates}. */
    private void flush(List<String> pending, long[] totals) throws IOException, InterruptedException {
        if (pending.isEmpty()) {
            return;
        }
        long[] result = send(pending);
        totals[0] += pending.size();
        totals[1] += result[0];
        totals[2] += result[1];
        pending.clear();
    }

    /** Posts one NDJSON batch; retries (bounded) on 503 or connection errors. Returns {accepted, duplicates}. */
    private long[] send(List<String> batch) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.url() + "/api/v1/messages/batch"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson; charset=UTF-8")
                .header(options.apiKey() != null && !options.apiKey().isBlank() ? "X-Api-Key" : "Authorization",
                        options.apiKey() != null && !options.apiKey().isBlank() ? options.apiKey() : "Bearer " + options.token())
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", batch)))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new IOException("Cannot post to " + request.uri() + " (" + attempt + " attempts)", e);
                }
                Thread.sleep(1000L * attempt);
                continue;
            }
            if (response.statusCode() == 202) {
                String body = response.body();
                return new long[]{number(body, "\"accepted\":"), number(body, "\"duplicates\":")};
            }
            if (response.statusCode() == 503 && attempt < MAX_ATTEMPTS) {
                long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.min(30, Math.max(1, retryAfter)) * 1000L);
                continue;
            }
            throw new IOException("The service answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long number(String json, String key) {
        int at = json.indexOf(key);
        if (at < 0) {
            return 0;
        }
        int start = at + key.length();
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Long.parseLong(json.substring(start, end));
    }

    private String toJson(Map<String, String> row, LocalDateTime createdAt) {
        Instant instant = options.originalTime() ? createdAt.atZone(DATA_ZONE).toInstant() : Instant.now();
        StringBuilder json = new StringBuilder(512).append('{');
        field(json, "source", "portal");
        field(json, "externalId", row.get("id"));
        field(json, "createdAt", instant.atZone(DATA_ZONE).toOffsetDateTime().toString());
        field(json, "text", row.get("text"));
        number(json, "lat", row.get("latitude"));
        number(json, "lon", row.get("longitude"));
        field(json, "address", row.get("address"));
        field(json, "municipality", row.get("municipality"));
        field(json, "category", row.get("category"));
        field(json, "topic", row.get("reason"));
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        json.append('"').append(name).append("\":");
        quote(json, value);
        json.append(',');
    }

    private static void number(StringBuilder json, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            double parsed = Double.parseDouble(value);
            json.append('"').append(name).append("\":").append(parsed).append(',');
        } catch (NumberFormatException e) {
            // a row without a usable coordinate goes without it; the service then locates by name
        }
    }

    static void quote(StringBuilder json, String value) {
        json.append('"');
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            switch (character) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (character < 0x20) {
                        json.append(String.format("\\u%04x", (int) character));
                    } else {
                        json.append(character);
                    }
                }
            }
        }
        json.append('"');
    }
}
