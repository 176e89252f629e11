package ru.tsur.pulse.tools.training;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correction experiment's pieces: the periods it splits the data into (arrival order, undated rows in
 * none), the service's own triage threshold, and a model's figures (triage rate, and its category accuracy on
 * the messages the model without corrections flagged).
 */
class EvaluateCorrectionsCommandTest {

    private static LabelledMessage row(String id, String time) {
        return new LabelledMessage(id, "текст", "Благоустройство", null, null, null, null, null, null,
                time == null ? null : LocalDateTime.parse(time), null);
    }

    @Test
    void thePeriodsAreBeforeFromThenUpToTheSplitThenUpToTheEndInArrivalOrder() {
        LabelledMessage december = row("1", "2020-12-31T23:59:59");
        LabelledMessage newYear = row("2", "2021-01-01T00:00:00");
        LabelledMessage fifteenth = row("3", "2021-01-15T23:00:00");
        LabelledMessage sixteenth = row("4", "2021-01-16T00:00:00");
        LabelledMessage february = row("5", "2021-02-01T00:00:00");
        LabelledMessage undated = row("6", null);
        EvaluateCorrectionsCommand.Periods periods = EvaluateCorrectionsCommand.Periods.of(
                List.of(sixteenth, fifteenth, undated, february, newYear, december),
                LocalDateTime.parse("2021-01-01T00:00"), LocalDateTime.parse("2021-01-16T00:00"),
                LocalDateTime.parse("2021-02-01T00:00"));
        assertThat(periods).isEqualTo(new EvaluateCorrectionsCommand.Periods(List.of(december),
                List.of(newYear, fifteenth), List.of(sixteenth)));
    }

    @Test
    void theTriageThresholdIsTheServicesAndTheConfigurationKeepsIt() throws IOException {
        assertThat(EvaluateCorrectionsCommand.serviceTriageBelow()).isEqualTo(0.5);
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        assertThat(properties.stringPropertyNames()).noneMatch(key -> key.contains("triage-below"));
    }

    @Test
    void aModelsFiguresCountItsTriageAndItsAccuracyWhereTheModelWithoutCorrectionsWasUnsure() {
        List<EvaluateCommand.Prediction> base = List.of(
                new EvaluateCommand.Prediction("roads", "roads", "Ямы", "Ямы", null, null, false),
                new EvaluateCommand.Prediction("roads", "improvement", "Ямы", "Снег", null, null, true),
                new EvaluateCommand.Prediction("roof", "improvement", "Наледь", "Снег", null, null, true),
                new EvaluateCommand.Prediction("roof", "roof", "Наледь", "Наледь", null, null, false));
        List<EvaluateCommand.Prediction> corrected = List.of(
                new EvaluateCommand.Prediction("roads", "roads", "Ямы", "Ямы", null, null, false),
                new EvaluateCommand.Prediction("roads", "roads", "Ямы", "Ямы", null, null, false),
                new EvaluateCommand.Prediction("roof", "improvement", "Наледь", "Снег", null, null, true),
                new EvaluateCommand.Prediction("roof", "roof", "Наледь", "Наледь", null, null, false));
        EvaluateCorrectionsCommand.Figures before = EvaluateCorrectionsCommand.figures("without", base, base);
        EvaluateCorrectionsCommand.Figures after = EvaluateCorrectionsCommand.figures("with", corrected, base);
        assertThat(before.scores().keySet()).containsExactly("category", "topic");
        assertThat(before.scores().get("category").accuracy()).isEqualTo(0.5);
        assertThat(before.triageRate()).isEqualTo(0.5);
        assertThat(before.baseTriagedCategoryAccuracy()).isEqualTo(0.0);
        assertThat(after.scores().get("category").accuracy()).isEqualTo(0.75);
        assertThat(after.scores().get("topic").accuracy()).isEqualTo(0.75);
        assertThat(after.triageRate()).isEqualTo(0.25);
        assertThat(after.baseTriagedCategoryAccuracy()).isEqualTo(0.5);
    }
}
