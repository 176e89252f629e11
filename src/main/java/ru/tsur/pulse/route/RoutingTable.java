package ru.tsur.pulse.route;

import ru.tsur.pulse.csv.Csv;
import ru.tsur.pulse.domain.Location;
import ru.tsur.pulse.domain.Route;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A region's routing table: sends a classified, located message to an executor with a deadline class and says
 * which rule decided. Rules are tried in this order, the first that has an answer wins:
 * <ol>
 *   <li>the control room's {@link RoutingOverrides} (most specific matching rule);</li>
 *   <li>learned {@code topic+municipality}: the executor most often given this topic in this municipality;</li>
 *   <li>learned {@code topic+district}: the same per district, where the region has districts (St Petersburg)
 *       and a {@code districtOf} function is given;</li>
 *   <li>learned {@code category+municipality}: the executor most often given this category in this municipality
 *       (a town's own administration handles most of what its residents write, whatever the topic);</li>
 *   <li>learned {@code topic}: the executor most often given this topic anywhere;</li>
 *   <li>learned {@code category};</li>
 *   <li>{@code default}: the executor most often given anything in the region.</li>
 * </ol>
 * Level 4 is not in the plain «topic → category» chain: without it a Льгов message whose topic has too few Льгов
 * examples goes to a Kursk city committee ({@code RoutingKurskEvaluationTest} measures what it is worth on the
 * Kursk data; the figure is in the README, «Classification and routing»).
 * Place-specific cells (levels 2–4) exist only where the winning executor had at least the trainer's minimum
 * support. The route's rule reads {@code override: <conditions>}, {@code learned: <level> (<support> of <total>)}
 * or {@code default}. Deadline class: from the override when it names one; for a learned row with a topic, the row's class
 * (urgent when the topic's name signals danger, {@link DeadlineClass#ofTopic}); for category and default rows,
 * the class of the message's own topic by the same rule, so a dangerous topic never becomes standard by
 * falling back.
 *
 * <p>Shipped in the region pack as {@code regions/<id>/routing.csv} with the columns
 * {@code level,topic,category,municipality,executor,deadline_class,support,total} ({@link #write}, {@link #read});
 * in {@code topic+district} rows the municipality column holds the district's name. Immutable, thread-safe.
 */
public final class RoutingTable {

    /** The columns of {@code routing.csv}. */
    public static final List<String> HEADER =
            List.of("level", "topic", "category", "municipality", "executor", "deadline_class", "support", "total");

    /** A level of the learned table, in the order tried. */
    public enum Level {
        TOPIC_MUNICIPALITY("topic+municipality", "learned: topic+municipality"),
        TOPIC_DISTRICT("topic+district", "learned: topic+district"),
        CATEGORY_MUNICIPALITY("category+municipality", "learned: category+municipality"),
        TOPIC("topic", "learned: topic only"),
        CATEGORY("category", "learned: category"),
        DEFAULT("default", "default");

        private final String id;
        private final String rule;

        Level(String id, String rule) {
            this.id = id;
            this.rule = rule;
        }

        /** The value of the {@code level} column. */
        public String id() {
            return id;
        }

        static Optional<Level> byId(String id) {
            for (Level level : values()) {
                if (level.id.equals(id.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One learned cell: its key (topic, category, municipality or district; null where the level has none), the
     * winning executor, its class, how many training messages of the cell went to it ({@code support}) and how
     * many the cell had ({@code total}).
     */
    public record Row(Level level, String topic, String category, String municipality, String executor,
                      DeadlineClass deadline, int support, int total) {

        public Row {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(executor, "executor");
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    private final List<Row> rows;
    private final Map<String, Row> byKey = new HashMap<>();
    private final Row defaultRow;
    private final Function<String, String> districtOf;
    private final RoutingOverrides overrides;

    /**
     * A table of learned rows (exactly one {@code default} row among them).
     *
     * @param districtOf the district of a municipality id (null when it has none); used by {@code topic+district}
     *                   rows; may be null when the table has none
     */
    public RoutingTable(List<Row> rows, Function<String, String> districtOf, RoutingOverrides overrides) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(ROW_ORDER);
        this.rows = List.copyOf(sorted);
        Row foundDefault = null;
        for (Row row : this.rows) {
            if (row.level() == Level.DEFAULT) {
                if (foundDefault != null) {
                    throw new IllegalArgumentException("A routing table has one default row, found two");
                }
                foundDefault = row;
            } else {
                byKey.put(key(row.level(), row.topic(), row.category(), row.municipality()), row);
            }
        }
        if (foundDefault == null) {
            throw new IllegalArgumentException("A routing table needs a default row");
        }
        this.defaultRow = foundDefault;
        this.districtOf = districtOf == null ? municipality -> null : districtOf;
        this.overrides = overrides == null ? RoutingOverrides.empty() : overrides;
    }

    /** The same learned rows with the control room's overrides on top (replacing any it had). */
    public RoutingTable withOverrides(RoutingOverrides newOverrides) {
        return new RoutingTable(rows, districtOf, newOverrides);
    }

    /** The same rows and overrides, with the function giving a municipality's district. */
    public RoutingTable withDistricts(Function<String, String> newDistrictOf) {
        return new RoutingTable(rows, newDistrictOf, overrides);
    }

    /** The learned rows, in file order. */
    public List<Row> rows() {
        return rows;
    }

    public RoutingOverrides overrides() {
        return overrides;
    }

    /** Every executor the table or its overrides can route to (what an operator may assign a case to). */
    public java.util.Set<String> executors() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        rows.forEach(row -> {
            if (row.executor() != null && !row.executor().isBlank()) {
                names.add(row.executor());
            }
        });
        overrides.rules().forEach(rule -> {
            if (rule.executor() != null && !rule.executor().isBlank()) {
                names.add(rule.executor());
            }
        });
        return names;
    }

    /**
     * Where a message goes.
     *
     * @param topic          the fine topic (null or blank when unknown)
     * @param categoryId     the category id of the region's taxonomy (null when unknown)
     * @param municipalityId the municipality id (null or {@code unknown} when not placed)
     */
    public Route route(String topic, String categoryId, String municipalityId) {
        return candidates(topic, categoryId, municipalityId).get(0);
    }

    /**
     * Every route the table has for a message, most specific first: the override that matches (if any), then each
     * learned level that has a cell for it, down to the default — the order {@link #route} tries them in, so
     * {@code candidates(…).get(0)} is {@code route(…)}. When an executor rejects a case, the next candidate with
     * another executor is where the table would have sent it had the first cell not existed.
     */
    public List<Route> candidates(String topic, String categoryId, String municipalityId) {
        String folded = topic == null || topic.isBlank() ? null : TextNormalizer.foldLine(topic);
        String category = categoryId == null || categoryId.isBlank() ? null : categoryId;
        String municipality = municipalityId == null || municipalityId.isBlank() || Location.UNKNOWN_ID.equals(municipalityId)
                ? null : municipalityId;
        List<Route> learned = learned(topic, folded, category, municipality);
        List<Route> candidates = new ArrayList<>();
        overrides.match(topic, category, municipality).ifPresent(rule -> candidates.add(new Route(rule.executor(),
                rule.deadline() != null ? rule.deadline().id() : learned.get(0).deadlineClass(), rule.describe())));
        candidates.addAll(learned);
        return candidates;
    }

    /** The learned routes that apply, in the order tried; the default always last. */
    private List<Route> learned(String topic, String folded, String category, String municipality) {
        List<Route> routes = new ArrayList<>();
        if (folded != null && municipality != null) {
            add(routes, byKey.get(key(Level.TOPIC_MUNICIPALITY, folded, null, municipality)), topic);
            String district = districtOf.apply(municipality);
            if (district != null) {
                add(routes, byKey.get(key(Level.TOPIC_DISTRICT, folded, null, district)), topic);
            }
        }
        if (category != null && municipality != null) {
            add(routes, byKey.get(key(Level.CATEGORY_MUNICIPALITY, null, category, municipality)), topic);
        }
        if (folded != null) {
            add(routes, byKey.get(key(Level.TOPIC, folded, null, null)), topic);
        }
        if (category != null) {
            add(routes, byKey.get(key(Level.CATEGORY, null, category, null)), topic);
        }
        add(routes, defaultRow, topic);
        return routes;
    }

    private static void add(List<Route> routes, Row row, String topic) {
        if (row != null) {
            routes.add(route(row, topic));
        }
    }

    private static Route route(Row row, String topic) {
        boolean topicRow = row.level() == Level.TOPIC_MUNICIPALITY || row.level() == Level.TOPIC_DISTRICT
                || row.level() == Level.TOPIC;
        DeadlineClass deadline = topicRow ? row.deadline() : DeadlineClass.ofTopic(topic);
        String rule = row.level() == Level.DEFAULT
                ? row.level().rule
                : row.level().rule + " (" + row.support() + " of " + row.total() + ")";
        return new Route(row.executor(), deadline.id(), rule);
    }

    /** The key of a cell: topics folded; the category is part of the key only on category levels. */
    private static String key(Level level, String topic, String category, String place) {
        boolean topicLevel = level == Level.TOPIC_MUNICIPALITY || level == Level.TOPIC_DISTRICT || level == Level.TOPIC;
        String topicPart = topicLevel && topic != null ? TextNormalizer.foldLine(topic) : "";
        String categoryPart = topicLevel || category == null ? "" : category;
        boolean placeLevel = level == Level.TOPIC_MUNICIPALITY || level == Level.TOPIC_DISTRICT
                || level == Level.CATEGORY_MUNICIPALITY;
        String placePart = placeLevel && place != null ? place : "";
        return level.id() + "\u0000" + topicPart + "\u0000" + categoryPart + "\u0000" + placePart;
    }

    private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::level)
            .thenComparing(row -> nullToEmpty(row.topic()))
            .thenComparing(row -> nullToEmpty(row.category()))
            .thenComparing(row -> nullToEmpty(row.municipality()));

    /** Writes {@code routing.csv}: the header, then the rows by level, topic, category, municipality. */
    public void write(Writer output) {
        Csv.writeRow(output, HEADER);
        for (Row row : rows) {
            Csv.writeRow(output, List.of(row.level().id(), nullToEmpty(row.topic()), nullToEmpty(row.category()),
                    nullToEmpty(row.municipality()), row.executor(), row.deadline().id(),
                    Integer.toString(row.support()), Integer.toString(row.total())));
        }
    }

    /**
     * Reads {@code routing.csv}, without districts and overrides ({@link #withDistricts}, {@link #withOverrides}).
     *
     * @throws RoutingConfigException listing every problem (line and column), when there is any
     */
    public static RoutingTable read(Reader input) {
        List<Csv.Row> records = Csv.read(input);
        if (records.isEmpty()) {
            throw new RoutingConfigException("routing table", List.of("line 1: the file is empty"));
        }
        Csv.Row header = records.get(0);
        List<String> headerFields = header.fields().stream().map(field -> field.strip().toLowerCase(Locale.ROOT)).toList();
        if (!headerFields.equals(HEADER)) {
            throw new RoutingConfigException("routing table", List.of("line " + header.line() + ": the header must be "
                    + String.join(",", HEADER) + ", found " + String.join(",", header.fields())));
        }
        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int defaults = 0;
        for (Csv.Row record : records.subList(1, records.size())) {
            int line = record.line();
            if (record.fields().size() != HEADER.size()) {
                problems.add("line " + line + ": " + record.fields().size() + " fields, expected " + HEADER.size());
                continue;
            }
            int before = problems.size();
            Optional<Level> level = Level.byId(record.get(0));
            if (level.isEmpty()) {
                problems.add("line " + line + ", column level: unknown level «" + record.get(0) + "»");
            }
            String topic = emptyToNull(record.get(1));
            String category = emptyToNull(record.get(2));
            String municipality = emptyToNull(record.get(3));
            if (level.isPresent()) {
                Level known = level.get();
                boolean needsTopic = known == Level.TOPIC_MUNICIPALITY || known == Level.TOPIC_DISTRICT
                        || known == Level.TOPIC;
                boolean needsPlace = known == Level.TOPIC_MUNICIPALITY || known == Level.TOPIC_DISTRICT
                        || known == Level.CATEGORY_MUNICIPALITY;
                boolean needsCategory = known == Level.CATEGORY_MUNICIPALITY || known == Level.CATEGORY;
                if (needsTopic && topic == null) {
                    problems.add("line " + line + ", column topic: empty topic in a " + known.id() + " row");
                }
                if (needsPlace && municipality == null) {
                    problems.add("line " + line + ", column municipality: empty in a " + known.id() + " row");
                }
                if (needsCategory && category == null) {
                    problems.add("line " + line + ", column category: empty category in a " + known.id() + " row");
                }
                if (known == Level.DEFAULT) {
                    defaults++;
                }
            }
            String executor = emptyToNull(record.get(4));
            if (executor == null) {
                problems.add("line " + line + ", column executor: empty executor");
            }
            Optional<DeadlineClass> deadline = DeadlineClass.byId(record.get(5));
            if (deadline.isEmpty()) {
                problems.add("line " + line + ", column deadline_class: unknown deadline class «" + record.get(5)
                        + "» (expected urgent, standard or extended)");
            }
            Integer support = count(record.get(6), line, "support", problems);
            Integer total = count(record.get(7), line, "total", problems);
            if (support != null && total != null && support > total) {
                problems.add("line " + line + ", column support: " + support + " is more than the total " + total);
            }
            if (problems.size() > before) {
                continue;
            }
            String key = key(level.get(), topic, category, municipality);
            Integer first = seen.putIfAbsent(key, line);
            if (first != null) {
                problems.add("line " + line + ": duplicate " + level.get().id() + " row, the same cell as line " + first);
                continue;
            }
            rows.add(new Row(level.get(), topic, category, municipality, executor, deadline.get(), support, total));
        }
        if (problems.isEmpty() && defaults == 0) {
            problems.add("line " + (records.get(records.size() - 1).line() + 1) + ": no default row");
        }
        if (!problems.isEmpty()) {
            throw new RoutingConfigException("routing table", problems);
        }
        return new RoutingTable(rows, null, null);
    }

    private static Integer count(String cell, int line, String column, List<String> problems) {
        try {
            int value = Integer.parseInt(cell.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("line " + line + ", column " + column + ": «" + cell + "» is not a count");
        return null;
    }

    private static String emptyToNull(String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
