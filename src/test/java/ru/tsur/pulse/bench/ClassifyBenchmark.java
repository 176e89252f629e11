package ru.tsur.pulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import ru.tsur.pulse.classify.ClassifierModel;
import ru.tsur.pulse.classify.TrainedClassifier;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.region.RegionModels;
import ru.tsur.pulse.tools.training.LabelledData;
import ru.tsur.pulse.tools.training.LabelledMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Normalize + classify on real message texts, one thread: messages per second
 * ({@code scripts/bench-classify.sh}). Texts: the shared St Petersburg or Kursk data (January 2021 rows
 * for St Petersburg, the messages the shipped model saw least of), classified by the shipped model.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Threads(1)
public class ClassifyBenchmark {

    @Param({"spb"})
    public String region;

    private TextNormalizer normalizer;
    private TrainedClassifier classifier;
    private String[] texts;
    private int next;

    @Setup
    public void load() throws Exception {
        RegionPack pack = RegionPack.load(region, new ObjectMapper());
        ClassifierModel model = RegionModels.model(region).orElseThrow();
        normalizer = new TextNormalizer();
        classifier = new TrainedClassifier(model, pack.region().categories(), normalizer, 0.5);
        Path data = Path.of(region.equals("spb") ? "../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz"
                : "../shared/data/kursk/train.csv");
        if (!Files.exists(data)) {
            throw new IllegalStateException("The benchmark reads real texts from " + data);
        }
        List<LabelledMessage> rows = LabelledData.read(data);
        texts = rows.stream().filter(row -> row.createdAt() == null || row.createdAt().getYear() == 2021)
                .map(LabelledMessage::text).toArray(String[]::new);
    }

    @Benchmark
    public Classification normalizeAndClassify() {
        String text = texts[next];
        next = next + 1 == texts.length ? 0 : next + 1;
        String normalized = normalizer.normalize(text);
        return classifier.classify(new IncomingMessage("bench", "-", Instant.EPOCH, text, null, null, null, null,
                null, null, null), normalized);
    }
}
