package ru.tsur.pulse.classify;

import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.Classification.Candidate;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The trained classifier: features from {@link TextFeatures}, a category head and a topic head. The
 * category comes from its head; the topic is chosen jointly (topic probability weighed by the probability
 * of the topic's category). A category given by the source is kept and the topic is then the most probable
 * one within it. When the category's calibrated probability is below the triage threshold
 * the message is flagged for a person to triage (the best guess is still recorded). Thread-safe.
 */
public final class TrainedClassifier implements Classifier {

    private static final int CANDIDATES = 3;

    private final ClassifierModel model;
    private final TextFeatures features;
    private final double triageBelow;
    private final CategoryLabels labels;
    private final int[] topicCategoryIndex;
    private final Function<String, String> districtOf;
    /** The category and topic heads scored in one pass (null without a topic head). */
    private final MergedHeads categoryAndTopic;
    private final ThreadLocal<LastVector> lastVector = new ThreadLocal<>();

    /** The text vector of the last text this thread classified, so routing does not compute it again. */
    private record LastVector(String text, SparseVector vector) {
    }

    public TrainedClassifier(ClassifierModel model, List<Category> categories, TextNormalizer normalizer,
                             double triageBelow) {
        this(model, categories, normalizer, triageBelow, municipality -> null);
    }

    /** @param districtOf the district of a municipality id (null when none), a place feature of the executor head */
    public TrainedClassifier(ClassifierModel model, List<Category> categories, TextNormalizer normalizer,
                             double triageBelow, Function<String, String> districtOf) {
        this.model = model;
        this.districtOf = districtOf;
        this.features = new TextFeatures(normalizer, model.bits());
        this.triageBelow = triageBelow;
        this.labels = new CategoryLabels(categories);
        LinearModel topics = model.topicHead();
        categoryAndTopic = topics == null ? null : new MergedHeads(model.categoryHead(), topics);
        topicCategoryIndex = new int[topics == null ? 0 : topics.labels().size()];
        for (int index = 0; index < topicCategoryIndex.length; index++) {
            String category = model.topicCategories().get(topics.labels().get(index));
            topicCategoryIndex[index] = category == null ? -1 : model.categoryHead().indexOf(category);
        }
    }

    public ClassifierModel model() {
        return model;
    }

    @Override
    public Classification classify(IncomingMessage message, String normalizedText) {
        SparseVector vector = vectorOf(normalizedText);
        float[][] scores = categoryAndTopic == null ? new float[][]{model.categoryHead().scores(vector)}
                : categoryAndTopic.scores(vector);
        double[] categoryProbabilities = model.categoryHead().probabilities(scores[0]);
        List<Candidate> categoryCandidates = model.categoryHead().top(categoryProbabilities, CANDIDATES);
        Category given = labels.find(message.category()).orElse(null);
        String categoryId = given != null ? given.id() : categoryCandidates.get(0).label();
        double confidence = given != null ? 1.0 : categoryCandidates.get(0).probability();

        List<Candidate> topicCandidates = List.of();
        String topic = message.topic();
        if (model.topicHead() != null) {
            double[] topicProbabilities = model.topicHead().probabilities(scores[1]);
            topicCandidates = model.topicHead().top(topicProbabilities, CANDIDATES);
            if (topic == null) {
                topic = given != null ? bestTopicWithin(model.categoryHead().indexOf(categoryId), topicProbabilities)
                        : bestJointTopic(categoryProbabilities, topicProbabilities);
            }
        }
        boolean triage = given == null && confidence < triageBelow;
        return new Classification(categoryId, topic, confidence, given != null ? "source" : "model",
                categoryCandidates, topicCandidates, triage);
    }

    /**
     * The topic with the highest p(topic) · p(its category)^½: the category head (the more reliable one)
     * tempers the topic head without overruling it when the topic head is sure.
     */
    private String bestJointTopic(double[] categoryProbabilities, double[] topicProbabilities) {
        int best = -1;
        double bestScore = -1;
        for (int index = 0; index < topicProbabilities.length; index++) {
            int category = topicCategoryIndex[index];
            double score = topicProbabilities[index] * Math.sqrt(category < 0 ? 1e-3 : categoryProbabilities[category]);
            if (score > bestScore) {
                bestScore = score;
                best = index;
            }
        }
        return best < 0 ? null : model.topicHead().labels().get(best);
    }

    /** The most probable topic of the category; any topic when the category has none. */
    private String bestTopicWithin(int categoryIndex, double[] topicProbabilities) {
        int best = -1;
        int bestAnywhere = -1;
        for (int index = 0; index < topicProbabilities.length; index++) {
            if (bestAnywhere < 0 || topicProbabilities[index] > topicProbabilities[bestAnywhere]) {
                bestAnywhere = index;
            }
            if (topicCategoryIndex[index] == categoryIndex
                    && (best < 0 || topicProbabilities[index] > topicProbabilities[best])) {
                best = index;
            }
        }
        int chosen = best >= 0 ? best : bestAnywhere;
        return chosen < 0 ? null : model.topicHead().labels().get(chosen);
    }

    @Override
    public Optional<Candidate> executor(String normalizedText, String municipalityId) {
        if (model.executorHead() == null) {
            return Optional.empty();
        }
        SparseVector vector = features.withPlace(vectorOf(normalizedText), municipalityId,
                municipalityId == null ? null : districtOf.apply(municipalityId));
        LinearModel head = model.executorHead();
        return Optional.of(head.top(head.probabilities(vector), 1).get(0));
    }

    private SparseVector vectorOf(String normalizedText) {
        LastVector last = lastVector.get();
        if (last != null && last.text() == normalizedText) {
            return last.vector();
        }
        SparseVector vector = features.vectorOfNormalized(normalizedText, model.idf(), model.idfLevels());
        lastVector.set(new LastVector(normalizedText, vector));
        return vector;
    }

}
