package ru.tsur.pulse.tools.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.tsur.pulse.ingest.MessageParser;
import ru.tsur.pulse.problems.FieldError;
import ru.tsur.pulse.tools.history.HistoryColumns.Role;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of a history CSV into the messages the ingest API would make of them, by the API's own
 * parser ({@link MessageParser}: the same checks, limits and normalization, so a row the door would refuse
 * is refused here with the door's words). Decides what a row's idempotency key is:
 *
 * <ul>
 * <li>source: the row's {@code source}, else the command's ({@code portal} by default, as the St Petersburg
 *     replay posts it). Unshifted, a row is the message that source sent, so it keeps the source's own key:
 *     a message both imported and sent live (or replayed) is stored once. Shifted ({@code --shift-weeks}),
 *     a row is a copy moved in time, not what the source sent then: its source becomes
 *     {@code history.<source>}, so it never collides with the real message — whatever shift {@code auto}
 *     computes on a later run, since the prefix depends on the option, not on the weeks;</li>
 * <li>external id: the row's {@code id}, else a digest of its time, text, place, category and topic (the
 *     same row gives the same key in every run, whatever else the file holds).</li>
 * </ul>
 * A file without a {@code text} column gets a text made of the row's category and topic («Благоустройство —
 * Неубранный снег»), since every message has one. Plain code.
 */
public final class HistoryRows {

    /** The prefix of a shifted row's source. */
    public static final String SHIFTED_SOURCE_PREFIX = "history.";

    /** What the first look at a row found: outside the slice, refused, or its time. */
    public sealed interface Dated permits Outside, Refused, InSlice {
    }

    /** A row created outside {@code --from … --to}. */
    public record Outside() implements Dated {
    }

    /** A row that cannot be imported, and why (one reason per problem, in the ingest API's words). */
    public record Refused(List<String> reasons) implements Dated {
    }

    /** A row inside the slice, with its time in the region's zone (before any shift). */
    public record InSlice(ZonedDateTime createdAt) implements Dated {
    }

    private final HistoryColumns columns;
    private final ZoneId zone;
    private final LocalDate from;
    private final LocalDate to;
    private final String source;
    private final boolean shifted;
    private final MessageParser parser;

    /**
     * @param from    first local date imported (inclusive), or null for no bound
     * @param to      last local date imported (inclusive), or null for no bound
     * @param source  the source of rows without their own
     * @param shifted whether times are moved ({@code --shift-weeks} given, even when it computes to 0 weeks)
     */
    public HistoryRows(HistoryColumns columns, ZoneId zone, LocalDate from, LocalDate to, String source,
                       boolean shifted, MessageParser parser) {
        this.columns = columns;
        this.zone = zone;
        this.from = from;
        this.to = to;
        this.source = source;
        this.shifted = shifted;
        this.parser = parser;
    }

    /** The row's time, or why it is not imported. */
    public Dated date(Map<String, String> row) {
        String value = columns.value(row, Role.CREATED_AT);
        if (value == null) {
            return new Refused(List.of("created_at: is required"));
        }
        ZonedDateTime createdAt;
        try {
            createdAt = TimeShift.parse(value, zone);
        } catch (DateTimeParseException e) {
            return new Refused(List.of("created_at: must be an ISO-8601 time, e.g. 2020-10-18T14:50:40"
                    + " (local, " + zone + ") or 2020-10-18T14:50:40+03:00"));
        }
        LocalDate date = createdAt.toLocalDate();
        if ((from != null && date.isBefore(from)) || (to != null && date.isAfter(to))) {
            return new Outside();
        }
        return new InSlice(createdAt);
    }

    /**
     * The message of a row dated {@code createdAt}, moved by {@code weeks}: the ingest parser's result,
     * a submission or the errors (named by the API's field names).
     */
    public MessageParser.Parsed message(Map<String, String> row, ZonedDateTime createdAt, long weeks) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode item = json.objectNode();
        String rowSource = columns.value(row, Role.SOURCE);
        item.put("source", (shifted ? SHIFTED_SOURCE_PREFIX : "") + (rowSource == null ? source : rowSource));
        String id = columns.value(row, Role.ID);
        item.put("externalId", id != null ? id : digest(row));
        item.put("createdAt", TimeShift.shift(createdAt, weeks).toOffsetDateTime().toString());
        String category = columns.value(row, Role.CATEGORY);
        String topic = columns.value(row, Role.TOPIC);
        if (columns.has(Role.TEXT)) {
            putText(item, "text", columns.value(row, Role.TEXT));
        } else if (category != null) {
            item.put("text", topic == null ? category : category + " — " + topic);
        }
        putNumber(item, "lat", columns.value(row, Role.LATITUDE));
        putNumber(item, "lon", columns.value(row, Role.LONGITUDE));
        putText(item, "address", columns.value(row, Role.ADDRESS));
        putText(item, "municipality", columns.value(row, Role.MUNICIPALITY));
        putText(item, "category", category);
        putText(item, "topic", topic);
        putText(item, "author", columns.value(row, Role.AUTHOR));
        return parser.parse(item, "");
    }

    /** The reasons of a refusal, one per field error: {@code "lat: must be a number"}. */
    public static List<String> reasons(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + ": " + error.message()).toList();
    }

    private static void putText(ObjectNode item, String field, String value) {
        if (value != null) {
            item.put(field, value);
        }
    }

    /** A number when it reads as one; else the text, which the parser refuses naming the field. */
    private static void putNumber(ObjectNode item, String field, String value) {
        if (value == null) {
            return;
        }
        try {
            item.put(field, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            item.put(field, value);
        }
    }

    /** {@code sha256-} and 32 hex digits of the row's own content: its key when it has no id. */
    String digest(Map<String, String> row) {
        StringBuilder content = new StringBuilder();
        for (Role role : List.of(Role.CREATED_AT, Role.TEXT, Role.LATITUDE, Role.LONGITUDE, Role.ADDRESS,
                Role.MUNICIPALITY, Role.CATEGORY, Role.TOPIC, Role.AUTHOR)) {
            String value = columns.value(row, role);
            content.append(value == null ? "" : value).append('\u001f');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
