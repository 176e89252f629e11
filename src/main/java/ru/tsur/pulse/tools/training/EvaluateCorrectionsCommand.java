package ru.tsur.pulse.tools.training;

import io.smallrye.config.WithDefault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.tsur.pulse.classify.ClassifyConfig;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.pipeline.DecisionPath;
import ru.tsur.pulse.tools.Arguments;
import ru.tsur.pulse.tools.Progress;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code scripts/evaluate-corrections.sh --region spb --data FILE [--from DATE] [--split DATE] [--until DATE]
 * [--correction-weight W,…] [--triage-below P]}: what operators' corrections buy, measured on a dated
 * labelled CSV (the St Petersburg export). A model trained on the messages before {@code --from} decides the
 * messages from {@code --from} to {@code --split} in arrival order; those it flags for triage (category
 * probability below the service's threshold) are corrected by a {@link SimulatedOperator} with their true
 * labels, as the console would store them (masked text); the model is retrained with those corrections by
 * the path {@code train --with-corrections} takes ({@link CorrectionExamples}); both models then decide the
 * messages from {@code --split} to {@code --until}. Prints how many messages the operator touched and, per
 * model, category, topic and executor accuracy and macro-F1 and the triage rate. Deterministic; progress
 * with estimates on stderr.
 */
@Command(name = "evaluate-corrections", sortOptions = false, sortSynopsis = false,
        description = "Measures what operators' corrections buy: a simulated operator corrects the messages a"
                + " model flags for triage from --from to --split; the model retrained with them and the one without"
                + " are evaluated from --split to --until.")
public final class EvaluateCorrectionsCommand implements Callable<Integer> {

    /**
     * Seconds of training per training row before one was measured: the README's ~80 s for the 30,506 St
     * Petersburg rows on two cores. Later estimates use the rate just measured.
     */
    private static final double TRAINING_SECONDS_PER_ROW = 80.0 / 30_506;

    /** Seconds per message through the decision path before one was measured (a guess: two cores). */
    private static final double DECIDING_SECONDS_PER_ROW = 0.0005;

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Option(names = "--data", required = true, paramLabel = "FILE", order = 1,
            description = "Labelled CSV with created_at (the St Petersburg export), plain or gzipped.")
    Path data;

    @Option(names = "--from", paramLabel = "DATE", order = 2, defaultValue = "2021-01-01",
            converter = EvaluateCommand.StartOf.class,
            description = "The model trains on the messages before DATE (default ${DEFAULT-VALUE}).")
    LocalDateTime from;

    @Option(names = "--split", paramLabel = "DATE", order = 3, defaultValue = "2021-01-16",
            converter = EvaluateCommand.StartOf.class,
            description = "The operator corrects the triaged messages from --from to DATE; both models are"
                    + " evaluated from DATE on (default ${DEFAULT-VALUE}).")
    LocalDateTime split;

    @Option(names = "--until", paramLabel = "DATE", order = 4, defaultValue = "2021-02-01",
            converter = EvaluateCommand.StartOf.class,
            description = "End of the evaluation, exclusive (default ${DEFAULT-VALUE}).")
    LocalDateTime until;

    @Option(names = "--correction-weight", paramLabel = "W", order = 5, split = ",",
            defaultValue = "" + CorrectionExamples.DEFAULT_WEIGHT,
            description = "How many times each correction counts; several (1,2,3) retrain once each"
                    + " (default ${DEFAULT-VALUE}, as train --with-corrections).")
    List<Integer> weights;

    @Option(names = "--triage-below", paramLabel = "P", order = 6,
            description = "Category probability below which a message is flagged for triage (default"
                    + " ${DEFAULT-VALUE}: the service's pulse.classify.triage-below).")
    double triageBelow = serviceTriageBelow();

    /** The service's default triage threshold, from {@link ClassifyConfig} itself, so the two cannot drift apart. */
    static double serviceTriageBelow() {
        try {
            return Double.parseDouble(ClassifyConfig.class.getMethod("triageBelow").getAnnotation(WithDefault.class).value());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ClassifyConfig has no triageBelow", e);
        }
    }

    /** The messages of each period, in arrival order (rows without a time belong to none). */
    record Periods(List<LabelledMessage> training, List<LabelledMessage> correcting, List<LabelledMessage> evaluating) {

        static Periods of(List<LabelledMessage> rows, LocalDateTime from, LocalDateTime split, LocalDateTime until) {
            List<LabelledMessage> dated = rows.stream().filter(row -> row.createdAt() != null)
                    .sorted(Comparator.comparing(LabelledMessage::createdAt)).toList();
            return new Periods(between(dated, LocalDateTime.MIN, from), between(dated, from, split),
                    between(dated, split, until));
        }

        private static List<LabelledMessage> between(List<LabelledMessage> rows, LocalDateTime start, LocalDateTime end) {
            return rows.stream().filter(row -> !row.createdAt().isBefore(start) && row.createdAt().isBefore(end)).toList();
        }
    }

    /** One model's figures on the evaluation period. */
    record Figures(String model, Map<String, Scores> scores, double triageRate, double baseTriagedCategoryAccuracy) {
    }

    @Override
    public Integer call() throws Exception {
        Arguments.readable(spec, "--data", data);
        Arguments.require(spec, from.isBefore(split) && split.isBefore(until),
                "--from, --split and --until must come in that order");
        Arguments.require(spec, weights.stream().allMatch(weight -> weight >= 1),
                "--correction-weight must be at least 1, not " + weights);
        Arguments.require(spec, triageBelow >= 0 && triageBelow <= 1,
                "--triage-below must be between 0 and 1, not " + triageBelow);
        training.applyClassBalance();
        RegionPack pack = training.pack();
        PrintWriter out = spec.commandLine().getOut();
        try (Progress progress = new Progress(spec.commandLine().getErr())) {
            progress.note("reading " + data);
            Periods periods = Periods.of(LabelledData.read(data), from, split, until);
            if (periods.training().isEmpty() || periods.correcting().isEmpty() || periods.evaluating().isEmpty()) {
                throw new IllegalArgumentException(data + ": needs dated messages (created_at) before " + from
                        + ", from " + from + " to " + split + " and from " + split + " to " + until + "; has "
                        + periods.training().size() + ", " + periods.correcting().size() + " and "
                        + periods.evaluating().size());
            }
            out.printf(Locale.ROOT, "info train=%d (before %s) correct=%d (%s to %s) evaluate=%d (%s to %s) triage_below=%.2f%n",
                    periods.training().size(), from, periods.correcting().size(), from, split,
                    periods.evaluating().size(), split, until, triageBelow);

            double trainingRate = TRAINING_SECONDS_PER_ROW;
            Progress.Timed<RegionTraining.Trained> base = progress.step(
                    "training without corrections on " + periods.training().size() + " messages",
                    trainingRate * periods.training().size(),
                    () -> new RegionTraining(pack).train(periods.training(), "evaluation"));
            trainingRate = base.seconds() / periods.training().size();
            DecisionPath basePath = EvaluateCommand.path(pack, base.value().model(), base.value().routing(), triageBelow);

            Progress.Timed<List<PreparedMessage>> decided = progress.step(
                    "deciding the " + periods.correcting().size() + " messages the operator sees",
                    DECIDING_SECONDS_PER_ROW * periods.correcting().size(),
                    () -> periods.correcting().parallelStream().map(row -> EvaluateCommand.decide(basePath, row)).toList());
            double decidingRate = decided.seconds() / periods.correcting().size();
            SimulatedOperator.Work work = new SimulatedOperator(pack.region()).correct(periods.correcting(), decided.value());
            out.printf(Locale.ROOT, "operator messages=%d touched=%d share=%.3f confirmed=%d corrected=%d category_changed=%d unlabelled=%d%n",
                    work.messages(), work.triaged(), (double) work.triaged() / work.messages(), work.confirmed(),
                    work.corrections().size() - work.confirmed(), work.categoryChanged(), work.unlabelled());

            List<EvaluateCommand.Prediction> basePredictions = progress.step(
                    "evaluating without corrections on " + periods.evaluating().size() + " messages",
                    decidingRate * periods.evaluating().size(),
                    () -> EvaluateCommand.predict(pack, basePath, periods.evaluating())).value();
            header(out, periods.evaluating().size(),
                    basePredictions.stream().filter(EvaluateCommand.Prediction::triage).count());
            row(out, figures("without corrections", basePredictions, basePredictions));
            for (int weight : weights) {
                List<LabelledMessage> merged = CorrectionExamples.withCorrections(periods.training(), work.corrections(), weight);
                Progress.Timed<RegionTraining.Trained> retrained = progress.step(
                        "training with " + work.corrections().size() + " corrections, weight " + weight + " ("
                                + merged.size() + " examples)", trainingRate * merged.size(),
                        () -> new RegionTraining(pack).train(merged, "evaluation with corrections"));
                trainingRate = retrained.seconds() / merged.size();
                DecisionPath path = EvaluateCommand.path(pack, retrained.value().model(), retrained.value().routing(),
                        triageBelow);
                List<EvaluateCommand.Prediction> predictions = progress.step(
                        "evaluating with corrections, weight " + weight, decidingRate * periods.evaluating().size(),
                        () -> EvaluateCommand.predict(pack, path, periods.evaluating())).value();
                row(out, figures("with corrections, weight " + weight, predictions, basePredictions));
            }
        }
        return 0;
    }

    /**
     * A model's figures; {@code baseTriagedCategoryAccuracy}: its category accuracy on the messages the model
     * without corrections flagged (the ones an operator would have looked at).
     */
    static Figures figures(String model, List<EvaluateCommand.Prediction> predictions,
                           List<EvaluateCommand.Prediction> base) {
        Map<String, Scores> scores = new java.util.LinkedHashMap<>();
        EvaluateCommand.pairsByLabel(predictions).forEach((label, pairs) -> scores.put(label, Scores.of(pairs)));
        long triaged = predictions.stream().filter(EvaluateCommand.Prediction::triage).count();
        int flagged = 0;
        int right = 0;
        for (int index = 0; index < predictions.size(); index++) {
            if (base.get(index).triage()) {
                flagged++;
                EvaluateCommand.Prediction prediction = predictions.get(index);
                right += prediction.trueCategory().equals(prediction.category()) ? 1 : 0;
            }
        }
        return new Figures(model, scores, predictions.isEmpty() ? 0 : (double) triaged / predictions.size(),
                flagged == 0 ? 0 : (double) right / flagged);
    }

    /** The evaluation's size and the head of the table each model then adds its row to, as soon as it has one. */
    static void header(PrintWriter out, int messages, long baseTriaged) {
        out.printf(Locale.ROOT, "evaluated messages=%d flagged_by_model_without_corrections=%d%n", messages, baseTriaged);
        out.printf(Locale.ROOT, "%-30s %12s %11s %9s %8s %12s %11s %11s %22s%n", "model", "category_acc", "category_f1",
                "topic_acc", "topic_f1", "executor_acc", "executor_f1", "triage_rate", "category_acc_on_flagged");
        out.flush();
    }

    static void row(PrintWriter out, Figures figure) {
        out.printf(Locale.ROOT, "%-30s %12s %11s %9s %8s %12s %11s %11.3f %22.3f%n", figure.model(),
                accuracy(figure, "category"), f1(figure, "category"), accuracy(figure, "topic"), f1(figure, "topic"),
                accuracy(figure, "executor"), f1(figure, "executor"), figure.triageRate(),
                figure.baseTriagedCategoryAccuracy());
        out.flush();
    }

    private static String accuracy(Figures figures, String label) {
        Scores scores = figures.scores().get(label);
        return scores == null ? "-" : String.format(Locale.ROOT, "%.3f", scores.accuracy());
    }

    private static String f1(Figures figures, String label) {
        Scores scores = figures.scores().get(label);
        return scores == null ? "-" : String.format(Locale.ROOT, "%.3f", scores.macroF1());
    }
}
