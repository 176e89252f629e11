package ru.tsur.pulse.tools.training;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
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
import ru.tsur.pulse.tools.Arguments;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

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
@Command(name = "evaluate", sortOptions = false, sortSynopsis = false,
        description = "Evaluates classification and routing on a labelled CSV through the production decision"
                + " path and prints accuracy and macro-F1 per label, then a per-class table.")
public final class EvaluateCommand implements Callable<Integer> {

    /** As in production: {@code pulse.routing.model-confidence} (settable here for experiments). */
    static final double EXECUTOR_CONFIDENCE = Double.parseDouble(System.getProperty("pulse.routing.model-confidence", "0.0"));

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Option(names = "--test", required = true, paramLabel = "FILE", order = 1,
            description = "Labelled CSV to evaluate on (Kursk or St Petersburg format, plain or gzipped).")
    Path test;

    @Option(names = "--train", paramLabel = "FILE", order = 2,
            description = "Train on this labelled CSV first (default: the model shipped in the region pack).")
    Path train;

    @Option(names = "--train-before", paramLabel = "DATE", order = 3, converter = StartOf.class,
            description = "With --train: train on its rows before DATE (2021-01-01 or 2021-01-01T12:00), test on"
                    + " the test file's rows from DATE on.")
    LocalDateTime trainBefore;

    @Option(names = "--cv", paramLabel = "K", order = 4,
            description = "K-fold cross-validation on the test file, folds by a hash of the id.")
    Integer crossValidationFolds;

    @Option(names = "--folds", paramLabel = "FILE", order = 5,
            description = "Cross-validation on the test file with the folds of an id,fold CSV"
                    + " (e.g. scripts/kursk_folds.csv).")
    Path folds;

    @Option(names = "--table", paramLabel = "N", order = 6, defaultValue = "40",
            description = "Rows per class table (default ${DEFAULT-VALUE}).")
    int tableRows;

    /** {@code --train-before}: a date (its start) or a local date-time. */
    static final class StartOf implements ITypeConverter<LocalDateTime> {
        @Override
        public LocalDateTime convert(String text) {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
        }
    }

    @Override
    public Integer call() throws Exception {
        Arguments.readable(spec, "--test", test);
        Arguments.readable(spec, "--train", train);
        Arguments.readable(spec, "--folds", folds);
        Arguments.require(spec, crossValidationFolds == null || folds == null, "--cv and --folds exclude each other");
        Arguments.require(spec, crossValidationFolds == null || crossValidationFolds >= 2, "--cv needs at least 2 folds");
        Arguments.require(spec, train == null || (crossValidationFolds == null && folds == null),
                "--train and cross-validation (--cv, --folds) exclude each other");
        Arguments.require(spec, trainBefore == null || train != null, "--train-before needs --train");
        Arguments.require(spec, tableRows >= 0, "--table must not be negative");
        training.applyClassBalance();
        RegionPack pack = training.pack();
        PrintWriter out = spec.commandLine().getOut();
        List<LabelledMessage> testing = LabelledData.read(test);
        long started = System.nanoTime();
        List<Prediction> predictions = new ArrayList<>();
        if (crossValidationFolds != null || folds != null) {
            Map<String, Integer> foldOf = folds != null ? readFolds(folds) : hashFolds(testing, crossValidationFolds);
            int foldCount = foldOf.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            for (int fold = 0; fold < foldCount; fold++) {
                int held = fold;
                List<LabelledMessage> trainingRows = testing.stream().filter(row -> foldOf.getOrDefault(row.id(), -1) != held).toList();
                List<LabelledMessage> testRows = testing.stream().filter(row -> foldOf.getOrDefault(row.id(), -1) == held).toList();
                predictions.addAll(predict(pack, trainedPath(pack, trainingRows), testRows));
                out.printf(Locale.ROOT, "info fold=%d train=%d test=%d%n", fold, trainingRows.size(), testRows.size());
            }
        } else if (train != null) {
            List<LabelledMessage> trainingRows = LabelledData.read(train);
            if (trainBefore != null) {
                trainingRows = trainingRows.stream().filter(row -> row.createdAt() != null && row.createdAt().isBefore(trainBefore)).toList();
                testing = testing.stream().filter(row -> row.createdAt() != null && !row.createdAt().isBefore(trainBefore)).toList();
            }
            out.printf(Locale.ROOT, "info train=%d test=%d%n", trainingRows.size(), testing.size());
            predictions.addAll(predict(pack, trainedPath(pack, trainingRows), testing));
        } else {
            predictions.addAll(predict(pack, shippedPath(pack), testing));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report(out, predictions, tableRows);
        out.printf(Locale.ROOT, "info seconds=%.1f%n", seconds);
        return 0;
    }

    /** One message's truth and prediction per label (null where unknown), and whether it was flagged for triage. */
    record Prediction(String trueCategory, String category, String trueTopic, String topic, String trueExecutor,
                      String executor, boolean triage) {
    }

    public static DecisionPath shippedPath(RegionPack pack) throws IOException {
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
        return path(pack, model, routing, 0.0);
    }

    /**
     * The production decision path with this model and routing table; {@code triageBelow}: the category
     * probability below which a message is flagged for triage (the service's {@code pulse.classify.triage-below};
     * 0 flags none).
     */
    static DecisionPath path(RegionPack pack, ClassifierModel model, RoutingTable routing, double triageBelow) {
        TextNormalizer normalizer = new TextNormalizer();
        java.util.function.Function<String, String> districtOf = new RegionTraining(pack).districtOf();
        return new DecisionPath(normalizer, new PersonalDataMasker(),
                new TrainedClassifier(model, pack.region().categories(), normalizer, triageBelow,
                        districtOf == null ? municipality -> null : districtOf),
                new MunicipalityLocator(pack, new Gazetteer(pack.region().municipalities())), routing,
                EXECUTOR_CONFIDENCE);
    }

    static List<Prediction> predict(RegionPack pack, DecisionPath path, List<LabelledMessage> rows) {
        return rows.parallelStream().map(row -> prediction(pack, row, decide(path, row))).toList();
    }

    /** What the decision path makes of a labelled row: from its text and point only, as in production. */
    static PreparedMessage decide(DecisionPath path, LabelledMessage row) {
        return path.decide(new IncomingMessage("evaluation", row.id(), Instant.EPOCH, row.text(),
                row.lat(), row.lon(), null, null, null, null, null));
    }

    static Prediction prediction(RegionPack pack, LabelledMessage row, PreparedMessage decided) {
        String trueCategory = ModelTraining.category(pack.region(), row.category()).map(Category::id)
                .orElse(row.category());
        return new Prediction(trueCategory, decided.classification().categoryId(), row.topic(),
                decided.classification().topic(), row.executor(),
                decided.route() == null ? null : decided.route().executor(), decided.classification().triage());
    }

    /** The (truth, prediction) pairs per label present: category, topic, executor, in that order. */
    static Map<String, List<String[]>> pairsByLabel(List<Prediction> predictions) {
        Map<String, List<String[]>> byLabel = new java.util.LinkedHashMap<>();
        for (Prediction prediction : predictions) {
            add(byLabel, "category", prediction.trueCategory(), prediction.category());
            add(byLabel, "topic", prediction.trueTopic(), prediction.topic());
            add(byLabel, "executor", prediction.trueExecutor(), prediction.executor());
        }
        return byLabel;
    }

    static void report(PrintWriter out, List<Prediction> predictions, int tableRows) {
        Map<String, List<String[]>> byLabel = pairsByLabel(predictions);
        byLabel.forEach((label, pairs) -> {
            Scores scores = Scores.of(pairs);
            out.printf(Locale.ROOT, "%s accuracy=%.3f macro_f1=%.3f n=%d%n", label, scores.accuracy(),
                    scores.macroF1(), pairs.size());
        });
        byLabel.forEach((label, pairs) -> {
            out.println();
            out.printf(Locale.ROOT, "%-9s %-60s %9s %9s %9s %7s%n", label, "class", "precision", "recall", "f1", "support");
            Scores.of(pairs).perClass().stream().limit(tableRows).forEach(row ->
                    out.printf(Locale.ROOT, "%-9s %-60s %9.3f %9.3f %9.3f %7d%n", "", shorten(row.label()),
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
