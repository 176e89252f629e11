package ru.tsur.pulse.classify;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link LinearModel} by AdaGrad over shuffled examples (fixed seed: the same data gives the same
 * model), or ({@link Loss#DUAL}) solves the same one-vs-rest squared-hinge SVM exactly by dual coordinate
 * descent. The default loss is one-vs-rest squared hinge (as LinearSVC): on the shared data it beat softmax
 * cross-entropy and the multiclass (Crammer–Singer) hinge (README, «Classification and routing», has the
 * figures); the exact solver is better for the many-class
 * topic head, AdaGrad's early-stopped solution for the category head. Probabilities come afterwards from a
 * softmax at a fitted temperature ({@link #fitTemperature}). Class
 * weights are softened towards balance (rare classes are not ignored — macro-F1 matters to a control
 * room); L2 is applied to the weights a step touches. Only the largest weights within a budget are kept,
 * quantised to the byte steps the model file stores, so the model in memory is exactly the one saved.
 */
public final class LinearModelTrainer {

    /** How to train. */
    public record Settings(Loss loss, int epochs, float learningRate, float l2, double classBalance, int weightBudget,
                           long seed, double cost, double tolerance) {

        /** The tuned settings; each can be overridden by a system property for experiments ({@code pulse.train.*}). */
        public static Settings defaults() {
            return new Settings(Loss.valueOf(System.getProperty("pulse.train.loss", "ONE_VS_REST")),
                    Integer.getInteger("pulse.train.epochs", 15),
                    Float.parseFloat(System.getProperty("pulse.train.learning-rate", "0.015")),
                    Float.parseFloat(System.getProperty("pulse.train.l2", "1e-4")),
                    Double.parseDouble(System.getProperty("pulse.train.class-balance", "0.3")),
                    2_000_000, 20201018L,
                    Double.parseDouble(System.getProperty("pulse.train.cost", "0.5")),
                    Double.parseDouble(System.getProperty("pulse.train.tolerance", "0.1")));
        }

        public Settings withEpochs(int count) {
            return new Settings(loss, count, learningRate, l2, classBalance, weightBudget, seed, cost, tolerance);
        }

        public Settings withLoss(Loss chosen) {
            return new Settings(chosen, epochs, learningRate, l2, classBalance, weightBudget, seed, cost, tolerance);
        }

        public Settings withCost(double chosen) {
            return new Settings(loss, epochs, learningRate, l2, classBalance, weightBudget, seed, chosen, tolerance);
        }

        public Settings withBudget(int budget) {
            return new Settings(loss, epochs, learningRate, l2, classBalance, budget, seed, cost, tolerance);
        }
    }

    /**
     * Logistic (softmax cross-entropy), multiclass hinge (Crammer–Singer, margin 1), or one-vs-rest squared
     * hinge (every class its own binary margin, as LinearSVC), all three by AdaGrad; or the one-vs-rest
     * squared hinge solved in the dual with cost {@code cost} until the projected gradient spans less than
     * {@code tolerance} or {@code epochs} passes (learning rate and l2 unused).
     */
    public enum Loss { LOGISTIC, HINGE, ONE_VS_REST, DUAL }

    private final Settings settings;

    public LinearModelTrainer(Settings settings) {
        this.settings = settings;
    }

    public LinearModel train(String name, List<SparseVector> examples, int[] labelIndices, String[] labels,
                             int buckets) {
        int classCount = labels.length;
        float[] weights = new float[buckets * classCount];
        float[] bias = new float[classCount];
        float[] classWeight = classWeights(labelIndices, classCount);
        if (settings.loss() == Loss.DUAL) {
            trainDual(examples, labelIndices, classCount, buckets, weights, bias, classWeight);
            return prune(name, labels, bias, weights, buckets, classCount);
        }
        // AdaGrad's per-weight sums of squared gradients (the dual solver needs none)
        float[] squaredGradients = new float[buckets * classCount];
        float[] biasSquared = new float[classCount];
        int[] order = new int[examples.size()];
        for (int index = 0; index < order.length; index++) {
            order[index] = index;
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        float[] scores = new float[classCount];
        double[] gradient = new double[classCount];
        // the labels whose gradient is not negligible for the current example: only their weights move
        int[] active = new int[classCount];
        float learningRate = settings.learningRate();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int example : order) {
                SparseVector features = examples.get(example);
                int truth = labelIndices[example];
                int[] indices = features.indices();
                float[] values = features.values();
                System.arraycopy(bias, 0, scores, 0, classCount);
                for (int feature = 0; feature < indices.length; feature++) {
                    int row = indices[feature] * classCount;
                    float value = values[feature];
                    for (int label = 0; label < classCount; label++) {
                        scores[label] += weights[row + label] * value;
                    }
                }
                float importance = classWeight[truth];
                if (settings.loss() == Loss.ONE_VS_REST) {
                    boolean any = false;
                    for (int label = 0; label < classCount; label++) {
                        double sign = label == truth ? 1 : -1;
                        double margin = sign * scores[label];
                        gradient[label] = margin < 1 ? -2 * sign * (1 - margin) * (label == truth ? importance : 1) : 0;
                        any |= margin < 1;
                    }
                    if (!any) {
                        continue;
                    }
                } else if (settings.loss() == Loss.HINGE) {
                    int rival = -1;
                    for (int label = 0; label < classCount; label++) {
                        gradient[label] = 0;
                        if (label != truth && (rival < 0 || scores[label] > scores[rival])) {
                            rival = label;
                        }
                    }
                    if (rival < 0 || scores[truth] - scores[rival] >= 1) {
                        continue;
                    }
                    gradient[rival] = importance;
                    gradient[truth] = -importance;
                } else {
                    double max = Double.NEGATIVE_INFINITY;
                    for (float score : scores) {
                        max = Math.max(max, score);
                    }
                    double sum = 0;
                    for (int label = 0; label < classCount; label++) {
                        gradient[label] = Math.exp(scores[label] - max);
                        sum += gradient[label];
                    }
                    for (int label = 0; label < classCount; label++) {
                        gradient[label] = (gradient[label] / sum - (label == truth ? 1 : 0)) * importance;
                    }
                }
                int activeCount = 0;
                for (int label = 0; label < classCount; label++) {
                    float step = (float) gradient[label];
                    biasSquared[label] += step * step;
                    bias[label] -= learningRate * step / (float) Math.sqrt(biasSquared[label] + 1e-8f);
                    if (gradient[label] <= -1e-5 || gradient[label] >= 1e-5) {
                        active[activeCount++] = label;
                    }
                }
                for (int feature = 0; feature < indices.length; feature++) {
                    int row = indices[feature] * classCount;
                    float value = values[feature];
                    for (int position = 0; position < activeCount; position++) {
                        int label = active[position];
                        double step = gradient[label];
                        int cell = row + label;
                        float grad = (float) step * value + settings.l2() * weights[cell];
                        squaredGradients[cell] += grad * grad;
                        weights[cell] -= learningRate * grad / (float) Math.sqrt(squaredGradients[cell] + 1e-8f);
                    }
                }
            }
        }
        return prune(name, labels, bias, weights, buckets, classCount);
    }

    /**
     * The temperature that makes held-out probabilities honest (lowest negative log-likelihood), searched
     * on a grid from 0.3 to 5.
     */
    public static float fitTemperature(LinearModel model, List<SparseVector> heldOut, int[] truth) {
        float best = 1f;
        double bestLoss = Double.POSITIVE_INFINITY;
        float[][] scores = new float[heldOut.size()][];
        for (int index = 0; index < scores.length; index++) {
            scores[index] = model.scores(heldOut.get(index));
        }
        for (float temperature = 0.3f; temperature <= 5.0f; temperature += 0.05f) {
            double loss = 0;
            for (int index = 0; index < scores.length; index++) {
                if (truth[index] < 0) {
                    continue;
                }
                double[] probabilities = LinearModel.softmax(scores[index], temperature);
                loss -= Math.log(Math.max(1e-12, probabilities[truth[index]]));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = temperature;
            }
        }
        return best;
    }

    /** Inverse class frequency raised to {@code classBalance} (0 = none, 1 = fully balanced), mean 1. */
    private float[] classWeights(int[] labelIndices, int classCount) {
        double[] counts = new double[classCount];
        for (int label : labelIndices) {
            counts[label]++;
        }
        float[] weights = new float[classCount];
        double sum = 0;
        for (int label = 0; label < classCount; label++) {
            weights[label] = counts[label] == 0 ? 0 : (float) Math.pow(labelIndices.length / (classCount * counts[label]),
                    settings.classBalance());
            sum += weights[label] * counts[label];
        }
        float normalizer = (float) (labelIndices.length / sum);
        for (int label = 0; label < classCount; label++) {
            weights[label] *= normalizer;
        }
        return weights;
    }

    private LinearModel prune(String name, String[] labels, float[] bias, float[] weights, int buckets, int classCount) {
        float threshold = threshold(weights, settings.weightBudget());
        int[] rowStart = new int[buckets + 1];
        int kept = 0;
        for (int bucket = 0; bucket < buckets; bucket++) {
            rowStart[bucket] = kept;
            for (int label = 0; label < classCount; label++) {
                if (Math.abs(weights[bucket * classCount + label]) > threshold) {
                    kept++;
                }
            }
        }
        rowStart[buckets] = kept;
        short[] classes = new short[kept];
        float[] values = new float[kept];
        float step = LinearModel.quantisationStep(weights, threshold);
        int entry = 0;
        for (int bucket = 0; bucket < buckets; bucket++) {
            for (int label = 0; label < classCount; label++) {
                float weight = weights[bucket * classCount + label];
                if (Math.abs(weight) > threshold) {
                    classes[entry] = (short) label;
                    values[entry] = Math.round(weight / step) * step;
                    entry++;
                }
            }
        }
        return new LinearModel(name, labels, bias, rowStart, classes, values, 1f);
    }

    /** The magnitude above which at most {@code budget} weights lie (estimated from a histogram). */
    static float threshold(float[] weights, int budget) {
        float largest = 0;
        int nonZero = 0;
        for (float weight : weights) {
            float magnitude = Math.abs(weight);
            if (magnitude > 0) {
                nonZero++;
                largest = Math.max(largest, magnitude);
            }
        }
        if (nonZero <= budget || largest == 0) {
            return 0f;
        }
        int bins = 1 << 16;
        int[] histogram = new int[bins];
        for (float weight : weights) {
            float magnitude = Math.abs(weight);
            if (magnitude > 0) {
                histogram[Math.min(bins - 1, (int) (magnitude / largest * (bins - 1)))]++;
            }
        }
        int above = 0;
        for (int bin = bins - 1; bin >= 0; bin--) {
            if (above + histogram[bin] > budget) {
                return (bin + 1) * largest / (bins - 1);
            }
            above += histogram[bin];
        }
        return 0f;
    }

    /**
     * One-vs-rest squared hinge with L2 solved in the dual by coordinate descent with shrinking (Hsieh et al.
     * 2008, liblinear's L2R_L2LOSS_SVC_DUAL, what scikit-learn's LinearSVC runs), the bias as a constant
     * feature. Classes are independent problems, solved in parallel, each with its own seeded order.
     */
    private void trainDual(List<SparseVector> examples, int[] labelIndices, int classCount, int buckets,
                           float[] weights, float[] bias, float[] classWeight) {
        int count = examples.size();
        double[] squaredNorm = new double[count];
        for (int example = 0; example < count; example++) {
            double sum = 1; // the bias feature
            for (float value : examples.get(example).values()) {
                sum += (double) value * value;
            }
            squaredNorm[example] = sum;
        }
        java.util.stream.IntStream.range(0, classCount).parallel().forEach(label -> {
            double[] w = new double[buckets];
            double b = 0;
            double[] alpha = new double[count];
            int[] active = new int[count];
            for (int index = 0; index < count; index++) {
                active[index] = index;
            }
            int activeSize = count;
            SplittableRandom random = new SplittableRandom(settings.seed() * 31 + label);
            double projectedMaxOld = Double.POSITIVE_INFINITY;
            double positiveDiagonal = 0.5 / (settings.cost() * classWeight[label]);
            double negativeDiagonal = 0.5 / settings.cost();
            for (int iteration = 0; iteration < settings.epochs(); iteration++) {
                double projectedMax = Double.NEGATIVE_INFINITY;
                double projectedMin = Double.POSITIVE_INFINITY;
                for (int position = activeSize - 1; position > 0; position--) {
                    int other = random.nextInt(position + 1);
                    int swap = active[position];
                    active[position] = active[other];
                    active[other] = swap;
                }
                for (int position = 0; position < activeSize; position++) {
                    int example = active[position];
                    boolean positive = labelIndices[example] == label;
                    double sign = positive ? 1 : -1;
                    double diagonal = positive ? positiveDiagonal : negativeDiagonal;
                    SparseVector vector = examples.get(example);
                    int[] indices = vector.indices();
                    float[] values = vector.values();
                    double score = b;
                    for (int feature = 0; feature < indices.length; feature++) {
                        score += w[indices[feature]] * values[feature];
                    }
                    double gradient = sign * score - 1 + diagonal * alpha[example];
                    double projected = 0;
                    if (alpha[example] == 0) {
                        if (gradient > projectedMaxOld) {
                            activeSize--;
                            active[position] = active[activeSize];
                            active[activeSize] = example;
                            position--;
                            continue;
                        }
                        if (gradient < 0) {
                            projected = gradient;
                        }
                    } else {
                        projected = gradient;
                    }
                    projectedMax = Math.max(projectedMax, projected);
                    projectedMin = Math.min(projectedMin, projected);
                    if (Math.abs(projected) > 1e-12) {
                        double previous = alpha[example];
                        alpha[example] = Math.max(previous - gradient / (squaredNorm[example] + diagonal), 0);
                        double step = (alpha[example] - previous) * sign;
                        for (int feature = 0; feature < indices.length; feature++) {
                            w[indices[feature]] += step * values[feature];
                        }
                        b += step;
                    }
                }
                if (projectedMax - projectedMin <= settings.tolerance()) {
                    if (activeSize == count) {
                        break;
                    }
                    activeSize = count;
                    projectedMaxOld = Double.POSITIVE_INFINITY;
                    continue;
                }
                projectedMaxOld = projectedMax <= 0 ? Double.POSITIVE_INFINITY : projectedMax;
            }
            for (int bucket = 0; bucket < buckets; bucket++) {
                weights[bucket * classCount + label] = (float) w[bucket];
            }
            bias[label] = (float) b;
        });
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int index = order.length - 1; index > 0; index--) {
            int other = random.nextInt(index + 1);
            int swap = order[index];
            order[index] = order[other];
            order[other] = swap;
        }
    }

}
