package ru.tsur.pulse.bench;

import ru.tsur.pulse.support.Tokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.tsur.pulse.csv.CsvReader;
import ru.tsur.pulse.demo.DemoMessageGenerator;
import ru.tsur.pulse.demo.DemoProfile;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.locate.RegionPack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pool of realistic messages the benchmark sends: St Petersburg portal texts (with their points and
 * addresses) from the shared CSV when it is there, else the demo generator's. Each pooled message is
 * sent to {@code POST /api/v1/classify} once before the run, so the benchmark knows the heat-map cell
 * (municipality × category) the service will count it in; that is what lets {@link LatencyProbes} keep
 * its probe cells free of background traffic. Only text, point and address are sent — the fields the
 * classify endpoint reads — so the endpoint's decision is the pipeline's.
 */
final class BenchMessages {

    /** One pooled message: its JSON fields (without source, id and time) and the cell it lands in. */
    record Pooled(String fields, String municipality, String category, Double lat, Double lon, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLASSIFY_CONCURRENCY = 8;

    private final List<Pooled> pool;
    private final String origin;
    private final String runId;
    private final AtomicLong sequence = new AtomicLong();

    private BenchMessages(List<Pooled> pool, String origin, String runId) {
        this.pool = List.copyOf(pool);
        this.origin = origin;
        this.runId = runId;
    }

    /** Loads {@code count} messages and learns each one's cell from the service at {@code url}. */
    static BenchMessages load(Path data, int count, String regionId, String url, HttpClient http, String runId)
            throws IOException, InterruptedException {
        List<String[]> raw = new ArrayList<>(count);
        String origin;
        if (Files.isReadable(data) && regionId.equals("spb")) {
            try (CsvReader csv = CsvReader.open(data)) {
                Map<String, String> row;
                while (raw.size() < count && (row = csv.next()) != null) {
                    String text = row.get("text");
                    if (text != null && !text.isBlank()) {
                        raw.add(new String[]{text, row.get("latitude"), row.get("longitude"), row.get("address")});
                    }
                }
            }
            origin = "St Petersburg portal texts (" + data.getFileName() + ")";
        } else {
            RegionPack pack = RegionPack.load(regionId, JSON);
            DemoMessageGenerator generator = new DemoMessageGenerator(DemoProfile.load(regionId, JSON), pack, 20201018L,
                    "bench");
            Instant now = Instant.now();
            for (int index = 0; index < count; index++) {
                IncomingMessage message = generator.next(now);
                raw.add(new String[]{message.text(), message.lat() == null ? null : message.lat().toString(),
                        message.lon() == null ? null : message.lon().toString(), message.address()});
            }
            origin = "demo generator (" + regionId + ")";
        }
        List<CompletableFuture<Pooled>> decided = new ArrayList<>(raw.size());
        Semaphore permits = new Semaphore(CLASSIFY_CONCURRENCY);
        for (String[] fields : raw) {
            permits.acquire();
            String body = fields(fields[0], number(fields[1]), number(fields[2]), fields[3]);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/classify")).header("Authorization", Tokens.bearer(Tokens.TEST_USER))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{" + body + "}")).build();
            decided.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> permits.release())
                    .thenApply(response -> pooled(body, fields, response)));
        }
        List<Pooled> pool = new ArrayList<>(decided.size());
        for (CompletableFuture<Pooled> future : decided) {
            try {
                Pooled pooled = future.get(60, TimeUnit.SECONDS);
                if (pooled != null) {
                    pool.add(pooled);
                }
            } catch (Exception e) {
                // a text the service could not classify is left out of the pool
            }
        }
        if (pool.isEmpty()) {
            throw new IOException("The service classified none of the " + raw.size() + " pooled messages");
        }
        return new BenchMessages(pool, origin, runId);
    }

    private static Pooled pooled(String body, String[] fields, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return null;
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            return new Pooled(body, answer.path("municipality").path("id").asText(),
                    answer.path("category").path("id").asText(), number(fields[1]), number(fields[2]), fields[0]);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    List<Pooled> pool() {
        return pool;
    }

    String origin() {
        return origin;
    }

    /** The i-th message of the stream as a JSON object with a fresh idempotency key, stamped now. */
    String next(Instant now) {
        long number = sequence.incrementAndGet();
        Pooled pooled = pool.get((int) (number % pool.size()));
        return message(runId + "-" + number, now, pooled.fields());
    }

    /** A message JSON object with the given key, time and fields. */
    static String message(String externalId, Instant createdAt, String fields) {
        return "{\"source\":\"bench\",\"externalId\":\"" + externalId + "\",\"createdAt\":\"" + createdAt + "\"," + fields + "}";
    }

    /** The JSON fields (no braces) of a message with this text, point and address. */
    static String fields(String text, Double lat, Double lon, String address) {
        StringBuilder json = new StringBuilder(text.length() + 128).append("\"text\":").append(quote(text));
        if (lat != null && lon != null) {
            json.append(",\"lat\":").append(lat).append(",\"lon\":").append(lon);
        }
        if (address != null && !address.isBlank()) {
            json.append(",\"address\":").append(quote(address));
        }
        return json.toString();
    }

    private static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Double number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
