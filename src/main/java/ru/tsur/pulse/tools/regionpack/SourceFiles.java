package ru.tsur.pulse.tools.regionpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.tsur.pulse.csv.Csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the hand-curated files of {@code regions-source/} in their three plain forms: word lists (one entry a
 * line, {@code #} starts a comment line, blank lines skipped), CSV tables with a header (the project's
 * {@link Csv} dialect) and JSON. Every problem names the file, so a typo in the curated data stops the build
 * with the place to fix.
 */
final class SourceFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    SourceFiles(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** The entries of a list file, in file order, surrounding spaces removed. */
    List<String> list(String name) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(existing(name), StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The rows of a CSV table as maps keyed by its header, in file order; every row must fill every column. */
    List<Map<String, String>> table(String name, List<String> columns) throws IOException {
        List<Csv.Row> records;
        try (Reader reader = Files.newBufferedReader(existing(name), StandardCharsets.UTF_8)) {
            records = Csv.read(reader);
        }
        if (records.isEmpty() || !records.get(0).fields().equals(columns)) {
            throw new IOException(folder.resolve(name) + ": the header must be " + String.join(",", columns));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Csv.Row record : records.subList(1, records.size())) {
            if (record.fields().size() != columns.size()) {
                throw new IOException(folder.resolve(name) + " line " + record.line() + ": expected "
                        + columns.size() + " fields, found " + record.fields().size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int index = 0; index < columns.size(); index++) {
                row.put(columns.get(index), record.get(index));
            }
            rows.add(row);
        }
        return rows;
    }

    JsonNode json(String name) throws IOException {
        try {
            return JSON.readTree(existing(name).toFile());
        } catch (IOException e) {
            throw new IOException(folder.resolve(name) + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A JSON object of string lists ({@code {"key": ["a", "b"]}}), keys and items in file order. */
    Map<String, List<String>> listsByKey(String name) throws IOException {
        JsonNode node = json(name);
        if (!node.isObject()) {
            throw new IOException(folder.resolve(name) + ": expected an object of lists");
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : iterable(node)) {
            if (!entry.getValue().isArray()) {
                throw new IOException(folder.resolve(name) + ": \"" + entry.getKey() + "\" must be a list");
            }
            List<String> items = new ArrayList<>();
            entry.getValue().forEach(item -> items.add(item.asText()));
            lists.put(entry.getKey(), List.copyOf(items));
        }
        return lists;
    }

    /**
     * A JSON object of objects of string lists ({@code {"key": {"inner": ["a", "b"]}}}), keys and items in file
     * order.
     */
    Map<String, Map<String, List<String>>> listsByKeyByKey(String name) throws IOException {
        JsonNode node = json(name);
        if (!node.isObject()) {
            throw new IOException(folder.resolve(name) + ": expected an object of objects of lists");
        }
        Map<String, Map<String, List<String>>> outer = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : iterable(node)) {
            if (!entry.getValue().isObject()) {
                throw new IOException(folder.resolve(name) + ": \"" + entry.getKey() + "\" must be an object of lists");
            }
            Map<String, List<String>> inner = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> list : iterable(entry.getValue())) {
                if (!list.getValue().isArray()) {
                    throw new IOException(folder.resolve(name) + ": \"" + entry.getKey() + "\" → \"" + list.getKey()
                            + "\" must be a list");
                }
                List<String> items = new ArrayList<>();
                list.getValue().forEach(item -> items.add(item.asText()));
                inner.put(list.getKey(), List.copyOf(items));
            }
            outer.put(entry.getKey(), inner);
        }
        return outer;
    }

    /** A JSON object of strings, in file order. */
    Map<String, String> stringsByKey(String name) throws IOException {
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : iterable(json(name))) {
            strings.put(entry.getKey(), entry.getValue().asText());
        }
        return strings;
    }

    String text(String name) throws IOException {
        return Files.readString(existing(name), StandardCharsets.UTF_8);
    }

    private Path existing(String name) throws IOException {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IOException("Missing curated file " + file);
        }
        return file;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
