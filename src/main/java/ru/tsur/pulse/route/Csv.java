package ru.tsur.pulse.route;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The small RFC 4180 CSV dialect of the routing files (and of the reference data the trainer reads): comma
 * separated, fields with a comma, quote or line break are quoted, quotes doubled; CRLF or LF line ends; a
 * leading UTF-8 byte-order mark is ignored. Each record remembers the line it starts on, so validation
 * errors can name it. Stateless.
 */
public final class Csv {

    /** One record: its fields and the 1-based line of the file it starts on. */
    public record Row(int line, List<String> fields) {

        /** The field at {@code index}, or "" when the record is shorter. */
        public String get(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }
    }

    private Csv() {
    }

    /** Every record of the input, the header included; blank lines are skipped. */
    public static List<Row> read(Reader input) {
        try {
            return parse(input);
        } catch (IOException e) {
            throw new UncheckedIOException("CSV cannot be read", e);
        }
    }

    private static List<Row> parse(Reader input) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        boolean wasQuoted = false;
        int line = 1;
        int recordLine = 1;
        int c = input.read();
        if (c == '\uFEFF') {
            c = input.read();
        }
        while (c != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int next = input.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
                wasQuoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                wasQuoted = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r') {
                    int next = input.read();
                    if (next != '\n') {
                        line++;
                        endRecord(rows, fields, field, recordLine, wasQuoted);
                        fieldStarted = false;
                        wasQuoted = false;
                        recordLine = line;
                        c = next;
                        continue;
                    }
                }
                line++;
                endRecord(rows, fields, field, recordLine, wasQuoted);
                fieldStarted = false;
                wasQuoted = false;
                recordLine = line;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
            c = input.read();
        }
        endRecord(rows, fields, field, recordLine, wasQuoted);
        return rows;
    }

    private static void endRecord(List<Row> rows, List<String> fields, StringBuilder field, int line,
                                  boolean wasQuoted) {
        if (fields.isEmpty() && field.length() == 0 && !wasQuoted) {
            return; // a blank line
        }
        fields.add(field.toString());
        rows.add(new Row(line, List.copyOf(fields)));
        fields.clear();
        field.setLength(0);
    }

    /** Writes one record, quoting where needed, ended by LF. */
    public static void writeRow(Writer output, List<String> fields) {
        try {
            for (int index = 0; index < fields.size(); index++) {
                if (index > 0) {
                    output.write(',');
                }
                output.write(quote(fields.get(index) == null ? "" : fields.get(index)));
            }
            output.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("CSV cannot be written", e);
        }
    }

    static String quote(String value) {
        boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || (!value.isEmpty()
                && (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))));
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
