package ru.tsur.pulse.tools.prevention;

import ru.tsur.pulse.csv.CsvReader;
import ru.tsur.pulse.prevention.Place;
import ru.tsur.pulse.prevention.PlaceMessage;
import ru.tsur.pulse.tools.history.TimeShift;

import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * Reads the {@link PlaceMessage}s of a CSV in the St Petersburg portal's format (plain or gzipped), with the
 * same {@link CsvReader} as the other commands: {@code created_at} and {@code category} are required; the place
 * is {@code address}, else the point {@code latitude}/{@code longitude} (a row with neither is skipped); the
 * topic is {@code reason} (or {@code topic}); the executor {@code executor_org} (or {@code executor}); the
 * municipality {@code municipality} (or {@code district}). A message counts as resolved at {@code last_status_at}
 * when {@code last_status} is a completion («Завершено: …») — the time the portal closed it, known from then on,
 * so a register as of an earlier time cannot see it. Times without an offset are local to the given zone.
 */
public final class PlaceMessageFile {

    /** The messages in time order, and the rows that could not be placed. */
    public record Contents(List<PlaceMessage> messages, long rows, long withoutPlace) {
    }

    /** A message with the file's {@code id} of its row (its row number when the file has no id column). */
    public record Identified(String id, PlaceMessage message) {
    }

    /** The identified messages in time order, and the rows that could not be placed. */
    public record IdentifiedContents(List<Identified> messages, long rows, long withoutPlace) {
    }

    private PlaceMessageFile() {
    }

    /**
     * Reads {@code file}; {@code bytesRead} follows the bytes of the file consumed so far (for progress).
     *
     * @throws IOException when the file cannot be read or lacks a required column; a malformed time or point
     *                     is an error naming its row
     */
    public static Contents read(Path file, ZoneId zone, AtomicLong bytesRead) throws IOException {
        IdentifiedContents contents = readIdentified(file, zone, bytesRead);
        return new Contents(contents.messages().stream().map(Identified::message).toList(), contents.rows(),
                contents.withoutPlace());
    }

    /** As {@link #read}, keeping each message's id. */
    public static IdentifiedContents readIdentified(Path file, ZoneId zone, AtomicLong bytesRead) throws IOException {
        InputStream stream = new Counting(new FileInputStream(file.toFile()), bytesRead);
        if (file.getFileName().toString().endsWith(".gz")) {
            stream = new GZIPInputStream(stream, 1 << 16);
        }
        List<Identified> messages = new ArrayList<>();
        long withoutPlace = 0;
        try (CsvReader reader = new CsvReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String> header = reader.header();
            for (String required : List.of("created_at", "category")) {
                if (!header.contains(required)) {
                    throw new IOException(file + ": no column " + required + " (have " + header + ")");
                }
            }
            String topic = first(header, "reason", "topic");
            String executor = first(header, "executor_org", "executor");
            String municipality = first(header, "municipality", "district");
            for (Map<String, String> row = reader.next(); row != null; row = reader.next()) {
                try {
                    PlaceMessage message = message(row, zone, topic, executor, municipality);
                    if (message == null) {
                        withoutPlace++;
                    } else {
                        String id = blankToNull(row.get("id"));
                        messages.add(new Identified(id != null ? id : "row" + reader.records(), message));
                    }
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new IOException(file + ": record " + reader.records() + ": " + e.getMessage(), e);
                }
            }
            messages.sort(Comparator.comparing(identified -> identified.message().createdAt()));
            return new IdentifiedContents(messages, reader.records(), withoutPlace);
        }
    }

    private static PlaceMessage message(Map<String, String> row, ZoneId zone, String topicColumn, String executorColumn,
                                        String municipalityColumn) {
        String category = blankToNull(row.get("category"));
        Place place = Place.of(row.get("address"), number(row.get("latitude")), number(row.get("longitude")));
        if (place == null || category == null) {
            return null;
        }
        Instant created = TimeShift.parse(row.get("created_at"), zone).toInstant();
        String status = row.getOrDefault("last_status", "");
        String closedAt = blankToNull(row.get("last_status_at"));
        Instant resolved = status.strip().startsWith("Завершено") && closedAt != null
                ? TimeShift.parse(closedAt, zone).toInstant() : null;
        return new PlaceMessage(created, place, column(row, municipalityColumn), category, column(row, topicColumn),
                column(row, executorColumn), resolved, number(row.get("latitude")), number(row.get("longitude")));
    }

    private static String first(List<String> header, String... names) {
        for (String name : names) {
            if (header.contains(name)) {
                return name;
            }
        }
        return null;
    }

    private static String column(Map<String, String> row, String column) {
        return column == null ? null : blankToNull(row.get(column));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + text);
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {

        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            if (read >= 0) {
                count.incrementAndGet();
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count.addAndGet(read);
            }
            return read;
        }
    }
}
