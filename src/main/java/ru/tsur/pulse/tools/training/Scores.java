package ru.tsur.pulse.tools.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accuracy, macro-F1 and a per-class table from (truth, prediction) pairs. Macro-F1 averages F1 over every
 * label present in the truth or the predictions (scikit-learn's {@code f1_score(average='macro')}).
 */
record Scores(double accuracy, double macroF1, List<ClassScore> perClass) {

    /** One class's figures. */
    record ClassScore(String label, double precision, double recall, double f1, int support) {
    }

    static Scores of(List<String[]> pairs) {
        Map<String, int[]> counts = new HashMap<>();
        Set<String> labels = new LinkedHashSet<>();
        int correct = 0;
        for (String[] pair : pairs) {
            String truth = pair[0];
            String predicted = pair[1];
            labels.add(truth);
            labels.add(predicted);
            int[] truthCounts = counts.computeIfAbsent(truth, key -> new int[3]);
            truthCounts[2]++;
            if (truth.equals(predicted)) {
                correct++;
                truthCounts[0]++;
            } else {
                counts.computeIfAbsent(predicted, key -> new int[3])[1]++;
            }
        }
        List<ClassScore> perClass = new ArrayList<>();
        double f1Sum = 0;
        for (String label : labels) {
            int[] count = counts.getOrDefault(label, new int[3]);
            int truePositives = count[0];
            int falsePositives = count[1];
            int support = count[2];
            double precision = truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
            double recall = support == 0 ? 0 : (double) truePositives / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            perClass.add(new ClassScore(label.isEmpty() ? "(none)" : label, precision, recall, f1, support));
        }
        perClass.sort(Comparator.comparingInt(ClassScore::support).reversed().thenComparing(ClassScore::label));
        return new Scores(pairs.isEmpty() ? 0 : (double) correct / pairs.size(),
                labels.isEmpty() ? 0 : f1Sum / labels.size(), perClass);
    }
}
