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
 * {@code scripts/train.sh --region spb|kursk --data FILE [--out DIR] [--class-balance X]}: trains the region's
 * classifier and routing table on a labelled CSV (either shared format) and writes {@code model.bin} and
 * {@code routing.csv} into the region pack (default {@code src/main/resources/regions/<region>/}).
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

    /** What the model file says about its training (no timestamp: the file stays reproducible). */
    static String description(int messages, Path data) {
        return "trained on " + messages + " messages of " + data.getFileName() + "; "
                + "category and executor heads " + LinearModelTrainer.Settings.defaults().loss()
                + " loss by AdaGrad, topic head " + ModelTraining.topicLoss() + ", class balance "
                + LinearModelTrainer.Settings.defaults().classBalance() + ", 2^" + ModelTraining.BITS
                + " hashed word/stem/char features";
    }

    @Override
    public Integer call() throws Exception {
        Arguments.readable(spec, "--data", data);
        training.applyClassBalance();
        Path directory = out == null ? Path.of("src/main/resources/regions/" + training.region) : out;
        long started = System.nanoTime();
        RegionPack pack = training.pack();
        List<LabelledMessage> messages = LabelledData.read(data);
        String description = description(messages.size(), data);
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
        PrintWriter printed = spec.commandLine().getOut();
        printed.printf(Locale.ROOT, "trained region=%s messages=%d categories=%d topics=%d weights=%d+%d model_bytes=%d routing_rows=%d seconds=%.1f%n",
                training.region, messages.size(), trained.model().categoryHead().labels().size(),
                trained.model().topicHead() == null ? 0 : trained.model().topicHead().labels().size(),
                trained.model().categoryHead().weightCount(),
                trained.model().topicHead() == null ? 0 : trained.model().topicHead().weightCount(),
                Files.size(modelFile), trained.routing().rows().size(), seconds);
        printed.println("wrote " + modelFile + " and " + routingFile);
        return 0;
    }
}
