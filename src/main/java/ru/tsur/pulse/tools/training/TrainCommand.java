package ru.tsur.pulse.tools.training;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.tsur.pulse.classify.LinearModelTrainer;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.tools.Arguments;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code scripts/train.sh --region spb|kursk --data FILE [--out DIR] [--with-corrections [--database-url URL]
 * [--database-user USER] [--correction-weight W]] [--class-balance X]}: trains the region's classifier and
 * routing table on a labelled CSV (either shared format) and writes {@code model.bin} and {@code routing.csv}
 * into the region pack (default {@code src/main/resources/regions/<region>/}). With {@code --with-corrections}
 * the operators' corrections of the region, read from the service's {@code correction} table, join the
 * training data ({@link CorrectionExamples}); the password is the service's, env {@code PULSE_DB_PASSWORD}
 * (default {@code pulse}).
 */
@Command(name = "train", sortOptions = false, sortSynopsis = false,
        description = "Trains a region's classifier and routing table on a labelled CSV (Kursk or St Petersburg"
                + " format) and writes model.bin and routing.csv.")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Option(names = "--data", required = true, paramLabel = "FILE", order = 1,
            description = "Labelled CSV, plain or gzipped.")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", order = 2,
            description = "Where to write model.bin and routing.csv (default: src/main/resources/regions/REGION).")
    Path out;

    @Option(names = "--with-corrections", order = 3,
            description = "Also train on the operators' corrections of the region (the correction table).")
    boolean withCorrections;

    @Option(names = "--database-url", paramLabel = "URL", order = 4,
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/pulse",
            description = "With --with-corrections: the service's database (default ${DEFAULT-VALUE}; password:"
                    + " env PULSE_DB_PASSWORD, default pulse).")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER", order = 5, defaultValue = "pulse",
            description = "With --with-corrections: its user (default ${DEFAULT-VALUE}).")
    String databaseUser;

    @Option(names = "--correction-weight", paramLabel = "W", order = 6,
            defaultValue = "" + CorrectionExamples.DEFAULT_WEIGHT,
            description = "With --with-corrections: how many times each correction counts (default"
                    + " ${DEFAULT-VALUE}).")
    int correctionWeight;

    /** What the model file says about its training (no timestamp: the file stays reproducible). */
    static String description(int messages, Path data) {
        return description(messages, data, 0, 0);
    }

    /** The same with {@code corrections} operators' corrections among the messages, each counted {@code weight} times. */
    static String description(int messages, Path data, int corrections, int weight) {
        return "trained on " + messages + " messages of " + data.getFileName()
                + (corrections == 0 ? "" : " and " + corrections + " operators' corrections (each " + weight + " times)")
                + "; "
                + "category and executor heads " + LinearModelTrainer.Settings.defaults().loss()
                + " loss by AdaGrad, topic head " + ModelTraining.topicLoss() + ", class balance "
                + LinearModelTrainer.Settings.defaults().classBalance() + ", 2^" + ModelTraining.BITS
                + " hashed word/stem/char features";
    }

    @Override
    public Integer call() throws Exception {
        Arguments.readable(spec, "--data", data);
        Arguments.require(spec, correctionWeight >= 1, "--correction-weight must be at least 1, not " + correctionWeight);
        training.applyClassBalance();
        Path directory = out == null ? Path.of("src/main/resources/regions/" + training.region) : out;
        long started = System.nanoTime();
        RegionPack pack = training.pack();
        PrintWriter printed = spec.commandLine().getOut();
        List<LabelledMessage> messages = LabelledData.read(data);
        int dataRows = messages.size();
        List<Correction> corrections = List.of();
        if (withCorrections) {
            corrections = CorrectionStore.read(databaseUrl, databaseUser,
                    System.getenv().getOrDefault("PULSE_DB_PASSWORD", "pulse"), pack.region().id());
            printed.println(correctionsLine(pack.region().id(), corrections, correctionWeight));
            messages = CorrectionExamples.withCorrections(messages, corrections, correctionWeight);
        }
        String description = description(dataRows, data, corrections.size(), correctionWeight);
        RegionTraining.Trained trained = new RegionTraining(pack).train(messages, description);
        Files.createDirectories(directory);
        Path modelFile = directory.resolve("model.bin");
        try (OutputStream stream = Files.newOutputStream(modelFile)) {
            trained.model().write(stream);
        }
        Path routingFile = directory.resolve("routing.csv");
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(routingFile, StandardCharsets.UTF_8))) {
            trained.routing().write(writer);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        printed.printf(Locale.ROOT, "trained region=%s messages=%d categories=%d topics=%d weights=%d+%d model_bytes=%d routing_rows=%d seconds=%.1f%n",
                training.region, messages.size(), trained.model().categoryHead().labels().size(),
                trained.model().topicHead() == null ? 0 : trained.model().topicHead().labels().size(),
                trained.model().categoryHead().weightCount(),
                trained.model().topicHead() == null ? 0 : trained.model().topicHead().weightCount(),
                Files.size(modelFile), trained.routing().rows().size(), seconds);
        printed.println("wrote " + modelFile + " and " + routingFile);
        return 0;
    }

    /** What {@code --with-corrections} found: how many corrections of the region join training, or that none do. */
    static String correctionsLine(String region, List<Correction> corrections, int weight) {
        if (corrections.isEmpty()) {
            return "corrections region=" + region + " used=0: the correction table has none for " + region
                    + "; training on --data alone";
        }
        long confirmed = corrections.stream().filter(Correction::confirmed).count();
        return String.format(Locale.ROOT, "corrections region=%s used=%d confirmed=%d corrected=%d weight=%d from=%s until=%s",
                region, corrections.size(), confirmed, corrections.size() - confirmed, weight,
                corrections.get(0).correctedAt(), corrections.get(corrections.size() - 1).correctedAt());
    }
}
