package ru.tsur.pulse.tools.training;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Progress of a long offline command, on stderr so that stdout keeps only the figures: each step as it starts,
 * with the time since the command began ({@code [ 12.3 s]}, as build-region-packs prints it) and, when its
 * length can be estimated, about how long it will take and the clock time it should end; a line every
 * {@value #TICK_SECONDS} s while it runs; and how long it took.
 */
final class Progress implements AutoCloseable {

    static final int TICK_SECONDS = 15;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "progress");
        thread.setDaemon(true);
        return thread;
    });

    Progress(PrintWriter err) {
        this.err = err;
    }

    /** One line, stamped with the time since the command began. */
    void note(String line) {
        err.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, line);
        err.flush();
    }

    /**
     * Runs one step and returns what it made, with its duration in seconds.
     *
     * @param estimatedSeconds how long it should take; 0 when there is no estimate
     */
    <T> Timed<T> step(String what, double estimatedSeconds, Supplier<T> work) {
        note(what + (estimatedSeconds <= 0 ? "" : String.format(Locale.ROOT, " (about %.0f s, until about %s)",
                estimatedSeconds, LocalTime.now().plusSeconds(Math.round(estimatedSeconds)).truncatedTo(ChronoUnit.SECONDS))));
        long stepStarted = System.nanoTime();
        ScheduledFuture<?> tick = ticker.scheduleAtFixedRate(() -> {
            double elapsed = (System.nanoTime() - stepStarted) / 1e9;
            note(String.format(Locale.ROOT, "  %s: %.0f s so far%s", what, elapsed, estimatedSeconds <= 0 ? ""
                    : elapsed < estimatedSeconds ? String.format(Locale.ROOT, ", about %.0f s left", estimatedSeconds - elapsed)
                    : ", longer than estimated"));
        }, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        try {
            T made = work.get();
            double seconds = (System.nanoTime() - stepStarted) / 1e9;
            note(String.format(Locale.ROOT, "  %s: done in %.1f s", what, seconds));
            return new Timed<>(made, seconds);
        } finally {
            tick.cancel(false);
        }
    }

    /** What a step made and how long it took. */
    record Timed<T>(T value, double seconds) {
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
