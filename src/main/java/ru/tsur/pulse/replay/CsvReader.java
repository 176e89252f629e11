package ru.tsur.pulse.replay;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Streams records of an RFC 4180 CSV file (quoted fields may hold commas, quotes and line breaks), plain
 * or gzipped, as maps keyed by the header. JDK only, so the replay tool runs from compiled classes alone.
 */
public final class CsvReader implements AutoCloseable {

    private final Reader reader;
    private final List<String> header;
    private long records;

    public CsvReader(Reader reader) throws IOException {
        this.reader = reader instanceof BufferedReader ? reader : new BufferedReader(reader, 1 << 16);
        List<String> first = readRecord();
        if (first == null) {
            throw new IOException("The CSV file is empty");
        }
        if (!first.isEmpty() && first.get(0).startsWith("\uFEFF")) {
            first.set(0, first.get(0).substring(1));
        }
        this.header = List.copyOf(first);
    }

    public static CsvReader open(Path file) throws IOException {
        InputStream stream = new FileInputStream(file.toFile());
        if (file.getFileName().toString().endsWith(".gz")) {
            stream = new GZIPInputStream(stream, 1 << 16);
        }
        return new CsvReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    public List<String> header() {
        return header;
    }

    /** The next record keyed by column name, or null at the end. */
    public Map<String, String> next() throws IOException {
        List<String> fields = readRecord();
        if (fields == null) {
            return null;
        }
        records++;
        Map<String, String> row = new HashMap<>(header.size() * 2);
        for (int index = 0; index < header.size(); index++) {
            row.put(header.get(index), index < fields.size() ? fields.get(index) : "");
        }
        return row;
    }

    public long records() {
        return records;
    }

    private List<String> readRecord() throws IOException {
        int character = reader.read();
        if (character < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (character < 0) {
                    throw new IOException("Unterminated quoted field in record " + (records + 1));
                }
                if (character == '"') {
                    int following = reader.read();
                    if (following == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        character = following;
                        continue;
                    }
                } else {
                    field.append((char) character);
                }
            } else if (character < 0 || character == '\n') {
                fields.add(stripCarriageReturn(field));
                return fields;
            } else if (character == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (character == '"' && field.length() == 0) {
                quoted = true;
            } else {
                field.append((char) character);
            }
            character = reader.read();
        }
    }

    private static String stripCarriageReturn(StringBuilder field) {
        int length = field.length();
        return length > 0 && field.charAt(length - 1) == '\r' ? field.substring(0, length - 1) : field.toString();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
