package ru.tsur.pulse.tools.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which columns of a history CSV hold what a message needs, found by name in its header. The shared St
 * Petersburg export is one such file; any CSV with a time, a place and a category (or a text) is another:
 *
 * <ul>
 * <li>{@code created_at} (required): when the resident wrote;</li>
 * <li>a place (at least one): {@code latitude} and {@code longitude} (or {@code lat} and {@code lon}),
 *     {@code address}, {@code municipality} (a name, as the ingest API's hint);</li>
 * <li>what it is about (at least one): {@code category} (a category of the region, by name or id),
 *     {@code text};</li>
 * <li>optional: {@code id} (or {@code external_id}: the source's id of the message), {@code reason} (or
 *     {@code topic}), {@code source}, {@code author}.</li>
 * </ul>
 * Other columns are ignored. Plain code, no I/O.
 */
public final class HistoryColumns {

    /** What a column means; each lists the names it is recognised by, the first one found wins. */
    public enum Role {
        CREATED_AT("created_at"),
        ID("id", "external_id"),
        TEXT("text"),
        LATITUDE("latitude", "lat"),
        LONGITUDE("longitude", "lon"),
        ADDRESS("address"),
        MUNICIPALITY("municipality"),
        CATEGORY("category"),
        TOPIC("reason", "topic"),
        SOURCE("source"),
        AUTHOR("author");

        private final List<String> names;

        Role(String... names) {
            this.names = List.of(names);
        }

        public List<String> names() {
            return names;
        }
    }

    private final Map<Role, String> columns;

    private HistoryColumns(Map<Role, String> columns) {
        this.columns = columns;
    }

    /**
     * The columns of a file with this header.
     *
     * @throws IllegalArgumentException naming what is missing and what is accepted, when the file lacks a
     *                                  time, a place, or both category and text
     */
    public static HistoryColumns of(List<String> header) {
        Map<Role, String> found = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            for (String name : role.names()) {
                Optional<String> column = header.stream().filter(candidate -> candidate.strip().equals(name)).findFirst();
                if (column.isPresent()) {
                    found.put(role, column.get());
                    break;
                }
            }
        }
        if (found.containsKey(Role.LATITUDE) != found.containsKey(Role.LONGITUDE)) {
            found.remove(Role.LATITUDE);
            found.remove(Role.LONGITUDE);
        }
        List<String> missing = new ArrayList<>();
        if (!found.containsKey(Role.CREATED_AT)) {
            missing.add("a time (created_at)");
        }
        if (!found.containsKey(Role.LATITUDE) && !found.containsKey(Role.ADDRESS) && !found.containsKey(Role.MUNICIPALITY)) {
            missing.add("a place (latitude and longitude, or lat and lon; address; municipality)");
        }
        if (!found.containsKey(Role.CATEGORY) && !found.containsKey(Role.TEXT)) {
            missing.add("what it is about (category, or text)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the CSV header " + header + " has no column for " + String.join(", ", missing)
                    + "; accepted columns: created_at; latitude+longitude (lat+lon), address, municipality; category,"
                    + " text; optional id (external_id), reason (topic), source, author");
        }
        return new HistoryColumns(Map.copyOf(found));
    }

    /** The column holding {@code role}, if the file has one. */
    public Optional<String> column(Role role) {
        return Optional.ofNullable(columns.get(role));
    }

    public boolean has(Role role) {
        return columns.containsKey(role);
    }

    /** The row's value for {@code role}, stripped; null when the file has no such column or the value is blank. */
    public String value(Map<String, String> row, Role role) {
        String column = columns.get(role);
        String value = column == null ? null : row.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
