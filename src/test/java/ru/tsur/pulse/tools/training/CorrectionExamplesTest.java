package ru.tsur.pulse.tools.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.locate.RegionPack;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Corrections become labelled examples with the operator's labels, the masked text and the municipality the
 * service placed them in; they follow the training data, each as many times as its weight; and training
 * places them where the service did, not where their text would.
 */
class CorrectionExamplesTest {

    private static final LabelledMessage DATA_ROW = new LabelledMessage("2947909", "Над дверью висит провод",
            "Содержание МКД", "Неудовлетворительное состояние парадной", "Администрация Приморского района",
            59.99, 30.19, "муниципальный округ №65", "Приморский", null, null);

    private static Correction correction(long messageId, String municipalityId, boolean confirmed) {
        return new Correction(messageId, "spb", "Звонить [телефон], во дворе яма", municipalityId, "improvement",
                "Неубранный снег", "roads", "Ямы на дороге", "ГКУ «Дирекция»", confirmed, "operator1",
                Instant.parse("2021-01-05T10:00:00Z"));
    }

    @Test
    void aCorrectionIsItsMaskedTextWithTheOperatorsLabelsAndTheServicesMunicipality() {
        assertThat(CorrectionExamples.example(correction(41, "spb-avtovo", false))).isEqualTo(new LabelledMessage(
                "correction:41", "Звонить [телефон], во дворе яма", "roads", "Ямы на дороге", "ГКУ «Дирекция»",
                null, null, null, null, null, "spb-avtovo"));
    }

    @Test
    void aCorrectionTheServiceCouldNotPlaceHasNoMunicipality() {
        assertThat(CorrectionExamples.example(correction(42, "unknown", true)).municipalityId()).isNull();
    }

    @Test
    void correctionsFollowTheDataEachAsManyTimesAsItsWeight() {
        LabelledMessage first = CorrectionExamples.example(correction(41, "spb-avtovo", false));
        LabelledMessage second = CorrectionExamples.example(correction(42, "unknown", true));
        assertThat(CorrectionExamples.withCorrections(List.of(DATA_ROW),
                List.of(correction(41, "spb-avtovo", false), correction(42, "unknown", true)), 2))
                .containsExactly(DATA_ROW, first, first, second, second);
        assertThat(CorrectionExamples.withCorrections(List.of(DATA_ROW), List.of(), 2)).containsExactly(DATA_ROW);
    }

    @Test
    void aWeightBelowOneIsRefused() {
        assertThatThrownBy(() -> CorrectionExamples.withCorrections(List.of(DATA_ROW), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A correction's weight must be at least 1, not 0");
    }

    @Test
    void trainingPlacesACorrectionWhereTheServiceDid() {
        RegionPack spb = RegionPack.load("spb", new ObjectMapper());
        RegionTraining training = new RegionTraining(spb);
        LabelledMessage example = CorrectionExamples.example(correction(41, "spb-avtovo", false));
        String district = spb.region().districtsByMunicipality().get("spb-avtovo");
        assertThat(district).isNotNull();
        assertThat(training.servedPlace(example)).containsExactly("spb-avtovo", district);
        assertThat(training.municipalityOf(example)).isEqualTo("spb-avtovo");
        LabelledMessage unplaced = CorrectionExamples.example(correction(42, "unknown", true));
        assertThat(training.servedPlace(unplaced)).containsExactly(null, null);
    }
}
