package ru.tsur.pulse.tools.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.locate.RegionPack;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kursk model and routing table shipped in the region pack are exactly what the train command makes
 * from the shared data (with the documented {@code --class-balance 0}): the artefacts are reproducible.
 */
class ShippedModelReproductionTest {

    @Test
    void trainingOnTheSharedKurskDataReproducesTheShippedFiles() throws Exception {
        String previous = System.getProperty("pulse.train.class-balance");
        System.setProperty("pulse.train.class-balance", "0");
        try {
            RegionPack kursk = RegionPack.load("kursk", new ObjectMapper());
            List<LabelledMessage> messages = LabelledData.read(Path.of("../shared/data/kursk/train.csv"));
            RegionTraining.Trained trained = new RegionTraining(kursk).train(messages,
                    TrainCommand.description(messages.size(), Path.of("../shared/data/kursk/train.csv")));
            ByteArrayOutputStream model = new ByteArrayOutputStream();
            trained.model().write(model);
            ByteArrayOutputStream routing = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(routing, StandardCharsets.UTF_8)) {
                trained.routing().write(writer);
            }
            assertThat(model.toByteArray()).isEqualTo(shipped("regions/kursk/model.bin"));
            assertThat(routing.toString(StandardCharsets.UTF_8))
                    .isEqualTo(new String(shipped("regions/kursk/routing.csv"), StandardCharsets.UTF_8));
        } finally {
            if (previous == null) {
                System.clearProperty("pulse.train.class-balance");
            } else {
                System.setProperty("pulse.train.class-balance", previous);
            }
        }
    }

    private static byte[] shipped(String path) throws Exception {
        try (InputStream stream = getClassLoaderResource(path)) {
            return stream.readAllBytes();
        }
    }

    private static InputStream getClassLoaderResource(String path) {
        InputStream stream = ShippedModelReproductionTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(stream).as(path).isNotNull();
        return stream;
    }
}
