package ru.tsur.pulse.prevention.incidents;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.prevention.Place;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The incident finder with its defaults (400 m, 12 h, 3 places, alpha 0.001, 28 days). Every case starts its
 * history with one unrelated message exactly 28 days (672 h) before the cluster, so a cluster with no
 * background of its topic expects μ = (0 + 1) × 12 / 672 = 1/56 places over its (at least) 12 hours.
 */
class IncidentFinderTest {

    private static final Instant T0 = Instant.parse("2024-02-29T07:00:00Z");
    private static final String HOT = "Отсутствие горячей воды";
    /** Metres per degree of latitude on the finder's sphere. */
    private static final double METRES_PER_DEGREE = Math.PI * IncidentFinder.EARTH_METRES / 180;

    private final IncidentFinder finder = new IncidentFinder(IncidentFinder.Settings.defaults());

    private static IncidentMessage message(String id, Instant at, String address, String topic, double latitude,
                                           double longitude) {
        return new IncidentMessage(id, at, Place.of(address, latitude, longitude), "Водоснабжение", topic, latitude, longitude);
    }

    private static List<IncidentMessage> withHistory(List<IncidentMessage> messages) {
        List<IncidentMessage> all = new ArrayList<>();
        all.add(message("history", T0.minus(Duration.ofDays(28)), "Дальняя улица, дом 1", "Мусор", 59.99, 30.50));
        all.addAll(messages);
        return all;
    }

    /** {@code count} buildings of one topic, {@code metres} apart northwards, {@code minutes} apart in time. */
    private static List<IncidentMessage> row(String prefix, int count, double metres, long minutes, String topic) {
        List<IncidentMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(message(prefix + i, T0.plus(Duration.ofMinutes(minutes * i)), "Садовая улица, дом " + (i + 1),
                    topic, 59.93 + i * metres / METRES_PER_DEGREE, 30.36));
        }
        return messages;
    }

    @Test
    void eightBuildingsOfABlockWithinSixHoursAreOneIncidentWithItsCause() {
        // 8 buildings 40 m apart (280 m in all), one every 45 minutes.
        List<Incident> incidents = finder.find(withHistory(row("hot", 8, 40, 45, HOT)), T0.plus(Duration.ofDays(1)));

        assertThat(incidents).hasSize(1);
        Incident incident = incidents.get(0);
        assertThat(incident.places()).hasSize(8);
        assertThat(incident.messageIds()).containsExactly("hot0", "hot1", "hot2", "hot3", "hot4", "hot5", "hot6", "hot7");
        assertThat(incident.start()).isEqualTo(T0);
        assertThat(incident.end()).isEqualTo(T0.plus(Duration.ofMinutes(315)));
        assertThat(incident.latitude()).isCloseTo(59.93 + 140 / METRES_PER_DEGREE, within(1e-9));
        assertThat(incident.radiusMetres()).isEqualTo(400);
        assertThat(incident.expected()).isCloseTo(1 / 56.0, within(1e-12));
        // P(X ≥ 8) for μ = 1/56.
        assertThat(incident.pValue()).isCloseTo(2.523959e-19, within(1e-24));
        // Significant at the third building: P(X ≥ 3) = 9.4e-7 < 0.001.
        assertThat(incident.detectedAt()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
        assertThat(incident.cause()).isEqualTo("теплоснабжение: авария на сети/ИТП");
        assertThat(incident.topic()).isEqualTo(HOT);
    }

    @Test
    void buildingsFarApartOrDaysApartAreNoIncident() {
        List<IncidentMessage> messages = new ArrayList<>();
        messages.addAll(row("far", 8, 1_000, 45, HOT));           // within hours, a kilometre apart
        messages.addAll(row("slow", 8, 40, 24 * 60, "Граффити"));  // a block, one a day
        assertThat(finder.find(withHistory(messages), T0.plus(Duration.ofDays(10)))).isEmpty();
    }

    @Test
    void oneBuildingWithManyMessagesIsNoIncident() {
        List<IncidentMessage> messages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            messages.add(message("lift" + i, T0.plus(Duration.ofMinutes(10 * i)), "Невская улица, дом 5", HOT, 59.95, 30.40));
        }
        // and a second building with as many: two places, still fewer than three
        for (int i = 0; i < 12; i++) {
            messages.add(message("next" + i, T0.plus(Duration.ofMinutes(10 * i)), "Невская улица, дом 7", HOT, 59.9502, 30.40));
        }
        assertThat(finder.find(withHistory(messages), T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void fourBuildingsAreAnIncidentOnlyWhereTheTopicIsRare() {
        List<IncidentMessage> cluster = row("now", 4, 40, 30, "Парадная");
        assertThat(finder.find(withHistory(cluster), T0.plus(Duration.ofDays(1)))).hasSize(1);

        // 200 messages of the topic in the same circle over the 28 days before, each its own day-apart single:
        // μ = 201 × 12 / 672 = 3.59, P(X ≥ 4) = 0.48 — what the area always has.
        List<IncidentMessage> busy = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            busy.add(message("before" + i, T0.minus(Duration.ofMinutes(200 * (i + 1))), "Садовая улица, дом 1",
                    "Парадная", 59.93, 30.36));
        }
        busy.addAll(cluster);
        assertThat(finder.find(withHistory(busy), T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void messagesAfterNowAreNotSeen() {
        List<IncidentMessage> messages = withHistory(row("hot", 8, 40, 45, HOT));
        // Only the first two buildings came before now: no incident yet.
        assertThat(finder.find(messages, T0.plus(Duration.ofMinutes(60)))).isEmpty();
        assertThat(finder.find(messages, T0.plus(Duration.ofMinutes(91))).get(0).messageIds()).hasSize(3);
    }

    @Test
    void twoTopicsInOneBlockAreTwoIncidents() {
        List<IncidentMessage> messages = new ArrayList<>(row("hot", 4, 40, 30, HOT));
        messages.addAll(row("light", 4, 40, 30, "Неисправно освещение, опора освещения повреждена"));
        List<Incident> incidents = finder.find(withHistory(messages), T0.plus(Duration.ofDays(1)));
        assertThat(incidents).extracting(Incident::cause)
                .containsExactlyInAnyOrder("теплоснабжение: авария на сети/ИТП", "наружное освещение: линия");
    }

    @Test
    void poissonUpperTailHasItsKnownValues() {
        assertThat(IncidentFinder.poissonUpperTail(0, 2.5)).isEqualTo(1);
        assertThat(IncidentFinder.poissonUpperTail(1, 1)).isCloseTo(1 - Math.exp(-1), within(1e-15));
        assertThat(IncidentFinder.poissonUpperTail(3, 0.5)).isCloseTo(0.014387677966970713, within(1e-15));
        assertThat(IncidentFinder.poissonUpperTail(8, 1)).isCloseTo(1.0249196674641692e-05, within(1e-17));
        assertThat(IncidentFinder.poissonUpperTail(4, 3.5892857142857144)).isCloseTo(0.4825054094649529, within(1e-12));
    }

    @Test
    void distancesAreGreatCircleMetres() {
        assertThat(IncidentFinder.metres(59.93, 30.36, 59.93 + 1 / METRES_PER_DEGREE * 400, 30.36)).isCloseTo(400, within(1e-6));
        // a degree of longitude at 60° N is half a degree of latitude
        assertThat(IncidentFinder.metres(60, 30, 60, 30.001)).isCloseTo(METRES_PER_DEGREE * 0.001 * 0.5, within(0.01));
    }
}
