package ru.tsur.pulse.tools.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Location;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.domain.Route;
import ru.tsur.pulse.locate.RegionPack;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulated operator touches exactly the messages the service flagged for triage, and leaves each as the
 * console stores a correction: the display copy, the service's municipality, the model's answer before and
 * the true labels after, confirmed when the model was right; a message whose true category the region does
 * not have is counted apart.
 */
class SimulatedOperatorTest {

    private static final Region SPB = RegionPack.load("spb", new ObjectMapper()).region();

    private static LabelledMessage row(String id, String category, String topic, String executor, String time) {
        return new LabelledMessage(id, "текст " + id, category, topic, executor, 59.9, 30.3, null, null,
                LocalDateTime.parse(time), null);
    }

    private static PreparedMessage decided(LabelledMessage row, String category, String topic, boolean triage,
                                           String municipality) {
        IncomingMessage incoming = new IncomingMessage("evaluation", row.id(), Instant.EPOCH, row.text(), row.lat(),
                row.lon(), null, null, null, null, null);
        return new PreparedMessage(incoming, row.text(), "маска " + row.id(),
                new Classification(category, topic, triage ? 0.4 : 0.9, "model", List.of(), List.of(), triage),
                new Location(municipality, "point"), new Route("Администрация", "standard", "table"));
    }

    @Test
    void theOperatorConfirmsOrCorrectsTheTriagedMessagesOnly() {
        LabelledMessage sure = row("1", "Благоустройство", "Ямы", "ЖКС", "2021-01-01T09:00:00");
        LabelledMessage wrong = row("2", "Кровля", "Наледь", "ЖКС-2", "2021-01-02T12:30:00");
        LabelledMessage right = row("3", "Благоустройство", "Ямы", null, "2021-01-03T00:15:00");
        LabelledMessage foreign = row("4", "Нет такой категории", "Что-то", null, "2021-01-04T08:00:00");
        SimulatedOperator.Work work = new SimulatedOperator(SPB).correct(List.of(sure, wrong, right, foreign), List.of(
                decided(sure, "improvement", "Ямы", false, "spb-avtovo"),
                decided(wrong, "improvement", "Ямы", true, "spb-avtovo"),
                decided(right, "improvement", "Ямы", true, "unknown"),
                decided(foreign, "improvement", "Ямы", true, "spb-avtovo")));

        String roof = ModelTraining.category(SPB, "Кровля").orElseThrow().id();
        assertThat(work).isEqualTo(new SimulatedOperator.Work(List.of(
                new Correction(2, "spb", "маска 2", "spb-avtovo", "improvement", "Ямы", roof, "Наледь", "ЖКС-2", false,
                        "simulated-operator", Instant.parse("2021-01-02T09:30:00Z")),
                new Correction(3, "spb", "маска 3", "unknown", "improvement", "Ямы", "improvement", "Ямы", null, true,
                        "simulated-operator", Instant.parse("2021-01-02T21:15:00Z"))), 4, 3, 1));
        assertThat(work.confirmed()).isEqualTo(1);
        assertThat(work.categoryChanged()).isEqualTo(1);
    }

    @Test
    void everyMessageNeedsItsDecision() {
        LabelledMessage only = row("1", "Благоустройство", "Ямы", null, "2021-01-01T09:00:00");
        assertThatThrownBy(() -> new SimulatedOperator(SPB).correct(List.of(only), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 messages but 0 decisions");
    }
}
