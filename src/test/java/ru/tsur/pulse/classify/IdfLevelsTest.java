package ru.tsur.pulse.classify;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.region.RegionModels;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Serving reads the IDF from its one-byte levels; the vectors are the float IDF's to the bit, and levels
 * that cannot give the floats back are refused.
 */
class IdfLevelsTest {

    private static final List<String> TEXTS = List.of(
            "<p>Во дворе дома 12 по ул. Ленина не убран снег,&nbsp;гололёд!</p>",
            "Яма на дороге у остановки, машины объезжают по встречной",
            "Не работает уличное освещение в деревне Клюква Курского района",
            "Подъезд не убирают с октября, управляющая компания XXXX не отвечает");

    @Test
    void theShippedModelsServeTheSameVectorsFromIdfLevels() {
        TextNormalizer normalizer = new TextNormalizer();
        for (String region : List.of("spb", "kursk")) {
            ClassifierModel model = RegionModels.model(region).orElseThrow();
            assertThat(model.idfLevels()).as(region).isNotNull();
            TextFeatures features = new TextFeatures(normalizer, model.bits());
            for (String text : TEXTS) {
                String normalized = normalizer.normalize(text);
                SparseVector fromFloats = features.vectorOfNormalized(normalized, model.idf());
                SparseVector fromLevels = features.vectorOfNormalized(normalized, model.idf(), model.idfLevels());
                assertThat(fromLevels.indices()).isEqualTo(fromFloats.indices());
                assertThat(fromLevels.values()).isEqualTo(fromFloats.values());
            }
        }
    }

    @Test
    void valuesThatAreNotWholeLevelsAreRefused() {
        assertThat(IdfLevels.of(new float[]{0f, 0.5f, 1.0f}, 0.5f)).isNotNull();
        assertThat(IdfLevels.of(new float[]{0f, 0.5f, 0.7f}, 0.5f)).isNull();
        assertThat(IdfLevels.of(new float[]{0f, 200f}, 0.5f)).isNull();
    }
}
