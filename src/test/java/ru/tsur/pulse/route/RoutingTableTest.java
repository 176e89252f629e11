package ru.tsur.pulse.route;

import ru.tsur.pulse.domain.Route;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.route.RoutingTableTrainer.LabelledRow;
import ru.tsur.pulse.route.RoutingTableTrainer.Options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The learned routing table: the fallback chain (topic+municipality → topic+district → category+municipality →
 * topic → category → default) with the exact rule text, minimum support, deadline classes and deterministic ties.
 */
class RoutingTableTest {

    static final String TREES = "Аварийные деревья";
    static final String LIGHTS = "Неработающее наружное освещение";
    static final String HOLES = "Нарушение дорожного покрытия (ямы)";
    static final String HOUSING = "k03-housing-utilities";
    static final String ROADS = "k00-roads";
    static final String CITY = "kursk-gorod-kursk";
    static final String LGOV = "kursk-gorod-lgov";
    static final String DISTRICT = "kursk-kurskiy-rayon";

    static final String GORKHOZ = "Комитет городского хозяйства города Курска";
    static final String CITY_ADMIN = "Администрация города Курска";
    static final String LGOV_ADMIN = "Администрация города Льгов";
    static final String ZHKH = "Комитет жилищно-коммунального хозяйства города Курска";
    static final String ROADS_COMMITTEE = "Комитет дорожного хозяйства города Курска";
    static final String OBLAST_TRANSPORT = "Комитет транспорта и автомобильных дорог Курской области";

    /** A small training set whose winners and counts are easy to follow. */
    static List<LabelledRow> training() {
        List<LabelledRow> rows = new ArrayList<>();
        rows.addAll(Collections.nCopies(3, new LabelledRow(TREES, HOUSING, CITY, GORKHOZ)));
        rows.add(new LabelledRow(TREES, HOUSING, CITY, CITY_ADMIN));
        rows.add(new LabelledRow(TREES, HOUSING, LGOV, LGOV_ADMIN));                  // support 1 < 2
        rows.addAll(Collections.nCopies(2, new LabelledRow(LIGHTS, HOUSING, LGOV, LGOV_ADMIN)));
        rows.addAll(Collections.nCopies(4, new LabelledRow(LIGHTS, HOUSING, null, ZHKH)));
        rows.addAll(Collections.nCopies(2, new LabelledRow(HOLES, ROADS, CITY, ROADS_COMMITTEE)));
        rows.add(new LabelledRow(HOLES, ROADS, null, OBLAST_TRANSPORT));
        return rows;
    }

    private final RoutingTable table = RoutingTableTrainer.train(training());

    @Test
    void topicAndMunicipalityComesFirst() {
        assertThat(table.route(TREES, HOUSING, CITY))
                .isEqualTo(new Route(GORKHOZ, "urgent", "learned: topic+municipality (3 of 4)"));
        assertThat(table.route(LIGHTS, HOUSING, LGOV))
                .isEqualTo(new Route(LGOV_ADMIN, "standard", "learned: topic+municipality (2 of 2)"));
        assertThat(table.route(HOLES, ROADS, CITY))
                .isEqualTo(new Route(ROADS_COMMITTEE, "standard", "learned: topic+municipality (2 of 2)"));
    }

    @Test
    void aThinTopicCellFallsBackToTheMunicipalitysCategory() {
        // (Аварийные деревья, Льгов) has one message: below the minimum support of 2. Льгов's housing messages
        // (3 of 3) went to its own administration.
        assertThat(table.route(TREES, HOUSING, LGOV))
                .isEqualTo(new Route(LGOV_ADMIN, "urgent", "learned: category+municipality (3 of 3)"));
    }

    @Test
    void anUnknownPlaceFallsBackToTheTopic() {
        assertThat(table.route(TREES, HOUSING, DISTRICT))
                .isEqualTo(new Route(GORKHOZ, "urgent", "learned: topic only (3 of 5)"));
        assertThat(table.route(TREES, HOUSING, null))
                .isEqualTo(new Route(GORKHOZ, "urgent", "learned: topic only (3 of 5)"));
        assertThat(table.route(TREES, HOUSING, "unknown"))
                .isEqualTo(new Route(GORKHOZ, "urgent", "learned: topic only (3 of 5)"));
        assertThat(table.route(HOLES, ROADS, LGOV))
                .isEqualTo(new Route(ROADS_COMMITTEE, "standard", "learned: topic only (2 of 3)"));
    }

    @Test
    void topicsAreComparedIgnoringCaseYoAndSpaces() {
        assertThat(table.route("  аварийные   ДЕРЕВЬЯ ", HOUSING, CITY).rule())
                .isEqualTo("learned: topic+municipality (3 of 4)");
    }

    @Test
    void anUnknownTopicFallsBackToTheCategoryThenToTheDefault() {
        assertThat(table.route("Новая тема", HOUSING, null))
                .isEqualTo(new Route(ZHKH, "standard", "learned: category (4 of 11)"));
        assertThat(table.route(null, ROADS, DISTRICT))
                .isEqualTo(new Route(ROADS_COMMITTEE, "standard", "learned: category (2 of 3)"));
        assertThat(table.route("Новая тема", "k99-nothing", null)).isEqualTo(new Route(ZHKH, "standard", "default"));
        assertThat(table.route(null, null, null)).isEqualTo(new Route(ZHKH, "standard", "default"));
        assertThat(table.route("", "", "")).isEqualTo(new Route(ZHKH, "standard", "default"));
    }

    @Test
    void aDangerousTopicStaysUrgentWhenItFallsBackToCategoryOrDefault() {
        assertThat(table.route("Отсутствие горячей воды", HOUSING, null))
                .isEqualTo(new Route(ZHKH, "urgent", "learned: category (4 of 11)"));
        assertThat(table.route("Угроза падения дерева", null, null)).isEqualTo(new Route(ZHKH, "urgent", "default"));
    }

    @Test
    void minimumSupportDecidesWhichPlaceCellsExist() {
        RoutingTable trusting = RoutingTableTrainer.train(training(), Options.defaults().withMinSupport(1));
        assertThat(trusting.route(TREES, HOUSING, LGOV))
                .isEqualTo(new Route(LGOV_ADMIN, "urgent", "learned: topic+municipality (1 of 1)"));

        RoutingTable strict = RoutingTableTrainer.train(training(), Options.defaults().withMinSupport(3));
        assertThat(strict.route(TREES, HOUSING, CITY).rule()).isEqualTo("learned: topic+municipality (3 of 4)");
        assertThat(strict.route(LIGHTS, HOUSING, LGOV).rule()).isEqualTo("learned: category+municipality (3 of 3)");
        assertThat(strict.route(HOLES, ROADS, CITY))
                .isEqualTo(new Route(ROADS_COMMITTEE, "standard", "learned: topic only (2 of 3)"));
        // Topic and category cells need no more than one message.
        assertThat(strict.route(TREES, HOUSING, null).rule()).isEqualTo("learned: topic only (3 of 5)");
    }

    @Test
    void theCategoryMunicipalityLevelCanBeLeftOut() {
        RoutingTable plain = RoutingTableTrainer.train(training(), Options.defaults().withCategoryMunicipality(false));
        assertThat(plain.route(TREES, HOUSING, LGOV))
                .isEqualTo(new Route(GORKHOZ, "urgent", "learned: topic only (3 of 5)"));
        assertThat(plain.rows()).noneMatch(row -> row.level() == RoutingTable.Level.CATEGORY_MUNICIPALITY);
    }

    @Test
    void districtsGiveATopicDistrictLevel() {
        Map<String, String> districts = Map.of("spb-mo-65", "Приморский", "spb-lakhta-olgino", "Приморский",
                "spb-ozero-dolgoe", "Приморский", "spb-kolpino", "Колпинский");
        List<LabelledRow> rows = new ArrayList<>();
        rows.addAll(Collections.nCopies(2, new LabelledRow("Наличие наледи на крыше", "roof", "spb-mo-65", "ЖКС №1 Приморского района")));
        rows.add(new LabelledRow("Наличие наледи на крыше", "roof", "spb-lakhta-olgino", "ЖКС №1 Приморского района"));
        rows.add(new LabelledRow("Наличие наледи на крыше", "roof", "spb-lakhta-olgino", "ЖКС №2 Приморского района"));
        rows.addAll(Collections.nCopies(4, new LabelledRow("Наличие наледи на крыше", "roof", "spb-kolpino", "ЖКС Колпинского района")));
        RoutingTable spb = RoutingTableTrainer.train(rows, Options.defaults().withDistricts(districts::get));
        assertThat(spb.route("Наличие наледи на крыше", "roof", "spb-ozero-dolgoe"))
                .isEqualTo(new Route("ЖКС №1 Приморского района", "urgent", "learned: topic+district (3 of 4)"));
        assertThat(spb.route("Наличие наледи на крыше", "roof", "spb-mo-65").rule())
                .isEqualTo("learned: topic+municipality (2 of 2)");
        assertThat(spb.route("Наличие наледи на крыше", "roof", "spb-kolpino").rule())
                .isEqualTo("learned: topic+municipality (4 of 4)");
        // Without the district function the district rows are never consulted.
        assertThat(spb.withDistricts(null).route("Наличие наледи на крыше", "roof", "spb-ozero-dolgoe"))
                .isEqualTo(new Route("ЖКС Колпинского района", "urgent", "learned: topic only (4 of 8)"));
    }

    @Test
    void tiesGoToTheExecutorMoreFrequentOverallThenAlphabetically() {
        List<LabelledRow> rows = new ArrayList<>();
        rows.add(new LabelledRow("Тема", "c", null, "Б"));
        rows.add(new LabelledRow("Тема", "c", null, "В"));
        rows.addAll(Collections.nCopies(3, new LabelledRow("Другая", "c", null, "В")));
        rows.add(new LabelledRow("Третья", "d", null, "Я"));
        rows.add(new LabelledRow("Третья", "d", null, "А"));
        RoutingTable ties = RoutingTableTrainer.train(rows);
        assertThat(ties.route("Тема", "c", null).executor()).isEqualTo("В");
        assertThat(ties.route("Третья", "d", null).executor()).isEqualTo("А");
        // Training is deterministic whatever the row order.
        List<LabelledRow> reversed = new ArrayList<>(rows);
        Collections.reverse(reversed);
        assertThat(RoutingTableTrainer.train(reversed).rows()).isEqualTo(ties.rows());
    }

    @Test
    void learnedRowsCarryTheirCountsAndClasses() {
        assertThat(table.rows()).contains(
                new RoutingTable.Row(RoutingTable.Level.TOPIC_MUNICIPALITY, TREES, HOUSING, CITY, GORKHOZ,
                        DeadlineClass.URGENT, 3, 4),
                new RoutingTable.Row(RoutingTable.Level.TOPIC, LIGHTS, HOUSING, null, ZHKH, DeadlineClass.STANDARD, 4, 6),
                new RoutingTable.Row(RoutingTable.Level.CATEGORY_MUNICIPALITY, null, HOUSING, LGOV, LGOV_ADMIN,
                        DeadlineClass.STANDARD, 3, 3),
                new RoutingTable.Row(RoutingTable.Level.DEFAULT, null, null, null, ZHKH, DeadlineClass.STANDARD, 4, 14));
        assertThat(table.rows()).noneMatch(row -> row.level() == RoutingTable.Level.TOPIC_MUNICIPALITY
                && TREES.equals(row.topic()) && LGOV.equals(row.municipality()));
    }

    @Test
    void trainingNeedsAnExecutor() {
        assertThatThrownBy(() -> RoutingTableTrainer.train(List.of(new LabelledRow("Тема", "c", null, " "))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No labelled row has an executor");
        assertThatThrownBy(() -> Options.defaults().withMinSupport(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
