package ru.tsur.pulse.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import ru.tsur.pulse.classify.LinearModelTrainer;
import ru.tsur.pulse.locate.RegionPack;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/train.sh --region spb|kursk --data FILE [--out DIR]}: trains the region's classifier and
 * routing table on a labelled CSV (either shared format) and writes {@code model.bin} and
 * {@code routing.csv} into the region pack (default {@code src/main/resources/regions/<region>/}).
 */
public final class TrainCommand {

    private TrainCommand() {
    }

    /** What the model file says about its training (no timestamp: the file stays reproducible). */
    static String description(int messages, Path data) {
        return "trained on " + messages + " messages of " + data.getFileName() + "; "
                + "category and executor heads " + LinearModelTrainer.Settings.defaults().loss()
                + " loss by AdaGrad, topic head " + ModelTraining.topicLoss() + ", class balance "
                + LinearModelTrainer.Settings.defaults().classBalance() + ", 2^" + ModelTraining.BITS
                + " hashed word/stem/char features";
    }

    public static void main(String[] args) throws Exception {
        CommandLine options = CommandLine.parse(args, List.of("--region", "--data"), List.of("--out", "--class-balance"));
        if (options.has("--class-balance")) {
            System.setProperty("pulse.train.class-balance", options.get("--class-balance"));
        }
        String region = options.get("--region");
        Path data = Path.of(options.get("--data"));
        Path out = Path.of(options.getOrDefault("--out", "src/main/resources/regions/" + region));
        long started = System.nanoTime();
        RegionPack pack = RegionPack.load(region, new ObjectMapper());
        List<LabelledMessage> messages = LabelledData.read(data);
        String description = description(messages.size(), data);
        RegionTraining.Trained trained = new RegionTraining(pack).train(messages, description);
        Files.createDirectories(out);
        Path modelFile = out.resolve("model.bin");
        try (OutputStream stream = Files.newOutputStream(modelFile)) {
            trained.model().write(stream);
        }
        Path routingFile = out.resolve("routing.csv");
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(routingFile, StandardCharsets.UTF_8))) {
            trained.routing().write(writer);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "trained region=%s messages=%d categories=%d topics=%d weights=%d+%d model_bytes=%d routing_rows=%d seconds=%.1f%n",
                region, messages.size(), trained.model().categoryHead().labels().size(),
                trained.model().topicHead() == null ? 0 : trained.model().topicHead().labels().size(),
                trained.model().categoryHead().weightCount(),
                trained.model().topicHead() == null ? 0 : trained.model().topicHead().weightCount(),
                Files.size(modelFile), trained.routing().rows().size(), seconds);
        System.out.println("wrote " + modelFile + " and " + routingFile);
    }
}
