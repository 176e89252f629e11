package ru.tsur.pulse.tools.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.classify.ClassifierModel;
import ru.tsur.pulse.classify.TrainedClassifier;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Training on the real Kursk messages is deterministic, a model survives save → load with the same
 * predictions, and the classifier's answers hang together (calibrated top-3, topic of the chosen category).
 */
class ModelTrainingTest {

    private static RegionPack kursk;
    private static List<LabelledMessage> training;
    private static List<LabelledMessage> heldOut;
    private static ClassifierModel model;

    @BeforeAll
    static void train() throws Exception {
        kursk = RegionPack.load("kursk", new ObjectMapper());
        List<LabelledMessage> all = LabelledData.read(Path.of("../shared/data/kursk/train.csv"));
        training = all.subList(0, 1500);
        heldOut = all.subList(1500, all.size());
        model = new RegionTraining(kursk).train(training, "test").model();
    }

    @Test
    void sameDataGivesByteIdenticalModels() throws Exception {
        ClassifierModel again = new RegionTraining(kursk).train(training, "test").model();
        assertThat(bytes(again)).isEqualTo(bytes(model));
    }

    @Test
    void savedAndLoadedModelPredictsTheSame() throws Exception {
        ClassifierModel loaded = ClassifierModel.read(new ByteArrayInputStream(bytes(model)));
        TrainedClassifier original = classifier(model);
        TrainedClassifier reloaded = classifier(loaded);
        for (LabelledMessage message : heldOut) {
            Classification before = original.classify(incoming(message), message.text());
            Classification after = reloaded.classify(incoming(message), message.text());
            assertThat(after.categoryId()).isEqualTo(before.categoryId());
            assertThat(after.topic()).isEqualTo(before.topic());
            assertThat(after.confidence()).isCloseTo(before.confidence(), within(1e-5));
        }
        assertThat(loaded.categoryHead().labels()).isEqualTo(model.categoryHead().labels());
        assertThat(loaded.topicCategories()).isEqualTo(model.topicCategories());
    }

    @Test
    void heldOutMessagesAreMostlyRightAndCandidatesAreCalibratedProbabilities() {
        TrainedClassifier classifier = classifier(model);
        int right = 0;
        for (LabelledMessage message : heldOut) {
            Classification result = classifier.classify(incoming(message), message.text());
            String truth = ModelTraining.category(kursk.region(), message.category()).orElseThrow().id();
            right += result.categoryId().equals(truth) ? 1 : 0;
            assertThat(result.categoryCandidates()).hasSize(3);
            assertThat(result.categoryCandidates().get(0).label()).isEqualTo(result.categoryId());
            assertThat(result.categoryCandidates().get(0).probability())
                    .isGreaterThanOrEqualTo(result.categoryCandidates().get(1).probability());
            assertThat(result.confidence()).isBetween(0.0, 1.0);
            assertThat(result.method()).isEqualTo("model");
        }
        assertThat((double) right / heldOut.size()).isGreaterThan(0.7);
    }

    @Test
    void sourceCategoryIsKeptAndTheTopicChosenWithinIt() {
        TrainedClassifier classifier = classifier(model);
        Classification result = classifier.classify(new IncomingMessage("portal", "1", Instant.EPOCH,
                "Не горит фонарь уличного освещения", null, null, null, null, "0", null, null), "Не горит фонарь уличного освещения");
        assertThat(result.method()).isEqualTo("source");
        assertThat(result.categoryId()).isEqualTo(ModelTraining.category(kursk.region(), "0").orElseThrow().id());
        assertThat(model.topicCategories().get(result.topic())).isEqualTo(result.categoryId());
        assertThat(result.triage()).isFalse();
    }

    @Test
    void unsureMessagesAreFlaggedForTriage() {
        TrainedClassifier strict = new TrainedClassifier(model, kursk.region().categories(), new TextNormalizer(), 1.01);
        Classification result = strict.classify(incoming(heldOut.get(0)), heldOut.get(0).text());
        assertThat(result.triage()).isTrue();
    }

    private static TrainedClassifier classifier(ClassifierModel trained) {
        return new TrainedClassifier(trained, kursk.region().categories(), new TextNormalizer(), 0.0);
    }

    private static IncomingMessage incoming(LabelledMessage message) {
        return new IncomingMessage("test", message.id(), Instant.EPOCH, message.text(), null, null, null, null, null,
                null, null);
    }

    private static byte[] bytes(ClassifierModel trained) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trained.write(out);
        return out.toByteArray();
    }
}
