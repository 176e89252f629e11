package ru.tsur.pulse.route;

import ru.tsur.pulse.csv.Csv;
import ru.tsur.pulse.domain.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.locate.Gazetteer;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.route.RoutingTableTrainer.LabelledRow;
import ru.tsur.pulse.route.RoutingTableTrainer.Options;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How well the learned table routes the labelled Kursk messages, by 5-fold cross-validation with the TRUE topics
 * and the place the gazetteer finds in the text: the ceiling of «topic + place» routing before any text model.
 * Training rows take their municipality from the text, else from the executor's name; test rows from the text only
 * (the executor is what is being predicted). Prints the figures; skipped when the reference data is absent.
 */
class RoutingKurskEvaluationTest {

    private static final Path DATA = Path.of("../shared/data/kursk/train.csv");
    /** The folds the project's scikit-learn baseline used (id,fold), so the figures compare; else a fixed shuffle. */
    private static final Path BASELINE_FOLDS = Path.of("scripts/kursk_folds.csv");
    private static final int FOLDS = 5;

    private record Message(String topic, String categoryId, String executor, String placeInText, String placeForTraining,
                           int fold) {
    }

    private static List<Message> messages;
    private static String foldSource;

    @BeforeAll
    static void load() throws IOException {
        assumeTrue(Files.isReadable(DATA), "reference data " + DATA + " not present");
        Region kursk = RegionPack.load("kursk", new ObjectMapper()).region();
        Gazetteer gazetteer = new Gazetteer(kursk.municipalities());
        TextNormalizer normalizer = new TextNormalizer();
        Map<String, String> categoryByCode = new HashMap<>();
        for (Category category : kursk.categories()) {
            if (category.code() != null) {
                categoryByCode.put(category.code(), category.id());
            }
        }
        List<Csv.Row> records;
        try (Reader reader = Files.newBufferedReader(DATA, StandardCharsets.UTF_8)) {
            records = Csv.read(reader);
        }
        Map<String, Integer> baselineFolds = new HashMap<>();
        if (Files.isReadable(BASELINE_FOLDS)) {
            try (Reader reader = Files.newBufferedReader(BASELINE_FOLDS, StandardCharsets.UTF_8)) {
                List<Csv.Row> folds = Csv.read(reader);
                for (Csv.Row row : folds.subList(1, folds.size())) {
                    baselineFolds.put(row.get(0).strip(), Integer.parseInt(row.get(1).strip()));
                }
            }
        }
        List<Integer> shuffled = new ArrayList<>();
        for (int index = 0; index < records.size() - 1; index++) {
            shuffled.add(index % FOLDS);
        }
        Collections.shuffle(shuffled, new Random(42));
        List<String> header = records.get(0).fields();
        int id = header.indexOf("id");
        int text = header.indexOf("text");
        int topic = header.indexOf("topic");
        int executor = header.indexOf("executor");
        int category = header.indexOf("category");
        messages = new ArrayList<>();
        boolean useBaselineFolds = !baselineFolds.isEmpty();
        foldSource = useBaselineFolds ? "the baseline's folds (" + BASELINE_FOLDS + ")" : "a fixed shuffle (seed 42)";
        for (Csv.Row record : records.subList(1, records.size())) {
            String plain = normalizer.normalize(record.get(text));
            int fold = useBaselineFolds ? baselineFolds.get(record.get(id).strip()) : shuffled.get(messages.size());
            messages.add(new Message(record.get(topic), categoryByCode.get(record.get(category)), record.get(executor),
                    gazetteer.find(plain).map(Gazetteer.Match::municipalityId).orElse(null),
                    RoutingTableTrainer.municipalityOf(gazetteer, plain, record.get(executor)), fold));
        }
    }

    /**
     * Accuracy of 5-fold cross-validation (mean of the per-fold accuracies, as the baseline reports), with the
     * share of test rows and the accuracy per rule.
     */
    private static double crossValidate(Options options, boolean usePlace, String label) {
        double sumOfAccuracies = 0;
        Map<String, int[]> byRule = new TreeMap<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<LabelledRow> training = new ArrayList<>();
            List<Message> test = new ArrayList<>();
            for (Message message : messages) {
                if (message.fold() == fold) {
                    test.add(message);
                } else {
                    training.add(new LabelledRow(message.topic(), message.categoryId(),
                            usePlace ? message.placeForTraining() : null, message.executor()));
                }
            }
            RoutingTable table = RoutingTableTrainer.train(training, options);
            int right = 0;
            for (Message message : test) {
                Route route = table.route(message.topic(), message.categoryId(), usePlace ? message.placeInText() : null);
                boolean correct = route.executor().equals(message.executor());
                right += correct ? 1 : 0;
                int[] counts = byRule.computeIfAbsent(route.rule().replaceAll(" \\(.*", ""), rule -> new int[2]);
                counts[0]++;
                counts[1] += correct ? 1 : 0;
            }
            sumOfAccuracies += right / (double) test.size();
        }
        double accuracy = sumOfAccuracies / FOLDS;
        StringBuilder rules = new StringBuilder();
        byRule.forEach((rule, counts) -> rules.append(String.format("%n    %-32s %4d rows, %5.1f%% right", rule,
                counts[0], 100.0 * counts[1] / counts[0])));
        System.out.printf("Kursk routing, 5-fold CV on %s, true topics, %s: accuracy %.3f%s%n", foldSource, label,
                accuracy, rules);
        return accuracy;
    }

    @Test
    void topicsAndPlaceRouteBetterThanTopicsAlone() {
        long placed = messages.stream().filter(message -> message.placeInText() != null).count();
        long placedForTraining = messages.stream().filter(message -> message.placeForTraining() != null).count();
        System.out.printf("Kursk: %d messages, place found in the text of %d, training rows with a place %d%n",
                messages.size(), placed, placedForTraining);
        double topicOnly = crossValidate(Options.defaults(), false, "no place (topic → category → default)");
        double withPlace = crossValidate(Options.defaults(), true, "gazetteer place, min support 2 (the default)");
        crossValidate(Options.defaults().withMinSupport(1), true, "gazetteer place, min support 1");
        crossValidate(Options.defaults().withMinSupport(3), true, "gazetteer place, min support 3");
        crossValidate(Options.defaults().withCategoryMunicipality(false), true,
                "gazetteer place, min support 2, without category+municipality");
        assertThat(withPlace).isGreaterThan(topicOnly);
        assertThat(withPlace).isGreaterThan(0.40);
    }
}
