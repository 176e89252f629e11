package ru.tsur.pulse.csv;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Streams the records of a CSV file ({@link Csv}'s dialect), plain or gzipped, as maps keyed by the header:
 * the labelled data and the St Petersburg export the offline commands (scripts/train.sh, replay.sh, …) and the
 * end-to-end tests read.
 */
public final class CsvReader implements AutoCloseable {

    private final Reader reader;
    private final Csv.Records records;
    private final List<String> header;
    private long count;

    public CsvReader(Reader reader) throws IOException {
        this.reader = reader instanceof BufferedReader ? reader : new BufferedReader(reader, 1 << 16);
        this.records = new Csv.Records(this.reader);
        Csv.Row first = records.next();
        if (first == null) {
            throw new IOException("The CSV file is empty");
        }
        this.header = first.fields();
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

    /** The next record keyed by column name (missing trailing fields are ""), or null at the end. */
    public Map<String, String> next() {
        Csv.Row record = records.next();
        if (record == null) {
            return null;
        }
        count++;
        Map<String, String> row = new HashMap<>(header.size() * 2);
        for (int index = 0; index < header.size(); index++) {
            row.put(header.get(index), record.get(index));
        }
        return row;
    }

    /** Records read so far (the header not counted). */
    public long records() {
        return count;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
