package ru.tsur.pulse.bench;

import ru.tsur.pulse.support.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the benchmark reads from the service while it runs: its Prometheus metrics ({@code /q/metrics})
 * for the work still queued (messages in flight in the gateway, stored but not yet counted), heap and
 * allocation, and its resident memory from {@code /proc/<pid>/status}. Also the machine's load average,
 * which every report carries because the machine is shared.
 */
final class ServiceMetrics {

    /** One reading of the service's meters. */
    record Reading(double inFlight, double accepted, double counted, double heapBytes, double allocatedBytes,
                   long rssBytes, double screenOverflows) {

        /** Messages the service has taken but not yet brought to the screens' counters. */
        double backlog() {
            return Math.max(0, (Double.isNaN(inFlight) ? 0 : inFlight) + accepted - counted);
        }
    }

    private final HttpClient http;
    private final String url;
    private final Long pid;

    ServiceMetrics(HttpClient http, String url, Long pid) {
        this.http = http;
        this.url = url;
        this.pid = pid;
    }

    Reading read() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/q/metrics")).header("Authorization", Tokens.bearer(Tokens.TEST_USER)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/plain").GET().build();
        String text = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return new Reading(sum(text, "pulse_ingest_in_flight", null),
                sum(text, "pulse_ingest_messages_total", "outcome=\"accepted\""),
                sum(text, "pulse_counters_counted_total", null),
                sum(text, "jvm_memory_used_bytes", "area=\"heap\""),
                sum(text, "jvm_gc_memory_allocated_bytes_total", null),
                rss(),
                sum(text, "pulse_screens_overflows_total", "stream=\"heatmap\""));
    }

    /** Sum of a metric's samples whose labels contain {@code labelFilter} (NaN when there is none). */
    static double sum(String exposition, String name, String labelFilter) {
        double total = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int nameEnd = line.length();
            for (int index = 0; index < line.length(); index++) {
                if (line.charAt(index) == '{' || line.charAt(index) == ' ') {
                    nameEnd = index;
                    break;
                }
            }
            if (nameEnd != name.length()) {
                continue;
            }
            int labelsEnd = line.indexOf('}');
            String labels = line.charAt(nameEnd) == '{' && labelsEnd > 0 ? line.substring(nameEnd, labelsEnd) : "";
            if (labelFilter != null && !labels.contains(labelFilter)) {
                continue;
            }
            String[] parts = line.substring(Math.max(nameEnd, labelsEnd + 1)).trim().split("\\s+");
            try {
                total += Double.parseDouble(parts[0]);
                found = true;
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // not a sample line
            }
        }
        return found ? total : Double.NaN;
    }

    /** Resident set size of the service process, from VmRSS; -1 without a pid. */
    long rss() throws IOException {
        if (pid == null) {
            return -1;
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /** Waits (at most {@code limit}) until the service has counted everything it accepted. */
    Reading drain(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Reading reading = read();
        while (reading.backlog() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reading = read();
        }
        return reading;
    }

    /** The 1-, 5- and 15-minute load averages as printed by the kernel. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
