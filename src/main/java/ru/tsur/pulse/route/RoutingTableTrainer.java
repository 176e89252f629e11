package ru.tsur.pulse.route;

import ru.tsur.pulse.domain.Location;
import ru.tsur.pulse.locate.Gazetteer;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Learns a {@link RoutingTable} from labelled messages (topic, category, municipality, the executor they were
 * routed to): per cell — (topic, municipality), (topic, district), (category, municipality), topic, category,
 * and the whole region — the most frequent executor, with its support (messages of the cell that went to it) and
 * the cell's total. A place-specific cell is kept only when its winner has at least {@code minSupport} messages,
 * so one stray message does not decide a municipality; topic and category cells need one. Ties go to the executor
 * more frequent in the whole training set, then to the alphabetically first, so training is deterministic.
 * Stateless.
 */
public final class RoutingTableTrainer {

    /**
     * One training message. {@code municipalityId} may be null (not placed: the row then teaches only the topic,
     * category and default levels); {@code topic} or {@code categoryId} may be null too.
     */
    public record LabelledRow(String topic, String categoryId, String municipalityId, String executor) {
    }

    /**
     * Training options.
     *
     * @param minSupport            messages the winner of a place-specific cell needs (at least 1)
     * @param districtOf            a municipality id's district (null: none); null function: no district level
     * @param categoryMunicipality  whether to learn the {@code category+municipality} level
     */
    public record Options(int minSupport, Function<String, String> districtOf, boolean categoryMunicipality) {

        public Options {
            if (minSupport < 1) {
                throw new IllegalArgumentException("minSupport must be at least 1: " + minSupport);
            }
        }

        /** Minimum support 2, no districts, with the category+municipality level. */
        public static Options defaults() {
            return new Options(2, null, true);
        }

        public Options withMinSupport(int value) {
            return new Options(value, districtOf, categoryMunicipality);
        }

        public Options withDistricts(Function<String, String> value) {
            return new Options(minSupport, value, categoryMunicipality);
        }

        public Options withCategoryMunicipality(boolean value) {
            return new Options(minSupport, districtOf, value);
        }
    }

    private RoutingTableTrainer() {
    }

    /** {@link #train(List, Options)} with {@link Options#defaults()}. */
    public static RoutingTable train(List<LabelledRow> rows) {
        return train(rows, Options.defaults());
    }

    /**
     * The table learned from the rows (rows without an executor are ignored).
     *
     * @throws IllegalArgumentException when no row has an executor
     */
    public static RoutingTable train(List<LabelledRow> rows, Options options) {
        Map<String, Integer> overall = new HashMap<>();
        for (LabelledRow row : rows) {
            if (hasExecutor(row)) {
                overall.merge(row.executor().strip(), 1, Integer::sum);
            }
        }
        if (overall.isEmpty()) {
            throw new IllegalArgumentException("No labelled row has an executor");
        }
        Map<CellKey, Map<String, Integer>> cells = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> topicCategories = new HashMap<>();
        Map<String, String> topicSpelling = new HashMap<>();
        for (LabelledRow row : rows) {
            if (!hasExecutor(row)) {
                continue;
            }
            String executor = row.executor().strip();
            String topic = blankToNull(row.topic());
            String folded = topic == null ? null : TextNormalizer.foldLine(topic);
            String category = blankToNull(row.categoryId());
            String municipality = blankToNull(row.municipalityId());
            if (Location.UNKNOWN_ID.equals(municipality)) {
                municipality = null;
            }
            if (folded != null) {
                topicSpelling.putIfAbsent(folded, topic.strip());
                if (category != null) {
                    topicCategories.computeIfAbsent(folded, t -> new HashMap<>()).merge(category, 1, Integer::sum);
                }
                count(cells, new CellKey(RoutingTable.Level.TOPIC, folded, null, null), executor);
                if (municipality != null) {
                    count(cells, new CellKey(RoutingTable.Level.TOPIC_MUNICIPALITY, folded, null, municipality), executor);
                    String district = options.districtOf() == null ? null : options.districtOf().apply(municipality);
                    if (district != null) {
                        count(cells, new CellKey(RoutingTable.Level.TOPIC_DISTRICT, folded, null, district), executor);
                    }
                }
            }
            if (category != null) {
                count(cells, new CellKey(RoutingTable.Level.CATEGORY, null, category, null), executor);
                if (municipality != null && options.categoryMunicipality()) {
                    count(cells, new CellKey(RoutingTable.Level.CATEGORY_MUNICIPALITY, null, category, municipality),
                            executor);
                }
            }
            count(cells, new CellKey(RoutingTable.Level.DEFAULT, null, null, null), executor);
        }
        Comparator<Map.Entry<String, Integer>> better = Comparator
                .comparing((Map.Entry<String, Integer> entry) -> entry.getValue())
                .thenComparing(entry -> overall.getOrDefault(entry.getKey(), 0))
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        List<RoutingTable.Row> learned = new ArrayList<>();
        for (Map.Entry<CellKey, Map<String, Integer>> cell : cells.entrySet()) {
            CellKey key = cell.getKey();
            Map.Entry<String, Integer> winner = cell.getValue().entrySet().stream().max(better).orElseThrow();
            int total = cell.getValue().values().stream().mapToInt(Integer::intValue).sum();
            boolean placeSpecific = key.level() == RoutingTable.Level.TOPIC_MUNICIPALITY
                    || key.level() == RoutingTable.Level.TOPIC_DISTRICT
                    || key.level() == RoutingTable.Level.CATEGORY_MUNICIPALITY;
            if (placeSpecific && winner.getValue() < options.minSupport()) {
                continue;
            }
            String topic = key.topic() == null ? null : topicSpelling.get(key.topic());
            String category = key.category();
            if (topic != null) {
                category = Optional.ofNullable(topicCategories.get(key.topic())).flatMap(counts -> counts.entrySet()
                        .stream().max(Map.Entry.<String, Integer>comparingByValue()
                                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                        .map(Map.Entry::getKey)).orElse(null);
            }
            DeadlineClass deadline = topic == null ? DeadlineClass.STANDARD : DeadlineClass.ofTopic(topic);
            learned.add(new RoutingTable.Row(key.level(), topic, category, key.place(), winner.getKey(), deadline,
                    winner.getValue(), total));
        }
        return new RoutingTable(learned, options.districtOf(), RoutingOverrides.empty());
    }

    /**
     * The municipality of a labelled message where the data has no such column (Kursk): the place the text names,
     * else the place the executor's own name names («Администрация Льговского района» → Льговский район;
     * «Комитет … города Курска» → Курск), else null. For training only: at routing time the executor is what we
     * are looking for, so only the text may be used.
     */
    public static String municipalityOf(Gazetteer gazetteer, String text, String executor) {
        return gazetteer.find(text == null ? "" : text)
                .or(() -> gazetteer.find(executor == null ? "" : executor))
                .map(Gazetteer.Match::municipalityId)
                .orElse(null);
    }

    private record CellKey(RoutingTable.Level level, String topic, String category, String place) {
    }

    private static void count(Map<CellKey, Map<String, Integer>> cells, CellKey key, String executor) {
        cells.computeIfAbsent(key, k -> new HashMap<>()).merge(executor, 1, Integer::sum);
    }

    private static boolean hasExecutor(LabelledRow row) {
        return row.executor() != null && !row.executor().isBlank();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
