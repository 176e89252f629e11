package ru.tsur.pulse.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one RFC 4180 CSV dialect of the project — routing files, labelled data, the St Petersburg stream:
 * comma separated, fields with a comma, quote or line break are quoted, quotes doubled; CRLF, LF or CR line
 * ends; a leading UTF-8 byte-order mark is ignored; blank lines are skipped. Each record remembers the line
 * it starts on, so validation errors can name it. {@link #read} holds a whole file, {@link Records}
 * streams one.
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
        Records records = new Records(input);
        List<Row> rows = new ArrayList<>();
        for (Row row = records.next(); row != null; row = records.next()) {
            rows.add(row);
        }
        return rows;
    }

    /** Reads records one at a time, for files too large to hold (the St Petersburg stream). Not thread-safe. */
    public static final class Records {

        private final Reader input;
        private int line = 1;
        private int pending = -2;

        public Records(Reader input) {
            this.input = input;
        }

        /** The next record, blank lines skipped; null at the end of the input. */
        public Row next() {
            try {
                Row row;
                do {
                    row = parseRecord();
                } while (row != null && row.fields().isEmpty());
                return row;
            } catch (IOException e) {
                throw new UncheckedIOException("CSV cannot be read", e);
            }
        }

        private int read() throws IOException {
            if (pending != -2) {
                int character = pending;
                pending = -2;
                return character;
            }
            return input.read();
        }

        /** One record; a blank line gives a row without fields; null at the end of the input. */
        private Row parseRecord() throws IOException {
            int c = read();
            if (line == 1 && c == '\uFEFF') {
                c = read();
            }
            if (c == -1) {
                return null;
            }
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldStarted = false;
            boolean wasQuoted = false;
            while (c != -1) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        int next = read();
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
                        int next = read();
                        if (next != '\n') {
                            pending = next;
                        }
                    }
                    line++;
                    return endRecord(fields, field, recordLine, wasQuoted);
                } else {
                    field.append(ch);
                    fieldStarted = true;
                }
                c = read();
            }
            if (quoted) {
                throw new IOException("Unterminated quoted field in the record starting on line " + recordLine);
            }
            return endRecord(fields, field, recordLine, wasQuoted);
        }

        private static Row endRecord(List<String> fields, StringBuilder field, int line, boolean wasQuoted) {
            if (fields.isEmpty() && field.length() == 0 && !wasQuoted) {
                return new Row(line, List.of()); // a blank line
            }
            fields.add(field.toString());
            return new Row(line, List.copyOf(fields));
        }
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
