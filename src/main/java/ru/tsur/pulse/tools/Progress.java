package ru.tsur.pulse.tools;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Progress of a long offline command, on stderr so that stdout keeps only the figures: each step as it starts,
 * with the time since the command began ({@code [ 12.3 s]}, as build-region-packs prints it) and, when its
 * length can be estimated, about how long it will take and the clock time it should end; a line every
 * {@value #TICK_SECONDS} s while it runs; and how long it took. A step that knows how many units of work it
 * has (rows of a file) reports, every {@value #COUNTED_TICK_SECONDS} s, how many are done, the rate and the
 * time left at that rate.
 */
public final class Progress implements AutoCloseable {

    static final int TICK_SECONDS = 15;
    static final int COUNTED_TICK_SECONDS = 5;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "progress");
        thread.setDaemon(true);
        return thread;
    });

    public Progress(PrintWriter err) {
        this.err = err;
    }

    /** One line, stamped with the time since the command began. */
    public void note(String line) {
        synchronized (err) {
            err.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, line);
            err.flush();
        }
    }

    /**
     * Runs one step and returns what it made, with its duration in seconds.
     *
     * @param estimatedSeconds how long it should take; 0 when there is no estimate
     */
    public <T> Timed<T> step(String what, double estimatedSeconds, Supplier<T> work) {
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
            return finished(what, stepStarted, work.get());
        } finally {
            tick.cancel(false);
        }
    }

    /**
     * Runs one step of {@code total} units (e.g. rows): the work adds to the counter it is given as it goes,
     * and the progress lines say how many are done, at what rate, and about how long is left (and until when).
     */
    public <T> Timed<T> counted(String what, long total, String unit, Function<AtomicLong, T> work) {
        note(String.format(Locale.ROOT, "%s: %,d %s", what, total, unit));
        long stepStarted = System.nanoTime();
        AtomicLong done = new AtomicLong();
        ScheduledFuture<?> tick = ticker.scheduleAtFixedRate(
                () -> note("  " + what + ": " + countedLine(done.get(), total, unit, (System.nanoTime() - stepStarted) / 1e9,
                        LocalTime.now())),
                COUNTED_TICK_SECONDS, COUNTED_TICK_SECONDS, TimeUnit.SECONDS);
        try {
            return finished(what, stepStarted, work.apply(done));
        } finally {
            tick.cancel(false);
        }
    }

    /**
     * {@code 12,000 of 30,506 rows (39%), 2,400 rows/s, about 8 s left (until 15:42:10)}: how far a counted
     * step is after {@code elapsed} seconds, read at the clock time {@code now}.
     */
    static String countedLine(long done, long total, String unit, double elapsed, LocalTime now) {
        double rate = elapsed > 0 ? done / elapsed : 0;
        String line = String.format(Locale.ROOT, "%,d of %,d %s (%.0f%%), %,.0f %s/s", done, total, unit,
                total == 0 ? 100.0 : 100.0 * done / total, rate, unit);
        if (rate <= 0 || done >= total) {
            return line;
        }
        long left = Math.round((total - done) / rate);
        return line + String.format(Locale.ROOT, ", about %d s left (until %s)", left,
                now.plusSeconds(left).truncatedTo(ChronoUnit.SECONDS));
    }

    private <T> Timed<T> finished(String what, long stepStarted, T made) {
        double seconds = (System.nanoTime() - stepStarted) / 1e9;
        note(String.format(Locale.ROOT, "  %s: done in %.1f s", what, seconds));
        return new Timed<>(made, seconds);
    }

    /** What a step made and how long it took. */
    public record Timed<T>(T value, double seconds) {
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
