package ru.tsur.pulse.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import ru.tsur.pulse.classify.ClassifierModel;
import ru.tsur.pulse.classify.TrainedClassifier;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.locate.Gazetteer;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.pipeline.DecisionPath;
import ru.tsur.pulse.privacy.PersonalDataMasker;
import ru.tsur.pulse.route.RoutingTable;
import ru.tsur.pulse.region.RegionModels;
import ru.tsur.pulse.csv.CsvReader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code scripts/evaluate.sh --region spb|kursk --test FILE [--train FILE] [--train-before DATE]
 * [--cv K | --folds FILE] [--table N]}: runs labelled messages through the production decision path
 * (normalize → classify → locate → route; the text, point and address only — never the labels) and
 * prints, per label present, {@code category accuracy=0.912 macro_f1=0.801 n=981}, then a per-class table.
 * <ul>
 *   <li>no {@code --train}: the model and routing table shipped in the region pack;</li>
 *   <li>{@code --train FILE}: trains on FILE first (same code as the train command); with the same file
 *       as {@code --test} and {@code --train-before 2021-01-01}, rows before the date train and the rest test;</li>
 *   <li>{@code --cv K}: K-fold cross-validation on the test file (folds by a hash of the id), or
 *       {@code --folds FILE} with an {@code id,fold} CSV (e.g. the folds of scripts/baseline_sklearn.py).</li>
 * </ul>
 * Macro-F1 is the mean F1 over the labels present in the truth or the predictions, over all predictions
 * pooled (for cross-validation, the out-of-fold predictions).
 */
public final class EvaluateCommand {

    /** As in production: {@code pulse.routing.model-confidence} (settable here for experiments). */
    static final double EXECUTOR_CONFIDENCE = Double.parseDouble(System.getProperty("pulse.routing.model-confidence", "0.0"));

    private EvaluateCommand() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine options = CommandLine.parse(args, List.of("--region", "--test"),
                List.of("--train", "--train-before", "--cv", "--folds", "--table", "--class-balance"));
        if (options.has("--class-balance")) {
            System.setProperty("pulse.train.class-balance", options.get("--class-balance"));
        }
        RegionPack pack = RegionPack.load(options.get("--region"), new ObjectMapper());
        List<LabelledMessage> test = LabelledData.read(Path.of(options.get("--test")));
        int tableRows = Integer.parseInt(options.getOrDefault("--table", "40"));
        long started = System.nanoTime();
        List<Prediction> predictions = new ArrayList<>();
        if (options.has("--cv") || options.has("--folds")) {
            Map<String, Integer> folds = options.has("--folds") ? readFolds(Path.of(options.get("--folds")))
                    : hashFolds(test, Integer.parseInt(options.get("--cv")));
            int foldCount = folds.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            for (int fold = 0; fold < foldCount; fold++) {
                int held = fold;
                List<LabelledMessage> training = test.stream().filter(row -> folds.getOrDefault(row.id(), -1) != held).toList();
                List<LabelledMessage> testing = test.stream().filter(row -> folds.getOrDefault(row.id(), -1) == held).toList();
                predictions.addAll(predict(pack, trainedPath(pack, training), testing));
                System.out.printf(Locale.ROOT, "info fold=%d train=%d test=%d%n", fold, training.size(), testing.size());
            }
        } else if (options.has("--train")) {
            List<LabelledMessage> training = LabelledData.read(Path.of(options.get("--train")));
            if (options.has("--train-before")) {
                LocalDateTime cut = startOf(options.get("--train-before"));
                training = training.stream().filter(row -> row.createdAt() != null && row.createdAt().isBefore(cut)).toList();
                test = test.stream().filter(row -> row.createdAt() != null && !row.createdAt().isBefore(cut)).toList();
            }
            System.out.printf(Locale.ROOT, "info train=%d test=%d%n", training.size(), test.size());
            predictions.addAll(predict(pack, trainedPath(pack, training), test));
        } else {
            predictions.addAll(predict(pack, shippedPath(pack), test));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report(predictions, tableRows);
        System.out.printf(Locale.ROOT, "info seconds=%.1f%n", seconds);
    }

    private static LocalDateTime startOf(String text) {
        return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
    }

    /** One message's truth and prediction per label (null where unknown). */
    record Prediction(String trueCategory, String category, String trueTopic, String topic, String trueExecutor,
                      String executor) {
    }

    static DecisionPath shippedPath(RegionPack pack) throws IOException {
        ClassifierModel model = RegionModels.model(pack.region().id())
                .orElseThrow(() -> new IllegalStateException("Region " + pack.region().id() + " ships no model.bin; train one"));
        RoutingTable routing = RegionModels.routing(pack.region().id())
                .orElseThrow(() -> new IllegalStateException("Region " + pack.region().id() + " ships no routing.csv; train one"));
        return path(pack, model, routing.withDistricts(new RegionTraining(pack).districtOf()));
    }

    static DecisionPath trainedPath(RegionPack pack, List<LabelledMessage> training) {
        RegionTraining.Trained trained = new RegionTraining(pack).train(training, "evaluation");
        return path(pack, trained.model(), trained.routing());
    }

    private static DecisionPath path(RegionPack pack, ClassifierModel model, RoutingTable routing) {
        TextNormalizer normalizer = new TextNormalizer();
        java.util.function.Function<String, String> districtOf = new RegionTraining(pack).districtOf();
        return new DecisionPath(normalizer, new PersonalDataMasker(),
                new TrainedClassifier(model, pack.region().categories(), normalizer, 0.0,
                        districtOf == null ? municipality -> null : districtOf),
                new MunicipalityLocator(pack, new Gazetteer(pack.region().municipalities())), routing,
                EXECUTOR_CONFIDENCE);
    }

    static List<Prediction> predict(RegionPack pack, DecisionPath path, List<LabelledMessage> rows) {
        return rows.parallelStream().map(row -> {
            IncomingMessage message = new IncomingMessage("evaluation", row.id(), Instant.EPOCH, row.text(),
                    row.lat(), row.lon(), null, null, null, null, null);
            PreparedMessage decided = path.decide(message);
            String trueCategory = ModelTraining.category(pack.region(), row.category()).map(Category::id)
                    .orElse(row.category());
            return new Prediction(trueCategory, decided.classification().categoryId(), row.topic(),
                    decided.classification().topic(), row.executor(),
                    decided.route() == null ? null : decided.route().executor());
        }).toList();
    }

    static void report(List<Prediction> predictions, int tableRows) {
        Map<String, List<String[]>> byLabel = new java.util.LinkedHashMap<>();
        for (Prediction prediction : predictions) {
            add(byLabel, "category", prediction.trueCategory(), prediction.category());
            add(byLabel, "topic", prediction.trueTopic(), prediction.topic());
            add(byLabel, "executor", prediction.trueExecutor(), prediction.executor());
        }
        byLabel.forEach((label, pairs) -> {
            Scores scores = Scores.of(pairs);
            System.out.printf(Locale.ROOT, "%s accuracy=%.3f macro_f1=%.3f n=%d%n", label, scores.accuracy(),
                    scores.macroF1(), pairs.size());
        });
        byLabel.forEach((label, pairs) -> {
            System.out.println();
            System.out.printf(Locale.ROOT, "%-9s %-60s %9s %9s %9s %7s%n", label, "class", "precision", "recall", "f1", "support");
            Scores.of(pairs).perClass().stream().limit(tableRows).forEach(row ->
                    System.out.printf(Locale.ROOT, "%-9s %-60s %9.3f %9.3f %9.3f %7d%n", "", shorten(row.label()),
                            row.precision(), row.recall(), row.f1(), row.support()));
        });
    }

    private static void add(Map<String, List<String[]>> byLabel, String label, String truth, String predicted) {
        if (truth != null) {
            byLabel.computeIfAbsent(label, key -> new ArrayList<>()).add(new String[]{truth, predicted == null ? "" : predicted});
        }
    }

    private static String shorten(String label) {
        return label.length() <= 60 ? label : label.substring(0, 57) + "...";
    }

    private static Map<String, Integer> readFolds(Path file) throws IOException {
        Map<String, Integer> folds = new HashMap<>();
        try (CsvReader csv = CsvReader.open(file)) {
            Map<String, String> row;
            while ((row = csv.next()) != null) {
                folds.put(row.get("id"), Integer.parseInt(row.get("fold")));
            }
        }
        return folds;
    }

    private static Map<String, Integer> hashFolds(List<LabelledMessage> rows, int count) {
        Map<String, Integer> folds = new HashMap<>();
        rows.forEach(row -> folds.put(row.id(), Math.floorMod(row.id().hashCode() * 0x9E3779B1 + 7, count)));
        return folds;
    }
}
