package ru.tsur.pulse.bench;

import ru.tsur.pulse.support.Tokens;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers NDJSON batches to {@code POST /api/v1/messages/batch} at a fixed rate, open loop: batches leave
 * on a schedule whatever the service answers, so a slow service shows up as errors and backlog, not as a
 * politely slower client. At most {@code maxOutstanding} requests are open at once; a batch due while
 * all are open is not sent and counts as dropped (an error: the service did not keep up).
 */
final class OpenLoopSender {

    /** What one step at one rate produced. */
    record Step(int rate, Duration length, long offered, long accepted, long unavailable, long failed, long dropped,
                Histogram responseMicros, double seconds, ServiceMetrics.Reading middle, ServiceMetrics.Reading end) {

        long errors() {
            return unavailable + failed + dropped;
        }

        double errorShare() {
            return offered == 0 ? 0 : (double) errors() / offered;
        }

        /** Accepted messages per second, over the time from the first send to the last answer. */
        double acceptedRate() {
            return seconds <= 0 ? 0 : accepted / seconds;
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI batchUri;
    private final BenchMessages messages;
    private final ServiceMetrics metrics;
    private final Semaphore outstanding;
    private final int maxOutstanding;

    OpenLoopSender(HttpClient http, String url, BenchMessages messages, ServiceMetrics metrics, int maxOutstanding) {
        this.http = http;
        this.batchUri = URI.create(url + "/api/v1/messages/batch");
        this.messages = messages;
        this.metrics = metrics;
        this.maxOutstanding = maxOutstanding;
        this.outstanding = new Semaphore(maxOutstanding);
    }

    /**
     * Offers {@code rate} messages per second for {@code length} in batches of at most {@code batch}
     * (smaller at low rates, so at least ten requests a second go out), then waits for the answers.
     * Reads the service's meters halfway and at the end of sending, before the answers settle.
     */
    Step run(int rate, Duration length, int batch) throws Exception {
        int size = Math.max(1, Math.min(batch, rate / 10));
        long intervalNanos = (long) (1e9 * size / rate);
        long offered = 0;
        long dropped = 0;
        AtomicLong accepted = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        Histogram response = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        long started = System.nanoTime();
        long end = started + length.toNanos();
        long middleAt = started + length.toNanos() / 2;
        ServiceMetrics.Reading middle = null;
        long due = started;
        while (due < end) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (middle == null && System.nanoTime() >= middleAt) {
                middle = metrics.read();
            }
            offered += size;
            if (!outstanding.tryAcquire()) {
                dropped += size;
            } else {
                send(size, accepted, unavailable, failed, lastAnswer, response);
            }
            due += intervalNanos;
        }
        ServiceMetrics.Reading atEnd = metrics.read();
        if (middle == null) {
            middle = atEnd;
        }
        if (outstanding.tryAcquire(maxOutstanding, REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            outstanding.release(maxOutstanding);
        }
        double seconds = (Math.max(lastAnswer.get(), end) - started) / 1e9;
        Histogram snapshot;
        synchronized (response) {
            snapshot = response.copy();
        }
        return new Step(rate, length, offered, accepted.get(), unavailable.get(), failed.get(), dropped, snapshot,
                seconds, middle, atEnd);
    }

    private void send(int size, AtomicLong accepted, AtomicLong unavailable, AtomicLong failed, AtomicLong lastAnswer,
                      Histogram response) {
        Instant now = Instant.now();
        StringBuilder body = new StringBuilder(size * 600);
        for (int index = 0; index < size; index++) {
            body.append(messages.next(now)).append('\n');
        }
        HttpRequest request = HttpRequest.newBuilder(batchUri).header("Authorization", Tokens.bearer(Tokens.TEST_USER)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-ndjson; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        long sentAt = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            long answeredAt = System.nanoTime();
            lastAnswer.accumulateAndGet(answeredAt, Math::max);
            synchronized (response) {
                response.recordValue(Math.min(response.getHighestTrackableValue(), (answeredAt - sentAt) / 1000));
            }
            if (failure == null && answer.statusCode() == 202) {
                accepted.addAndGet(size);
            } else if (failure == null && answer.statusCode() == 503) {
                unavailable.addAndGet(size);
            } else {
                failed.addAndGet(size);
            }
            outstanding.release();
        });
    }
}
