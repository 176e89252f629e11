package ru.tsur.pulse.tools.training;

import ru.tsur.pulse.csv.CsvReader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a labelled CSV in either shared format, recognised by its header: Kursk ({@code text, topic,
 * executor[, category]}) or St Petersburg ({@code text, category, reason, executor_org, latitude,
 * longitude, …}; {@code reason} is the topic and {@code executor_org} the executor).
 */
public final class LabelledData {

    /** Which shared format a file is in. */
    public enum Format { KURSK, SPB }

    private LabelledData() {
    }

    public static Format detect(List<String> header) {
        if (header.contains("reason") || header.contains("executor_org")) {
            return Format.SPB;
        }
        if (header.contains("topic") || header.contains("executor")) {
            return Format.KURSK;
        }
        throw new IllegalArgumentException("Unrecognised CSV header " + header
                + ": expected the Kursk (text, topic, executor, category) or St Petersburg (text, category, reason, executor_org, …) format");
    }

    public static List<LabelledMessage> read(Path file) throws IOException {
        try (CsvReader csv = CsvReader.open(file)) {
            if (!csv.header().contains("text")) {
                throw new IllegalArgumentException(file + " has no 'text' column");
            }
            Format format = detect(csv.header());
            List<LabelledMessage> messages = new ArrayList<>();
            Map<String, String> row;
            while ((row = csv.next()) != null) {
                messages.add(format == Format.SPB ? spb(row) : kursk(row, csv.records()));
            }
            return messages;
        }
    }

    private static LabelledMessage kursk(Map<String, String> row, long line) {
        String id = blankToNull(row.get("id"));
        return new LabelledMessage(id == null ? Long.toString(line) : id, row.get("text"),
                blankToNull(row.get("category")), blankToNull(row.get("topic")), blankToNull(row.get("executor")),
                null, null, null, null, null, null);
    }

    private static LabelledMessage spb(Map<String, String> row) {
        return new LabelledMessage(row.get("id"), row.get("text"), blankToNull(row.get("category")),
                blankToNull(row.get("reason")), blankToNull(row.get("executor_org")), number(row.get("latitude")),
                number(row.get("longitude")), blankToNull(row.get("municipality")), blankToNull(row.get("district")),
                time(row.get("created_at")), null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Double number(String value) {
        try {
            return value == null || value.isBlank() ? null : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDateTime time(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
