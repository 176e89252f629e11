package ru.tsur.pulse.prevention.incidents;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.prevention.Place;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How a sweep's found incidents continue stored ones, which topics are read, and an incident's municipality. */
class IncidentSweepTest {

    private static final Instant T = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aFoundIncidentContinuesTheStoredOneItSharesMostMessagesWith() {
        Incident grown = incident("1", "2", "3", "4", "5");
        List<IncidentSweep.Stored> stored = List.of(
                new IncidentSweep.Stored(10, "detected", Set.of("1")),
                new IncidentSweep.Stored(11, "confirmed", Set.of("2", "3", "4")),
                new IncidentSweep.Stored(12, "resolved", Set.of("99")));
        assertThat(IncidentSweep.match(List.of(grown), stored))
                .containsExactly(new IncidentSweep.Match(grown, 11L));
    }

    @Test
    void whenAGroupSplitsTheLargerPartKeepsTheIncidentAndTheOtherIsNew() {
        Incident small = incident("1", "2");
        Incident large = incident("3", "4", "5");
        Incident unrelated = incident("7", "8", "9");
        List<IncidentSweep.Stored> stored = List.of(new IncidentSweep.Stored(20, "detected", Set.of("1", "2", "3", "4", "5")));
        assertThat(IncidentSweep.match(List.of(small, large, unrelated), stored)).containsExactly(
                new IncidentSweep.Match(small, null),
                new IncidentSweep.Match(large, 20L),
                new IncidentSweep.Match(unrelated, null));
    }

    @Test
    void tiesGoToTheOlderStoredIncident() {
        Incident found = incident("1", "2");
        List<IncidentSweep.Stored> stored = List.of(
                new IncidentSweep.Stored(31, "detected", Set.of("2")),
                new IncidentSweep.Stored(30, "detected", Set.of("1")));
        assertThat(IncidentSweep.match(List.of(found), stored)).containsExactly(new IncidentSweep.Match(found, 30L));
    }

    @Test
    void onlyTopicsWithEnoughDistinctPlacesAreRead() {
        List<IncidentMessage> messages = List.of(
                message("1", "a", "Нет горячей воды"), message("2", "b", "Нет горячей воды"), message("3", "c", "Нет горячей воды"),
                // one building writing four times is one place
                message("4", "d", "Мусор"), message("5", "d", "Мусор"), message("6", "d", "Мусор"), message("7", "e", "Мусор"));
        assertThat(IncidentSweep.topicsWithPlaces(messages, 3)).containsExactly("Нет горячей воды");
        assertThat(IncidentSweep.topicsWithPlaces(messages, 2)).containsExactly("Мусор", "Нет горячей воды");
    }

    @Test
    void theMunicipalityIsTheOneMostMessagesAreIn() {
        assertThat(IncidentSweep.majority(List.of("spb-kolpino", "spb-kolomna", "spb-kolomna"))).isEqualTo("spb-kolomna");
        // a tie: the one that reached the top count first
        assertThat(IncidentSweep.majority(List.of("spb-a", "spb-b", "spb-b", "spb-a"))).isEqualTo("spb-b");
        assertThat(IncidentSweep.majority(List.of("spb-a"))).isEqualTo("spb-a");
    }

    private static Incident incident(String... messageIds) {
        return new Incident(T, T.plusSeconds(3600), 59.9, 30.3, 400, "Нет горячей воды", "housing",
                List.of("building:a", "building:b", "building:c"), List.of(messageIds), 0.1, 1e-5, T, "теплоснабжение: авария на сети/ИТП");
    }

    private static IncidentMessage message(String id, String building, String topic) {
        return new IncidentMessage(id, T, Place.of("Санкт-Петербург, ул. Тестовая, д. " + building, 59.9, 30.3), "housing",
                topic, 59.9, 30.3);
    }
}
