package ru.tsur.pulse.tools.training;

import ru.tsur.pulse.classify.CategoryLabels;
import ru.tsur.pulse.classify.ClassifierModel;
import ru.tsur.pulse.classify.LinearModel;
import ru.tsur.pulse.classify.LinearModelTrainer;
import ru.tsur.pulse.classify.SparseVector;
import ru.tsur.pulse.classify.TextFeatures;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Trains a region's {@link ClassifierModel} from labelled messages: features and IDF from the training
 * texts, a category head and an executor head (text plus place) by AdaGrad and a topic head by the exact dual
 * solver (see {@link #topicLoss}), trained in parallel, each head's temperature fitted on a
 * held-out tenth (chosen by a hash of the message id, so it is reproducible; the provisional head for this
 * trains two thirds of the epochs) before the final heads are trained on everything. Deterministic for the same data and settings.
 */
public final class ModelTraining {

    /** Feature hashing space: 2^19 buckets. */
    public static final int BITS = 19;

    private final Region region;
    private final LinearModelTrainer.Settings categorySettings;
    private final LinearModelTrainer.Settings topicSettings;
    private final LinearModelTrainer.Settings executorSettings;
    private final TextFeatures features = new TextFeatures(new TextNormalizer(), BITS);

    public ModelTraining(Region region) {
        this(region, LinearModelTrainer.Settings.defaults().withBudget(Integer.getInteger("pulse.train.category-budget", 350_000)),
                topicSettings(),
                LinearModelTrainer.Settings.defaults().withBudget(500_000));
    }

    /**
     * The topic head's C is this over the square root of its number of labelled examples. C multiplies a sum
     * of losses over the examples, so a fixed C regularises less as the data grows; the best C on Kursk (about
     * 1,600 training rows per fold: C = 2) and on St Petersburg (22,000 rows: C = 0.25–0.5) both lie on
     * 80/√n, while C ∝ 1/n would be too weak a C for St Petersburg (README, «Classification and routing»).
     */
    static final double TOPIC_COST_TIMES_ROOT_EXAMPLES = Double.parseDouble(
            System.getProperty("pulse.train.topic-cost-times-root-examples", "80"));

    /**
     * The topic head's loss: the exact dual solver (on the Kursk folds 0.553 topic accuracy against AdaGrad's
     * 0.541, St Petersburg 0.768 against 0.760); switch for experiments: {@code pulse.train.topic-loss}.
     */
    static LinearModelTrainer.Loss topicLoss() {
        return LinearModelTrainer.Loss.valueOf(System.getProperty("pulse.train.topic-loss", "DUAL"));
    }

    /** Topic head: the most passes of the dual solver {@code pulse.train.topic-passes} (200; it stops on convergence). */
    private static LinearModelTrainer.Settings topicSettings() {
        return LinearModelTrainer.Settings.defaults().withBudget(Integer.getInteger("pulse.train.topic-budget", 600_000))
                .withLoss(topicLoss())
                .withEpochs(Integer.getInteger("pulse.train.topic-passes", 200));
    }

    public ModelTraining(Region region, LinearModelTrainer.Settings categorySettings,
                         LinearModelTrainer.Settings topicSettings, LinearModelTrainer.Settings executorSettings) {
        this.region = region;
        this.categorySettings = categorySettings;
        this.topicSettings = topicSettings;
        this.executorSettings = executorSettings;
    }

    /** The region category a label of the data designates (by id, name or source code). */
    public static Optional<Category> category(Region region, String label) {
        return new CategoryLabels(region.categories()).find(label);
    }

    /**
     * @param placeOf where each message happened, as serving will see it (municipality id and district,
     *                either may be null) — read by the executor head
     */
    public ClassifierModel train(List<LabelledMessage> messages, String description,
                                 Function<LabelledMessage, String[]> placeOf) {
        List<TextFeatures.Counts> counts = messages.parallelStream().map(message -> features.counts(message.text()))
                .toList();
        float[] idf = idf(counts, features.buckets());
        List<SparseVector> vectors = counts.parallelStream().map(count -> features.weigh(count, idf)).toList();
        Function<LabelledMessage, String> categoryOf = message -> category(region, message.category())
                .map(Category::id).orElse(null);
        CompletableFuture<LinearModel> category = CompletableFuture.supplyAsync(() ->
                trainHead("category", messages, vectors, categoryOf, categorySettings));
        CompletableFuture<LinearModel> topic = CompletableFuture.supplyAsync(() ->
                messages.stream().anyMatch(message -> message.topic() != null)
                        ? trainHead("topic", messages, vectors, LabelledMessage::topic, topicSettings.withCost(
                        TOPIC_COST_TIMES_ROOT_EXAMPLES / Math.sqrt(Math.max(1,
                                messages.stream().filter(message -> message.topic() != null).count()))))
                        : null);
        List<SparseVector> placed = new ArrayList<>(vectors.size());
        for (int row = 0; row < messages.size(); row++) {
            String[] place = placeOf.apply(messages.get(row));
            placed.add(features.withPlace(vectors.get(row), place[0], place[1]));
        }
        CompletableFuture<LinearModel> executor = CompletableFuture.supplyAsync(() ->
                messages.stream().anyMatch(message -> message.executor() != null)
                        ? trainHead("executor", messages, placed, LabelledMessage::executor, executorSettings) : null);
        return new ClassifierModel(region.id(), BITS, idf, category.join(), topic.join(),
                topicCategories(messages, categoryOf), executor.join(), description);
    }

    private LinearModel trainHead(String name, List<LabelledMessage> messages, List<SparseVector> vectors,
                                  Function<LabelledMessage, String> labelOf, LinearModelTrainer.Settings settings) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<SparseVector> all = new ArrayList<>();
        List<Integer> allLabels = new ArrayList<>();
        List<Boolean> heldOut = new ArrayList<>();
        for (int row = 0; row < messages.size(); row++) {
            String label = labelOf.apply(messages.get(row));
            if (label == null) {
                continue;
            }
            allLabels.add(index.computeIfAbsent(label, key -> index.size()));
            all.add(vectors.get(row));
            heldOut.add(Math.floorMod(messages.get(row).id().hashCode() * 0x9E3779B1, 10) == 0);
        }
        String[] labels = index.keySet().toArray(String[]::new);
        LinearModelTrainer trainer = new LinearModelTrainer(settings);
        List<SparseVector> fitting = new ArrayList<>();
        List<Integer> fittingLabels = new ArrayList<>();
        List<SparseVector> calibration = new ArrayList<>();
        List<Integer> calibrationLabels = new ArrayList<>();
        for (int row = 0; row < all.size(); row++) {
            (heldOut.get(row) ? calibration : fitting).add(all.get(row));
            (heldOut.get(row) ? calibrationLabels : fittingLabels).add(allLabels.get(row));
        }
        float temperature = 1f;
        if (!calibration.isEmpty() && !fitting.isEmpty()) {
            LinearModel provisional = new LinearModelTrainer(settings.withEpochs(Math.max(5, settings.epochs() * 2 / 3)))
                    .train(name, fitting, toArray(fittingLabels), labels, features.buckets());
            temperature = LinearModelTrainer.fitTemperature(provisional, calibration, toArray(calibrationLabels));
        }
        return trainer.train(name, all, toArray(allLabels), labels, features.buckets()).withTemperature(temperature);
    }

    private static Map<String, String> topicCategories(List<LabelledMessage> messages,
                                                       Function<LabelledMessage, String> categoryOf) {
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (LabelledMessage message : messages) {
            String category = categoryOf.apply(message);
            if (message.topic() != null && category != null) {
                votes.computeIfAbsent(message.topic(), key -> new HashMap<>()).merge(category, 1, Integer::sum);
            }
        }
        Map<String, String> majority = new HashMap<>();
        votes.forEach((topic, byCategory) -> majority.put(topic, byCategory.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey()));
        return majority;
    }

    /** Smoothed inverse document frequency per bucket, as scikit-learn computes it. */
    static float[] idf(List<TextFeatures.Counts> counts, int buckets) {
        int[] documentFrequency = new int[buckets];
        for (TextFeatures.Counts count : counts) {
            for (int bucket : count.words().indices()) {
                documentFrequency[bucket]++;
            }
            for (int bucket : count.characters().indices()) {
                documentFrequency[bucket]++;
            }
        }
        float[] idf = new float[buckets];
        for (int bucket = 0; bucket < buckets; bucket++) {
            idf[bucket] = (float) (Math.log((1.0 + counts.size()) / (1.0 + documentFrequency[bucket])) + 1);
        }
        return ClassifierModel.quantiseIdf(idf);
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
