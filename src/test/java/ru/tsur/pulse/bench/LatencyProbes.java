package ru.tsur.pulse.bench;

import ru.tsur.pulse.support.Tokens;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Ingest → screen latency, measured with probe cells.
 *
 * <p>How a delta is matched to a message: a screen only sees counts per heat-map cell (municipality ×
 * category), so the benchmark reserves a few cells for itself. They are cells no pooled background
 * message lands in (the pool's cells are known beforehand from {@code /api/v1/classify}, see
 * {@link BenchMessages}); a probe is a pooled text with its point (which places it in the cell's
 * municipality) and the cell's category given explicitly (the service keeps a known source category).
 * Per cell the probes are strictly sequential: probe k+1 is sent only after some screen has seen probe k
 * counted, so at any moment at most one probe of a cell is uncounted and "the cell's count rose to
 * baseline + k" means exactly "probe k is in". Each screen keeps its own last count per probe cell; when
 * a frame (delta, or a snapshot after a resync) raises it from a to b, the probes a+1…b have reached that
 * screen now, and each is recorded as (now − the moment its 202 arrived). A probe rejected (503) is
 * resent with the same idempotency key, so it is still counted once. A count above what was sent means
 * something else landed in the cell: the cell is then marked contaminated and its later samples dropped
 * (reported; expected 0). A delta arriving before the probe's own 202 is recorded as 0 ms and counted.
 */
final class LatencyProbes implements AutoCloseable {

    /** The latency distribution of one phase. */
    record Phase(int rate, int screens, long probesSent, long probesDelivered, Histogram latencyMicros,
                 long beforeAccepted, int contaminatedCells, OpenLoopSender.Step background, double screenOverflows) {
    }

    private static final int MAX_PROBES_PER_CELL = 100_000;
    private static final long HISTOGRAM_MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    /** One reserved cell and the probes sent to it. */
    private static final class Cell {
        final int index;
        final String municipality;
        final String category;
        final String fields;
        final String runId;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicLongArray acceptedAt = new AtomicLongArray(MAX_PROBES_PER_CELL + 1);
        final AtomicIntegerArray phaseOf = new AtomicIntegerArray(MAX_PROBES_PER_CELL + 1);
        volatile boolean contaminated;
        volatile boolean awaitingAnswer;
        volatile long lastSentNanos;

        Cell(int index, String municipality, String category, String fields, String runId) {
            this.index = index;
            this.municipality = municipality;
            this.category = category;
            this.fields = fields;
            this.runId = runId;
        }
    }

    private final HttpClient http;
    private final String url;
    private final List<Cell> cells = new ArrayList<>();
    private final Map<String, Cell> cellsByKey = new HashMap<>();
    private final List<Screen> screens = new ArrayList<>();
    private final Set<String> categoryMarkers = new LinkedHashSet<>();
    private final List<Histogram> phaseHistograms = new ArrayList<>();
    private final AtomicLong beforeAccepted = new AtomicLong();

    private LatencyProbes(HttpClient http, String url) {
        this.http = http;
        this.url = url;
    }

    /**
     * Picks up to {@code count} probe cells: the category with the fewest pooled messages, in
     * municipalities where no pooled message has that category; each probe text and point comes from a
     * pooled message that the service places in that municipality.
     */
    static LatencyProbes choose(BenchMessages messages, List<String> categories, int count, HttpClient http,
                                String url, String runId) {
        Map<String, Integer> perCategory = new HashMap<>();
        Map<String, BenchMessages.Pooled> pointIn = new HashMap<>();
        Set<String> usedCells = new HashSet<>();
        for (BenchMessages.Pooled pooled : messages.pool()) {
            perCategory.merge(pooled.category(), 1, Integer::sum);
            usedCells.add(pooled.municipality() + '/' + pooled.category());
            if (pooled.lat() != null && !pooled.municipality().equals("unknown")) {
                pointIn.putIfAbsent(pooled.municipality(), pooled);
            }
        }
        List<String> byRarity = new ArrayList<>(categories);
        byRarity.sort(Comparator.comparingInt(category -> perCategory.getOrDefault(category, 0)));
        LatencyProbes probes = new LatencyProbes(http, url);
        for (String category : byRarity) {
            for (Map.Entry<String, BenchMessages.Pooled> entry : new TreeMap<>(pointIn).entrySet()) {
                if (probes.cells.size() >= count) {
                    return probes;
                }
                String key = entry.getKey() + '/' + category;
                if (usedCells.contains(key) || probes.cellsByKey.containsKey(key)) {
                    continue;
                }
                BenchMessages.Pooled pooled = entry.getValue();
                String fields = BenchMessages.fields(pooled.text(), pooled.lat(), pooled.lon(), null)
                        + ",\"category\":\"" + category + "\"";
                Cell cell = new Cell(probes.cells.size(), entry.getKey(), category, fields, runId);
                probes.cells.add(cell);
                probes.cellsByKey.put(key, cell);
                probes.categoryMarkers.add("\"c\":\"" + category + "\"");
            }
        }
        return probes;
    }

    int cellCount() {
        return cells.size();
    }

    /** Connects the screens and waits (bounded) for each one's first snapshot; returns how many got one. */
    int connect(int count, Duration limit) throws InterruptedException {
        CountDownLatch snapshots = new CountDownLatch(count);
        Semaphore connecting = new Semaphore(32);
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            connecting.acquire();
            Screen screen = new Screen(snapshots);
            opening.add(http.newWebSocketBuilder().header("Authorization", Tokens.bearer(Tokens.TEST_USER)).connectTimeout(Duration.ofSeconds(20))
                    .buildAsync(URI.create(url.replaceFirst("^http", "ws") + "/ws/heatmap?window=1h"), screen)
                    .whenComplete((socket, failure) -> connecting.release()));
            synchronized (screens) {
                screens.add(screen);
            }
        }
        snapshots.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        int ready = 0;
        synchronized (screens) {
            for (Screen screen : screens) {
                if (screen.baseline != null) {
                    ready++;
                }
            }
        }
        return ready;
    }

    /**
     * One phase: background load at {@code rate} (less what the probes add) runs on its own thread while
     * probes cycle through the cells; returns the latency distribution of the probes sent in this phase.
     */
    Phase run(int rate, Duration length, OpenLoopSender background, int batch, ServiceMetrics metrics) throws Exception {
        double overflowsBefore = metrics.read().screenOverflows();
        Histogram histogram = new Histogram(HISTOGRAM_MAX_MICROS, 3);
        int phaseIndex;
        synchronized (phaseHistograms) {
            phaseHistograms.add(histogram);
            phaseIndex = phaseHistograms.size() - 1;
        }
        double probeRate = Math.max(1, Math.min(rate / 10.0, cells.size() * 4.0));
        long cellGapNanos = (long) (1e9 * cells.size() / probeRate);
        int backgroundRate = Math.max(1, (int) Math.round(rate - probeRate));
        CompletableFuture<OpenLoopSender.Step> load = CompletableFuture.supplyAsync(() -> {
            try {
                return background.run(backgroundRate, length, batch);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long before = countSent();
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            for (Cell cell : cells) {
                boolean previousSeen = cell.delivered.get() >= cell.sent.get();
                if (!cell.contaminated && !cell.awaitingAnswer && previousSeen && now - cell.lastSentNanos >= cellGapNanos
                        && cell.sent.get() < MAX_PROBES_PER_CELL) {
                    int probe = cell.sent.get() + 1;
                    cell.phaseOf.set(probe, phaseIndex);
                    cell.sent.set(probe);
                    sendProbe(cell, probe, end);
                }
            }
            Thread.sleep(10);
        }
        OpenLoopSender.Step step = load.get(BenchOptions.PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
        long sent = countSent() - before;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && cells.stream().anyMatch(c -> !c.contaminated && c.delivered.get() < c.sent.get())) {
            Thread.sleep(50);
        }
        long deliveredProbes = 0;
        for (Cell cell : cells) {
            for (int probe = 1; probe <= Math.min(cell.delivered.get(), cell.sent.get()); probe++) {
                if (cell.phaseOf.get(probe) == phaseIndex) {
                    deliveredProbes++;
                }
            }
        }
        Histogram copy;
        synchronized (histogram) {
            copy = histogram.copy();
        }
        int contaminated = (int) cells.stream().filter(cell -> cell.contaminated).count();
        int live;
        synchronized (screens) {
            live = (int) screens.stream().filter(screen -> screen.baseline != null && screen.open).count();
        }
        return new Phase(rate, live, sent, deliveredProbes, copy, beforeAccepted.getAndSet(0), contaminated, step,
                metrics.read().screenOverflows() - overflowsBefore);
    }

    private long countSent() {
        return cells.stream().mapToLong(cell -> cell.sent.get()).sum();
    }

    /** Sends probe {@code probe} of the cell; a refused probe is resent with the same key until the phase ends. */
    private void sendProbe(Cell cell, int probe, long phaseEnd) {
        cell.awaitingAnswer = true;
        cell.lastSentNanos = System.nanoTime();
        String body = BenchMessages.message("probe-" + cell.runId + "-" + cell.index + "-" + probe, Instant.now(), cell.fields);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/messages")).header("Authorization", Tokens.bearer(Tokens.TEST_USER)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            if (failure == null && answer.statusCode() == 202) {
                cell.acceptedAt.compareAndSet(probe, 0, System.nanoTime());
                cell.awaitingAnswer = false;
            } else if (System.nanoTime() < phaseEnd + TimeUnit.SECONDS.toNanos(5)) {
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> sendProbe(cell, probe, phaseEnd));
            } else {
                cell.contaminated = true; // never confirmed: its count can no longer be told apart
                cell.awaitingAnswer = false;
            }
        });
    }

    /** A probe reached a screen at {@code receivedNanos}: records its latency in its phase. */
    private void reached(Cell cell, int probe, long receivedNanos) {
        int phaseIndex = cell.phaseOf.get(probe);
        Histogram histogram;
        synchronized (phaseHistograms) {
            if (phaseIndex >= phaseHistograms.size()) {
                return;
            }
            histogram = phaseHistograms.get(phaseIndex);
        }
        long acceptedAt = cell.acceptedAt.get(probe);
        long micros;
        if (acceptedAt == 0) {
            cell.acceptedAt.compareAndSet(probe, 0, receivedNanos);
            beforeAccepted.incrementAndGet();
            micros = 0;
        } else {
            micros = Math.max(0, (receivedNanos - acceptedAt) / 1000);
        }
        synchronized (histogram) {
            histogram.recordValue(Math.min(HISTOGRAM_MAX_MICROS, micros));
        }
    }

    @Override
    public void close() {
        synchronized (screens) {
            for (Screen screen : screens) {
                screen.close();
            }
        }
    }

    /**
     * One wall screen: follows the sequence numbers like the real wall (a gap or a heartbeat ahead of it
     * asks for a resync) and watches only the probe cells' counts. Frames are scanned, not parsed, to keep
     * the load generator's CPU share small with hundreds of screens on the same two cores.
     */
    private final class Screen implements WebSocket.Listener {
        private final CountDownLatch snapshots;
        private final StringBuilder partial = new StringBuilder();
        private volatile long[] baseline;
        private final int[] seen = new int[cells.size()];
        private long seq = -1;
        private boolean awaitingSnapshot = true;
        private volatile boolean open = true;
        private WebSocket socket;

        Screen(CountDownLatch snapshots) {
            this.snapshots = snapshots;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long receivedAt = System.nanoTime();
                String frame = partial.toString();
                partial.setLength(0);
                onFrame(webSocket, frame, receivedAt);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            open = false;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            open = false;
        }

        private void onFrame(WebSocket webSocket, String frame, long receivedAt) {
            String type = stringField(frame, "type");
            long frameSeq = longField(frame, "seq");
            if ("snapshot".equals(type)) {
                seq = frameSeq;
                awaitingSnapshot = false;
                long[] counts = probeCounts(frame, true);
                if (baseline == null) {
                    baseline = counts;
                    snapshots.countDown();
                    return;
                }
                apply(counts, receivedAt);
            } else if ("delta".equals(type)) {
                if (awaitingSnapshot) {
                    return;
                }
                if (frameSeq != seq + 1) {
                    resync(webSocket);
                    return;
                }
                seq = frameSeq;
                apply(probeCounts(frame, false), receivedAt);
            } else if ("heartbeat".equals(type) && !awaitingSnapshot && frameSeq > seq) {
                resync(webSocket);
            }
        }

        private void resync(WebSocket webSocket) {
            awaitingSnapshot = true;
            webSocket.sendText("{\"type\":\"resync\"}", true);
        }

        /**
         * New absolute counts of the probe cells in the frame; -1 where a delta does not mention the cell.
         * Only the probe categories are searched for, so a frame of hundreds of cells costs one scan.
         */
        private long[] probeCounts(String frame, boolean snapshot) {
            long[] counts = new long[cells.size()];
            Arrays.fill(counts, snapshot ? 0 : -1);
            for (String marker : categoryMarkers) {
                int at = 0;
                while ((at = frame.indexOf(marker, at)) >= 0) {
                    int open = frame.lastIndexOf('{', at);
                    int close = frame.indexOf('}', at);
                    if (open < 0 || close < 0) {
                        break;
                    }
                    String item = frame.substring(open, close);
                    Cell cell = cellsByKey.get(stringField(item, "m") + '/' + stringField(item, "c"));
                    if (cell != null) {
                        counts[cell.index] = longField(item, "n");
                    }
                    at = close;
                }
            }
            return counts;
        }

        private void apply(long[] counts, long receivedAt) {
            for (Cell cell : cells) {
                long count = counts[cell.index];
                if (count < 0 || cell.contaminated) {
                    continue;
                }
                int relative = (int) (count - baseline[cell.index]);
                int sent = cell.sent.get();
                if (relative > sent) {
                    cell.contaminated = true;
                    continue;
                }
                for (int probe = seen[cell.index] + 1; probe <= relative; probe++) {
                    reached(cell, probe, receivedAt);
                }
                if (relative > seen[cell.index]) {
                    seen[cell.index] = relative;
                    cell.delivered.accumulateAndGet(relative, Math::max);
                }
            }
        }

        void close() {
            if (socket != null && open) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
                socket.abort();
            }
        }
    }

    /** The string value of {@code "name":"…"} in a flat JSON text (no escapes in our ids), or null. */
    static String stringField(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        int end = json.indexOf('"', start);
        return end < 0 ? null : json.substring(start, end);
    }

    /** The integer value of {@code "name":123}, or -1. */
    static long longField(String json, String name) {
        String key = "\"" + name + "\":";
        int start = json.indexOf(key);
        if (start < 0) {
            return -1;
        }
        start += key.length();
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return end == start ? -1 : Long.parseLong(json.substring(start, end));
    }
}
