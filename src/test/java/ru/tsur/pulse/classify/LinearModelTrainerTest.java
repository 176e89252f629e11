package ru.tsur.pulse.classify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dual coordinate-descent solver finds the optimum of the one-vs-rest squared-hinge SVM it claims to
 * solve: on a small noisy problem its scores match those of an independent solver (plain gradient descent on
 * the primal, run to convergence) up to the byte quantisation of stored weights, and it is deterministic
 * although its classes are solved in parallel.
 */
class LinearModelTrainerTest {

    private static final int FEATURES = 8;
    private static final int CLASSES = 3;
    private static final double COST = 0.7;

    private record Problem(List<SparseVector> examples, int[] labels) {
    }

    /** 60 examples around three class centres with overlap (so some margins are violated at the optimum). */
    private static Problem problem() {
        SplittableRandom random = new SplittableRandom(7);
        List<SparseVector> examples = new ArrayList<>();
        int[] labels = new int[60];
        for (int example = 0; example < labels.length; example++) {
            int label = example % CLASSES;
            labels[example] = label;
            int[] indices = new int[FEATURES];
            float[] values = new float[FEATURES];
            for (int feature = 0; feature < FEATURES; feature++) {
                indices[feature] = feature;
                double centre = feature % CLASSES == label ? 0.6 : 0.1;
                values[feature] = (float) (centre + random.nextGaussian() * 0.35);
            }
            examples.add(new SparseVector(indices, values));
        }
        return new Problem(examples, labels);
    }

    private static LinearModelTrainer dual() {
        return new LinearModelTrainer(LinearModelTrainer.Settings.defaults().withLoss(LinearModelTrainer.Loss.DUAL)
                .withCost(COST).withEpochs(10_000));
    }

    /**
     * min ½‖w‖² + ½b² + C Σ max(0, 1 − y(w·x + b))² for one class against the rest, by gradient descent
     * (the objective is smooth and strongly convex, so a small fixed step converges).
     */
    private static double[] primalOptimum(Problem problem, int label) {
        double[] parameters = new double[FEATURES + 1]; // weights, then the bias
        double step = 1e-3;
        for (int iteration = 0; iteration < 400_000; iteration++) {
            double[] gradient = parameters.clone();
            for (int example = 0; example < problem.labels().length; example++) {
                double sign = problem.labels()[example] == label ? 1 : -1;
                SparseVector x = problem.examples().get(example);
                double score = parameters[FEATURES];
                for (int feature = 0; feature < FEATURES; feature++) {
                    score += parameters[feature] * x.values()[feature];
                }
                double slack = 1 - sign * score;
                if (slack > 0) {
                    for (int feature = 0; feature < FEATURES; feature++) {
                        gradient[feature] -= 2 * COST * slack * sign * x.values()[feature];
                    }
                    gradient[FEATURES] -= 2 * COST * slack * sign;
                }
            }
            for (int index = 0; index < parameters.length; index++) {
                parameters[index] -= step * gradient[index];
            }
        }
        return parameters;
    }

    @Test
    void dualSolverReachesThePrimalOptimum() {
        Problem problem = problem();
        String[] names = {"a", "b", "c"};
        LinearModel model = dual().train("test", problem.examples(), problem.labels(), names, FEATURES);
        double[][] reference = new double[CLASSES][];
        for (int label = 0; label < CLASSES; label++) {
            reference[label] = primalOptimum(problem, label);
        }
        double largest = 0;
        double worst = 0;
        for (SparseVector x : problem.examples()) {
            float[] scores = model.scores(x);
            for (int label = 0; label < CLASSES; label++) {
                double expected = reference[label][FEATURES];
                for (int feature = 0; feature < FEATURES; feature++) {
                    expected += reference[label][feature] * x.values()[feature];
                }
                largest = Math.max(largest, Math.abs(expected));
                worst = Math.max(worst, Math.abs(scores[label] - expected));
            }
        }
        assertThat(largest).isGreaterThan(0.5);
        // Byte-quantised weights (step = largest weight / 127) over 8 features of size ≤ ~1.5.
        assertThat(worst).isLessThan(0.05);
    }

    @Test
    void dualSolverIsDeterministicAcrossParallelClasses() {
        Problem problem = problem();
        String[] names = {"a", "b", "c"};
        LinearModel first = dual().train("test", problem.examples(), problem.labels(), names, FEATURES);
        LinearModel second = dual().train("test", problem.examples(), problem.labels(), names, FEATURES);
        for (SparseVector x : problem.examples()) {
            assertThat(Arrays.equals(first.scores(x), second.scores(x))).isTrue();
        }
    }
}
