package ru.tsur.pulse.tools.history;

import ru.tsur.pulse.csv.CsvReader;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.ingest.MessageParser;
import ru.tsur.pulse.pipeline.DecisionPath;
import ru.tsur.pulse.pipeline.Submission;
import ru.tsur.pulse.tools.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a history CSV into PostgreSQL in bulk, each row decided as the live pipeline decides it — the
 * ingest API's parser ({@link HistoryRows}), then the service's {@link DecisionPath} (normalize → mask for
 * display → classify → locate → route) — and written as the service writes it ({@link HistoryStore}), but
 * past the ingest channel: nothing is announced, so no case, no alert, no push follows. Two passes over the
 * file: the first finds the rows of the slice and the newest of them (for {@code --shift-weeks auto}) and
 * how many there are (for the progress); the second decides them, a batch at a time on every core, while
 * the batch before is written.
 */
public final class HistoryImport {

    /**
     * What to import and how.
     *
     * @param source     the source of rows that name none
     * @param autoShift  {@code --shift-weeks auto}: move the newest row into the week before now
     * @param shiftWeeks the weeks to move every row by, when not {@code autoShift}
     * @param from       first local date of the slice (inclusive), or null
     * @param to         last local date of the slice (inclusive), or null
     * @param zone       the zone of times written without an offset (the region's)
     * @param batch      rows per INSERT
     */
    public record Options(Path file, String source, boolean autoShift, long shiftWeeks, LocalDate from, LocalDate to,
                          ZoneId zone, int batch) {

        /** Whether times move at all: then rows take the {@code history.} source ({@link HistoryRows}). */
        public boolean shifted() {
            return autoShift || shiftWeeks != 0;
        }
    }

    /** What the first pass found. */
    record Scan(long rows, long inSlice, ZonedDateTime newest) {
    }

    private final DecisionPath decisions;
    private final MessageParser parser;
    private final Clock clock;

    public HistoryImport(DecisionPath decisions, MessageParser parser, Clock clock) {
        this.decisions = decisions;
        this.parser = parser;
        this.clock = clock;
    }

    /** Runs the import into {@code store}, with progress on {@code progress}. */
    public ImportSummary run(Options options, HistoryStore store, Progress progress) throws IOException {
        long started = System.nanoTime();
        HistoryRows rows;
        try (CsvReader csv = CsvReader.open(options.file())) {
            rows = new HistoryRows(HistoryColumns.of(csv.header()), options.zone(), options.from(), options.to(),
                    options.source(), options.shifted(), parser);
        }
        Scan scan = progress.step("reading " + options.file(), 0, () -> scan(options.file(), rows)).value();
        long weeks = !options.autoShift() ? options.shiftWeeks()
                : scan.newest() == null ? 0 : TimeShift.autoWeeks(scan.newest(), clock.instant());
        progress.note(String.format("%,d rows, %,d of them in the slice; times moved by %d weeks", scan.rows(),
                scan.inSlice(), weeks));
        Tally tally = progress.counted("importing", scan.rows(), "rows",
                done -> importRows(options, rows, weeks, store, done)).value();
        return new ImportSummary(tally.read, tally.imported, tally.present, tally.refused, tally.outside,
                tally.unlocated, weeks, tally.first, tally.last, tally.reasons,
                (System.nanoTime() - started) / 1e9);
    }

    private static Scan scan(Path file, HistoryRows rows) {
        long count = 0;
        long inSlice = 0;
        ZonedDateTime newest = null;
        try (CsvReader csv = CsvReader.open(file)) {
            for (Map<String, String> row = csv.next(); row != null; row = csv.next()) {
                count++;
                if (rows.date(row) instanceof HistoryRows.InSlice dated) {
                    inSlice++;
                    if (newest == null || dated.createdAt().isAfter(newest)) {
                        newest = dated.createdAt();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scan(count, inSlice, newest);
    }

    /** The counts of the second pass; touched by the reading thread only. */
    private static final class Tally {
        long read;
        long imported;
        long present;
        long refused;
        long outside;
        long unlocated;
        ZonedDateTime first;
        ZonedDateTime last;
        final Map<String, Long> reasons = new TreeMap<>();

        void refuse(List<String> why) {
            refused++;
            why.forEach(reason -> reasons.merge(reason, 1L, Long::sum));
        }

        void written(HistoryStore.Written written) {
            imported += written.inserted();
            present += written.present();
            refused += written.refusals().size();
            written.refusals().forEach(reason -> reasons.merge(reason, 1L, Long::sum));
        }

        void dated(ZonedDateTime time) {
            if (first == null || time.isBefore(first)) {
                first = time;
            }
            if (last == null || time.isAfter(last)) {
                last = time;
            }
        }
    }

    private Tally importRows(Options options, HistoryRows rows, long weeks, HistoryStore store, AtomicLong done) {
        Tally tally = new Tally();
        ExecutorService writer = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "history-writer");
            thread.setDaemon(true);
            return thread;
        });
        Future<HistoryStore.Written> writing = null;
        List<Submission> pending = new ArrayList<>(options.batch());
        try (CsvReader csv = CsvReader.open(options.file())) {
            for (Map<String, String> row = csv.next(); row != null; row = csv.next()) {
                tally.read++;
                done.incrementAndGet();
                HistoryRows.Dated dated = rows.date(row);
                if (dated instanceof HistoryRows.Outside) {
                    tally.outside++;
                } else if (dated instanceof HistoryRows.Refused refused) {
                    tally.refuse(refused.reasons());
                } else if (dated instanceof HistoryRows.InSlice inSlice) {
                    MessageParser.Parsed parsed = rows.message(row, inSlice.createdAt(), weeks);
                    if (!parsed.valid()) {
                        tally.refuse(HistoryRows.reasons(parsed.errors()));
                        continue;
                    }
                    pending.add(parsed.submission());
                    if (pending.size() >= options.batch()) {
                        writing = write(decide(pending, tally, options.zone()), writing, writer, store, tally);
                        pending = new ArrayList<>(options.batch());
                    }
                }
            }
            writing = write(decide(pending, tally, options.zone()), writing, writer, store, tally);
            finish(writing, tally);
            return tally;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.shutdownNow();
        }
    }

    /**
     * The decisions about a batch, on every core (the decision path is thread-safe); a message they cannot
     * handle is refused with the reason, as the pipeline rejects it, and does not stop the import.
     */
    private List<PreparedMessage> decide(List<Submission> batch, Tally tally, ZoneId zone) {
        List<Decision> results = batch.parallelStream().map(this::decide).toList();
        List<PreparedMessage> decided = new ArrayList<>(results.size());
        for (Decision result : results) {
            if (result.failure() != null) {
                tally.refuse(List.of(result.failure()));
                continue;
            }
            PreparedMessage message = result.message();
            decided.add(message);
            tally.dated(message.incoming().createdAt().atZone(zone));
            if (!message.location().isKnown()) {
                tally.unlocated++;
            }
        }
        return decided;
    }

    /** A message decided, or why the decisions failed on it. */
    private record Decision(PreparedMessage message, String failure) {
    }

    private Decision decide(Submission submission) {
        try {
            return new Decision(decisions.decide(submission.message(), submission.normalizedText(),
                    DecisionPath.StageTimings.NONE), null);
        } catch (RuntimeException e) {
            return new Decision(null, "decisions: " + e);
        }
    }

    /** Waits for the batch being written, then hands this one to the writer: one batch decides while one is written. */
    private static Future<HistoryStore.Written> write(List<PreparedMessage> batch, Future<HistoryStore.Written> writing,
                                                     ExecutorService writer, HistoryStore store, Tally tally) {
        finish(writing, tally);
        return writer.submit(() -> store.insert(batch));
    }

    private static void finish(Future<HistoryStore.Written> writing, Tally tally) {
        if (writing == null) {
            return;
        }
        try {
            tally.written(writing.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to PostgreSQL", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("PostgreSQL stopped the import after " + tally.imported
                    + " new rows (running it again goes on where it stopped: rows already stored are skipped)"
                    + (cause instanceof SQLException sql ? " [SQLSTATE " + sql.getSQLState() + "]" : ""), cause);
        }
    }
}
