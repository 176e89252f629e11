package ru.tsur.pulse.route;

import ru.tsur.pulse.csv.Csv;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.locate.NameIndex;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The control room's own routing rules, which win over everything learned: a CSV file it edits, with the header
 * {@code topic,category,municipality,executor,deadline_class,comment}. An empty condition cell means «any»;
 * {@code category} is a category id, name or source code of the region («k03-housing-utilities», «ЖКХ», «3»);
 * {@code municipality} an id or any name the region's {@link NameIndex} knows («kursk-gorod-kursk»,
 * «г. Курск»); {@code topic} is compared ignoring case, «ё»/«е» and repeated spaces. An empty
 * {@code deadline_class} keeps the class the learned route would give; {@code comment} is free text.
 *
 * <p>When several rules match, the more specific wins: more conditions first; with as many conditions, the
 * one whose conditions are topic before municipality before category (topic+municipality, topic+category,
 * municipality+category, topic, municipality, category, none). Two rules with the same conditions are a
 * duplicate and rejected, so the winner is always unique.
 *
 * <p>Validated when read: every problem (bad header, wrong number of fields, unknown municipality or category,
 * empty executor, unknown deadline class, duplicate rule) is collected and thrown together in one
 * {@link RoutingConfigException} naming line and column. Immutable, thread-safe.
 */
public final class RoutingOverrides {

    /** The header the file must start with. */
    public static final List<String> HEADER =
            List.of("topic", "category", "municipality", "executor", "deadline_class", "comment");

    /** One rule; null conditions mean «any»; {@code deadline} null keeps the learned class. */
    public record Rule(int line, String topic, String categoryId, String municipalityId, String executor,
                       DeadlineClass deadline, String comment) {

        /** Specificity rank, higher wins: conditions count, then topic, municipality, category. */
        int rank() {
            int count = (topic != null ? 1 : 0) + (municipalityId != null ? 1 : 0) + (categoryId != null ? 1 : 0);
            return count * 8 + (topic != null ? 4 : 0) + (municipalityId != null ? 2 : 0) + (categoryId != null ? 1 : 0);
        }

        boolean matches(String foldedTopic, String category, String municipality) {
            return (topic == null || TextNormalizer.foldLine(topic).equals(foldedTopic))
                    && (categoryId == null || categoryId.equals(category))
                    && (municipalityId == null || municipalityId.equals(municipality));
        }

        /** {@code override: topic=«…», category=…, municipality=…} — the conditions that matched. */
        String describe() {
            List<String> conditions = new ArrayList<>();
            if (topic != null) {
                conditions.add("topic=«" + topic + "»");
            }
            if (categoryId != null) {
                conditions.add("category=" + categoryId);
            }
            if (municipalityId != null) {
                conditions.add("municipality=" + municipalityId);
            }
            return "override: " + (conditions.isEmpty() ? "any" : String.join(", ", conditions));
        }
    }

    private static final RoutingOverrides EMPTY = new RoutingOverrides(List.of());

    private final List<Rule> rules; // most specific first

    private RoutingOverrides(List<Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(Rule::rank).reversed().thenComparingInt(Rule::line));
        this.rules = List.copyOf(sorted);
    }

    /** No overrides. */
    public static RoutingOverrides empty() {
        return EMPTY;
    }

    /** Rules as given (already validated), for code and tests that build overrides without a file. */
    public static RoutingOverrides of(List<Rule> rules) {
        return new RoutingOverrides(rules);
    }

    /** The rules, most specific first. */
    public List<Rule> rules() {
        return rules;
    }

    /** The most specific rule matching the message, if any. */
    public Optional<Rule> match(String topic, String categoryId, String municipalityId) {
        String foldedTopic = topic == null ? null : TextNormalizer.foldLine(topic);
        for (Rule rule : rules) {
            if (rule.matches(foldedTopic, categoryId, municipalityId)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads and validates an overrides file against the region's municipalities and categories.
     *
     * @throws RoutingConfigException listing every problem, when there is any
     */
    public static RoutingOverrides read(Reader input, Region region) {
        List<Csv.Row> rows = Csv.read(input);
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            throw new RoutingConfigException("routing overrides",
                    List.of("line 1: the file is empty; it must start with the header " + String.join(",", HEADER)));
        }
        Csv.Row header = rows.get(0);
        List<String> headerFields = header.fields().stream().map(field -> field.strip().toLowerCase(Locale.ROOT)).toList();
        if (!headerFields.equals(HEADER)) {
            throw new RoutingConfigException("routing overrides", List.of("line " + header.line()
                    + ": the header must be " + String.join(",", HEADER) + ", found " + String.join(",", header.fields())));
        }
        NameIndex municipalities = new NameIndex(region.municipalities());
        Map<String, String> categories = categoryIds(region);
        Map<String, Integer> seen = new HashMap<>();
        List<Rule> rules = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            int line = row.line();
            if (row.fields().size() != HEADER.size() && row.fields().size() != HEADER.size() - 1) {
                problems.add("line " + line + ": " + row.fields().size() + " fields, expected " + HEADER.size()
                        + " (" + String.join(",", HEADER) + ")");
                continue;
            }
            int before = problems.size();
            String topic = emptyToNull(row.get(0));
            String categoryCell = emptyToNull(row.get(1));
            String categoryId = null;
            if (categoryCell != null) {
                categoryId = categories.get(TextNormalizer.foldLine(categoryCell));
                if (categoryId == null) {
                    problems.add("line " + line + ", column category: unknown category «" + categoryCell
                            + "» (not an id, name or code of a category of " + region.id() + ")");
                }
            }
            String municipalityCell = emptyToNull(row.get(2));
            String municipalityId = null;
            if (municipalityCell != null) {
                municipalityId = municipalities.find(municipalityCell).orElse(null);
                if (municipalityId == null) {
                    problems.add("line " + line + ", column municipality: unknown municipality «" + municipalityCell
                            + "» (not an id or a name of a municipality of " + region.id() + ")");
                }
            }
            String executor = emptyToNull(row.get(3));
            if (executor == null) {
                problems.add("line " + line + ", column executor: empty executor");
            }
            String deadlineCell = emptyToNull(row.get(4));
            DeadlineClass deadline = null;
            if (deadlineCell != null) {
                deadline = DeadlineClass.byId(deadlineCell).orElse(null);
                if (deadline == null) {
                    problems.add("line " + line + ", column deadline_class: unknown deadline class «" + deadlineCell
                            + "» (expected urgent, standard, extended or empty)");
                }
            }
            if (problems.size() > before) {
                continue;
            }
            String key = (topic == null ? "" : TextNormalizer.foldLine(topic))
                    + "\u0000" + (categoryId == null ? "" : categoryId)
                    + "\u0000" + (municipalityId == null ? "" : municipalityId);
            Integer first = seen.putIfAbsent(key, line);
            if (first != null) {
                problems.add("line " + line + ": duplicate rule, the same topic, category and municipality as line "
                        + first);
                continue;
            }
            rules.add(new Rule(line, topic, categoryId, municipalityId, executor, deadline, row.get(5).strip()));
        }
        if (!problems.isEmpty()) {
            throw new RoutingConfigException("routing overrides", problems);
        }
        return new RoutingOverrides(rules);
    }

    private static Map<String, String> categoryIds(Region region) {
        Map<String, String> ids = new HashMap<>();
        for (Category category : region.categories()) {
            ids.put(TextNormalizer.foldLine(category.id()), category.id());
            ids.putIfAbsent(TextNormalizer.foldLine(category.name()), category.id());
            if (category.code() != null) {
                ids.putIfAbsent(TextNormalizer.foldLine(category.code()), category.id());
            }
        }
        return ids;
    }

    private static String emptyToNull(String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }
}
