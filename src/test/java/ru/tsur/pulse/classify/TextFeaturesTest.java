package ru.tsur.pulse.classify;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's view of a text: what is folded, dropped and stemmed, and that features are stable.
 */
class TextFeaturesTest {

    private final TextFeatures features = new TextFeatures(new TextNormalizer(), 18);

    @Test
    void foldingDropsMarkupMasksCaseAndYo() {
        assertThat(features.fold("<p>Ёлки&nbsp;у дома XXXX XXXXXX, звонила ХХХ</p>"))
                .isEqualTo("елки у дома , звонила");
    }

    @Test
    void tokensFoldNumbersAndKeepHyphenatedWords() {
        assertThat(TextFeatures.tokens("дом 12к3, кв. 45 — северо-западный угол"))
                .isEqualTo(List.of("дом", "0", "к", "0", "кв", "0", "северо-западный", "угол"));
    }

    @Test
    void caseEndingsShareTheirStemFeature() {
        SparseVector snow = features.counts("снег").words();
        SparseVector snowGenitive = features.counts("снега").words();
        assertThat(snow.indices()).containsAnyOf(snowGenitive.indices());
    }

    @Test
    void sameTextGivesTheSameVectorAndBlocksAreUnitLength() {
        float[] idf = new float[features.buckets()];
        java.util.Arrays.fill(idf, 1f);
        SparseVector first = features.vector("Не убран снег во дворе дома 5", idf);
        SparseVector second = features.vector("Не убран снег во дворе дома 5", idf);
        assertThat(first.indices()).isEqualTo(second.indices());
        assertThat(first.values()).isEqualTo(second.values());
        TextFeatures.Counts counts = features.counts("Не убран снег");
        double words = norm(features.weigh(new TextFeatures.Counts(counts.words(), new SparseVector(new int[0], new float[0])), idf));
        assertThat(words).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void placeFeaturesAreAppendedOnlyWhenKnown() {
        SparseVector text = new SparseVector(new int[]{1, 2}, new float[]{0.5f, 0.5f});
        assertThat(features.withPlace(text, null, null)).isSameAs(text);
        SparseVector placed = features.withPlace(text, "kursk-gorod-kursk", null);
        assertThat(placed.size()).isEqualTo(3);
        assertThat(placed.values()[2]).isEqualTo(1f);
        assertThat(features.withPlace(text, "spb-kolpino", "Колпинский").size()).isEqualTo(4);
    }

    private static double norm(SparseVector vector) {
        double sum = 0;
        for (float value : vector.values()) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
