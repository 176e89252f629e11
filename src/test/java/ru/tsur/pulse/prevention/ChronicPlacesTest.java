package ru.tsur.pulse.prevention;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The chronic-places register on small histories whose every figure can be worked out by hand: counts,
 * episodes, returns after a resolution and how soon, the trend, the executors, the topic prior and the score,
 * and a ranking in which two messages do not outrank forty.
 */
class ChronicPlacesTest {

    private static final Instant AS_OF = Instant.parse("2024-04-01T00:00:00Z");
    private static final ChronicPlaces REGISTER = new ChronicPlaces(ChronicPlaces.Settings.defaults());
    private static final String HOUSE = "ул. Мебельная, д. 1";

    private static Instant daysBefore(double days) {
        return AS_OF.minusSeconds(Math.round(days * 86_400));
    }

    private static PlaceMessage message(double daysBefore, String address, String topic, String executor, Double resolvedDaysBefore) {
        Place place = Place.of(address, 59.9, 30.3);
        return new PlaceMessage(daysBefore(daysBefore), place, "округ", "Фасад", topic, executor,
                resolvedDaysBefore == null ? null : daysBefore(resolvedDaysBefore), 59.9, 30.3);
    }

    private static PlaceMessage inCell(double daysBefore, String topic) {
        return new PlaceMessage(daysBefore(daysBefore), Place.of(null, 59.93863, 30.31413), "округ", "Фасад", topic, null,
                null, 59.93863, 30.31413);
    }

    /**
     * Graffiti at one house: messages 80 days before (resolved at 78) and two hours later (one episode), 60
     * (resolved at 55), 20 and 10 days before — 4 episodes, 3 returns, each after a resolution: 18, 35 and 45
     * days after it. Dirt at the same house spelled differently, one message 5 days before; graffiti in a cell,
     * one message 40 days before; one message 100 days before (outside the window, but the data begin there)
     * and one at the register's instant (ignored).
     */
    private static List<PlaceMessage> history() {
        return List.of(
                message(80, HOUSE, "graffiti", "ЖКС-1", 78.0),
                message(80 - 2 / 24.0, HOUSE, "graffiti", "ЖКС-1", null),
                message(60, HOUSE, "graffiti", "ЖКС-2", 55.0),
                message(20, HOUSE, "graffiti", "ЖКС-1", null),
                message(10, HOUSE, "graffiti", null, null),
                message(5, "Мебельная улица, дом 1, литера А", "dirt", "ЖКС-1", null),
                inCell(40, "graffiti"),
                message(100, "ул. Садовая, 2", "graffiti", null, null),
                message(0, HOUSE, "graffiti", null, null));
    }

    @Test
    void everyFigureOfAPlaceIsCountedAsDefined() {
        List<ChronicPlace> rows = REGISTER.rank(history(), AS_OF);
        assertThat(rows).extracting(ChronicPlace::placeKey, ChronicPlace::topic).containsExactly(
                tuple("building:улица мебельная, дом 1", "graffiti"),
                tuple("building:улица мебельная, дом 1", "dirt"),
                tuple("cell:44482:11269", "graffiti"));
        ChronicPlace graffiti = rows.get(0);
        assertThat(graffiti.messages30()).isEqualTo(2);
        assertThat(graffiti.messages90()).isEqualTo(5);
        assertThat(graffiti.episodes()).isEqualTo(4);
        assertThat(graffiti.returns()).isEqualTo(3);
        assertThat(graffiti.returnsAfterResolution()).isEqualTo(3);
        assertThat(graffiti.medianDaysToReturn()).isCloseTo(35.0, within(1e-9));
        // the data begin 100 days before: 3 messages in the 60 days before the last 30, 2 in the last 30
        // (2/30 − 3/60) / (2/30 + 3/60) = 1/7
        assertThat(graffiti.trend()).isCloseTo(1 / 7.0, within(1e-9));
        assertThat(graffiti.executors()).containsExactly(new ChronicPlace.ExecutorCount("ЖКС-1", 3),
                new ChronicPlace.ExecutorCount("ЖКС-2", 1));
        assertThat(graffiti.exposureDays()).isCloseTo(80, within(1e-9));
        assertThat(graffiti.returnsPer90Days()).isCloseTo(90 * 3 / 80.0, within(1e-9));
        assertThat(graffiti.firstMessageAt()).isEqualTo(daysBefore(80));
        assertThat(graffiti.lastMessageAt()).isEqualTo(daysBefore(10));
        assertThat(graffiti.kind()).isEqualTo(Place.Kind.BUILDING);
        assertThat(graffiti.label()).isEqualTo(HOUSE);
        assertThat(graffiti.category()).isEqualTo("Фасад");
        assertThat(graffiti.municipality()).isEqualTo("округ");
        assertThat(graffiti.latitude()).isCloseTo(59.9, within(1e-9));

        ChronicPlace cell = rows.get(2);
        assertThat(cell.kind()).isEqualTo(Place.Kind.CELL);
        assertThat(cell.latitude()).isCloseTo(59.9386903, within(1e-7));
        assertThat(cell.returns()).isZero();
        assertThat(cell.medianDaysToReturn()).isNull();
        assertThat(cell.trend()).isCloseTo(-1.0, within(1e-9));
        assertThat(cell.executors()).isEmpty();
    }

    @Test
    void theScoreIsReturnsPer90DaysShrunkTowardsTheTopicsRate() {
        List<ChronicPlace> rows = REGISTER.rank(history(), AS_OF);
        // All places: 3 returns in 80 + 5 + 40 = 125 days → 0.024 a day.
        // graffiti: (3 + 30 × 0.024) / (80 + 40 + 30) = 0.0248 a day; dirt: (0 + 0.72) / (5 + 30) a day.
        double graffitiRate = (3 + 30 * 0.024) / 150;
        double dirtRate = 0.72 / 35;
        assertThat(rows.get(0).topicReturnsPer90Days()).isCloseTo(90 * graffitiRate, within(1e-9));
        assertThat(rows.get(1).topicReturnsPer90Days()).isCloseTo(90 * dirtRate, within(1e-9));
        assertThat(rows.get(0).score()).isCloseTo(90 * (3 + 30 * graffitiRate) / (80 + 30), within(1e-9));
        assertThat(rows.get(1).score()).isCloseTo(90 * (30 * dirtRate) / (5 + 30), within(1e-9));
        assertThat(rows.get(2).score()).isCloseTo(90 * (30 * graffitiRate) / (40 + 30), within(1e-9));
    }

    @Test
    void twoMessagesDoNotOutrankForty() {
        List<PlaceMessage> messages = new ArrayList<>();
        // A busy house: 30 episodes three days apart over 89 days, 10 of them with a second message the same hour.
        for (int episode = 0; episode < 30; episode++) {
            messages.add(message(89 - 3 * episode, "ул. Садовая, 1", "dirt", null, null));
            if (episode % 3 == 0) {
                messages.add(message(89 - 3 * episode - 0.01, "ул. Садовая, 1", "dirt", null, null));
            }
        }
        // A new one: two messages a day and a half apart, the first two days ago.
        messages.add(message(2, "ул. Садовая, 3", "dirt", null, null));
        messages.add(message(0.5, "ул. Садовая, 3", "dirt", null, null));
        // Twenty houses where dirt came once, 50 days ago, and never again.
        for (int house = 10; house < 30; house++) {
            messages.add(message(50, "ул. Садовая, " + house, "dirt", null, null));
        }
        List<ChronicPlace> rows = REGISTER.rank(messages, AS_OF);
        ChronicPlace busy = rows.get(0);
        ChronicPlace fresh = rows.get(1);
        assertThat(busy.placeKey()).isEqualTo("building:улица садовая, дом 1");
        assertThat(busy.messages90()).isEqualTo(40);
        assertThat(fresh.placeKey()).isEqualTo("building:улица садовая, дом 3");
        // Raw, the new house comes back faster (45 a 90 days against 29.3) ...
        assertThat(fresh.returnsPer90Days()).isCloseTo(45, within(1e-9));
        assertThat(busy.returnsPer90Days()).isCloseTo(90 * 29 / 89.0, within(1e-9));
        // ... shrunk, its one return in two days weighs what it is worth: 30 returns in 89 + 2 + 20 × 50 days.
        double rate = 30 / 1091.0;
        assertThat(fresh.score()).isCloseTo(90 * (1 + 30 * rate) / (2 + 30), within(1e-9));
        assertThat(busy.score()).isCloseTo(90 * (29 + 30 * rate) / (89 + 30), within(1e-9));
        assertThat(rows).hasSize(22);
        assertThat(rows.subList(2, 22)).allSatisfy(row -> assertThat(row.score()).isLessThan(fresh.score()));
    }

    @Test
    void messagesOfOneDayAreOneEpisodeAndALaterOneIsAReturn() {
        ChronicPlaces register = new ChronicPlaces(new ChronicPlaces.Settings(Duration.ofHours(24), 30));
        List<ChronicPlace> rows = register.rank(List.of(
                message(10, HOUSE, "dirt", null, null),
                message(10 - 23 / 24.0, HOUSE, "dirt", null, null),
                message(10 - 46 / 24.0, HOUSE, "dirt", null, null),
                message(7, HOUSE, "dirt", null, null)), AS_OF);
        // 10 → 9.04 → 8.08 days before: each within 24 h of the previous one, one episode; 7 days before, a return.
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.episodes()).isEqualTo(2);
            assertThat(row.returns()).isEqualTo(1);
            assertThat(row.returnsAfterResolution()).isZero();
            // the data begin 10 days before: nothing before the last 30 days to compare with
            assertThat(row.trend()).isNull();
        });
    }

    @Test
    void aResolutionCountsOnlyOnceItHappened() {
        // The first message is resolved 5 days before, after the return 8 days before: not a return after a resolution.
        List<ChronicPlace> rows = REGISTER.rank(List.of(
                message(20, HOUSE, "dirt", null, 5.0),
                message(8, HOUSE, "dirt", null, null)), AS_OF);
        assertThat(rows.get(0).returns()).isEqualTo(1);
        assertThat(rows.get(0).returnsAfterResolution()).isZero();
    }

    @Test
    void withoutATopicTheCategoryStandsForIt() {
        PlaceMessage noTopic = message(3, HOUSE, null, null, null);
        List<ChronicPlace> rows = REGISTER.rank(List.of(noTopic, message(4, HOUSE, "dirt", null, null)), AS_OF);
        assertThat(rows).extracting(ChronicPlace::topic).containsExactlyInAnyOrder("dirt", null);
        assertThat(rows).filteredOn(row -> row.topic() == null).singleElement()
                .satisfies(row -> assertThat(row.placeTopic()).isEqualTo(new PlaceTopic("building:улица мебельная, дом 1", "Фасад")));
        assertThat(REGISTER.rank(List.of(), AS_OF)).isEmpty();
    }

    @Test
    void theTrendComparesDailyRatesOverTheDaysTheDataCover() {
        Instant asOf = AS_OF;
        // data from 60 days before: 30 days before the last 30; 3 then, 6 now → (6/30 − 3/30) / (6/30 + 3/30) = 1/3
        assertThat(ChronicPlaces.trend(6, 3, daysBefore(60), asOf)).isCloseTo(1 / 3.0, within(1e-12));
        // data from long before: the 60 days; 0 now → −1
        assertThat(ChronicPlaces.trend(0, 4, daysBefore(400), asOf)).isCloseTo(-1, within(1e-12));
        assertThat(ChronicPlaces.trend(4, 0, daysBefore(400), asOf)).isCloseTo(1, within(1e-12));
        assertThat(ChronicPlaces.trend(4, 0, daysBefore(30.5), asOf)).isNull();
    }
}
