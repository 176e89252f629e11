package ru.tsur.pulse.route;

import ru.tsur.pulse.domain.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.locate.RegionPack;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static ru.tsur.pulse.route.RoutingTableTest.CITY;
import static ru.tsur.pulse.route.RoutingTableTest.DISTRICT;
import static ru.tsur.pulse.route.RoutingTableTest.GORKHOZ;
import static ru.tsur.pulse.route.RoutingTableTest.HOLES;
import static ru.tsur.pulse.route.RoutingTableTest.HOUSING;
import static ru.tsur.pulse.route.RoutingTableTest.LGOV;
import static ru.tsur.pulse.route.RoutingTableTest.LIGHTS;
import static ru.tsur.pulse.route.RoutingTableTest.ROADS;
import static ru.tsur.pulse.route.RoutingTableTest.ROADS_COMMITTEE;
import static ru.tsur.pulse.route.RoutingTableTest.TREES;

/**
 * The control room's overrides: precedence over learned rows and among themselves, the rule text, names accepted
 * for municipalities and categories, and every validation error, all reported at once with line and column.
 */
class RoutingOverridesTest {

    private static final String HEADER = "topic,category,municipality,executor,deadline_class,comment\n";

    private static Region kursk;
    private static RoutingTable learned;

    @BeforeAll
    static void load() {
        kursk = RegionPack.load("kursk", new ObjectMapper()).region();
        learned = RoutingTableTrainer.train(RoutingTableTest.training());
    }

    private static RoutingOverrides read(String csv) {
        return RoutingOverrides.read(new StringReader(csv), kursk);
    }

    private static final String OVERRIDES = HEADER
            + "Аварийные деревья,,г. Курск,МКУ «Зеленстрой»,urgent,опиловка — подрядчик города\n"
            + "Аварийные деревья,,,Комитет городского хозяйства города Курска,,\n"
            + ",ЖКХ,Льгов,Администрация города Льгов,extended,\n"
            + ",,kursk-gorod-lgov,\"Администрация города Льгов, приёмная\",standard,все прочие темы Льгова\n"
            + ",3,,Комитет ЖКХ города Курска,,по коду категории\n";

    @Test
    void overridesWinOverLearnedRowsAndTheMostSpecificOverrideWins() {
        RoutingTable table = learned.withOverrides(read(OVERRIDES));
        assertThat(table.route(TREES, HOUSING, CITY)).isEqualTo(new Route("МКУ «Зеленстрой»", "urgent",
                "override: topic=«Аварийные деревья», municipality=kursk-gorod-kursk"));
        // Two conditions (category + municipality) beat one (topic).
        assertThat(table.route("аварийные  деревья", HOUSING, LGOV)).isEqualTo(new Route("Администрация города Льгов",
                "extended", "override: category=k03-housing-utilities, municipality=kursk-gorod-lgov"));
        // With as many conditions, topic beats municipality beats category.
        assertThat(table.route(TREES, HOUSING, DISTRICT)).isEqualTo(new Route(GORKHOZ, "urgent",
                "override: topic=«Аварийные деревья»"));
        assertThat(table.route(HOLES, ROADS, LGOV)).isEqualTo(new Route("Администрация города Льгов, приёмная",
                "standard", "override: municipality=kursk-gorod-lgov"));
        assertThat(table.route(LIGHTS, HOUSING, CITY)).isEqualTo(new Route("Комитет ЖКХ города Курска", "standard",
                "override: category=k03-housing-utilities"));
        // Nothing matches: the learned table answers.
        assertThat(table.route(HOLES, ROADS, CITY))
                .isEqualTo(new Route(ROADS_COMMITTEE, "standard", "learned: topic+municipality (2 of 2)"));
    }

    @Test
    void anEmptyDeadlineKeepsTheLearnedClass() {
        RoutingTable table = learned.withOverrides(read(HEADER
                + "Аварийные деревья,,,Другой исполнитель,,\n"
                + "Нарушение дорожного покрытия (ямы),,,Дорожники,,\n"));
        assertThat(table.route(TREES, HOUSING, DISTRICT).deadlineClass()).isEqualTo("urgent");
        assertThat(table.route(HOLES, ROADS, DISTRICT).deadlineClass()).isEqualTo("standard");
    }

    @Test
    void aRuleWithNoConditionsCatchesEverythingElse() {
        RoutingTable table = learned.withOverrides(read(HEADER + ",,,Дежурный ЦУР,urgent,\n"));
        assertThat(table.route(null, null, null)).isEqualTo(new Route("Дежурный ЦУР", "urgent", "override: any"));
    }

    @Test
    void rulesAreKeptMostSpecificFirstWithTheirLinesAndComments() {
        RoutingOverrides overrides = read(OVERRIDES);
        assertThat(overrides.rules()).extracting(RoutingOverrides.Rule::line).containsExactly(2, 4, 3, 5, 6);
        assertThat(overrides.rules().get(0)).isEqualTo(new RoutingOverrides.Rule(2, TREES, null, CITY,
                "МКУ «Зеленстрой»", DeadlineClass.URGENT, "опиловка — подрядчик города"));
        assertThat(RoutingOverrides.read(new StringReader(HEADER), kursk).rules()).isEmpty();
    }

    @Test
    void theCommentColumnMayBeLeftOut() {
        RoutingOverrides overrides = read(HEADER + "Аварийные деревья,,,Исполнитель,urgent\n");
        assertThat(overrides.rules()).singleElement().extracting(RoutingOverrides.Rule::comment).isEqualTo("");
    }

    @Test
    void everyProblemIsReportedWithItsLineAndColumn() {
        String csv = HEADER
                + "Аварийные деревья,,Льгв,Исполнитель,urgent,\n"                   // 2
                + ",Дороги и мосты,,Исполнитель,,\n"                                // 3
                + "Аварийные деревья,,,  ,,\n"                                      // 4
                + "Аварийные деревья,,Курск,Исполнитель,asap,\n"                   // 5
                + "Ямы,,kursk-gorod-kursk,Исполнитель,standard,\n"                 // 6
                + "ямы,,г. Курск,Другой исполнитель,,дубль строки 6\n"             // 7
                + "Ямы,дороги\n"                                                   // 8
                + ",Несуществующая,Нигдеград,,never,\n";                           // 9
        RoutingConfigException error = catchThrowableOfType(RoutingConfigException.class, () -> read(csv));
        assertThat(error.problems()).containsExactly(
                "line 2, column municipality: unknown municipality «Льгв» (not an id or a name of a municipality of kursk)",
                "line 3, column category: unknown category «Дороги и мосты» (not an id, name or code of a category of kursk)",
                "line 4, column executor: empty executor",
                "line 5, column deadline_class: unknown deadline class «asap» (expected urgent, standard, extended or empty)",
                "line 7: duplicate rule, the same topic, category and municipality as line 6",
                "line 8: 2 fields, expected 6 (topic,category,municipality,executor,deadline_class,comment)",
                "line 9, column category: unknown category «Несуществующая» (not an id, name or code of a category of kursk)",
                "line 9, column municipality: unknown municipality «Нигдеград» (not an id or a name of a municipality of kursk)",
                "line 9, column executor: empty executor",
                "line 9, column deadline_class: unknown deadline class «never» (expected urgent, standard, extended or empty)");
        assertThat(error).hasMessageStartingWith("routing overrides: 10 problems\n  line 2, column municipality");
    }

    @Test
    void aMultiLineCellKeepsTheLineNumbersOfLaterRows() {
        String csv = HEADER
                + "Аварийные деревья,,,Исполнитель,urgent,\"комментарий\nна две строки\"\n" // lines 2-3
                + "Ямы,,Льгв,Исполнитель,,\n";                                             // line 4
        assertThatThrownBy(() -> read(csv)).isInstanceOf(RoutingConfigException.class)
                .hasMessageContaining("line 4, column municipality: unknown municipality «Льгв»");
    }

    @Test
    void theHeaderIsChecked() {
        assertThat(catchThrowableOfType(RoutingConfigException.class,
                () -> read("topic,category,place,executor,deadline_class,comment\n")).problems()).containsExactly(
                "line 1: the header must be topic,category,municipality,executor,deadline_class,comment, "
                        + "found topic,category,place,executor,deadline_class,comment");
        assertThat(catchThrowableOfType(RoutingConfigException.class, () -> read("")).problems()).containsExactly(
                "line 1: the file is empty; it must start with the header "
                        + "topic,category,municipality,executor,deadline_class,comment");
    }

    @Test
    void municipalitiesAndCategoriesAreAcceptedByIdNameOrCode() {
        RoutingOverrides overrides = read(HEADER
                + ",k00-roads,Курский район,А,,\n"
                + ",Дороги,kursk-gorod-kursk,Б,,\n"
                + ",0,Щигры,В,,\n");
        assertThat(overrides.rules()).extracting(RoutingOverrides.Rule::categoryId).containsOnly(ROADS);
        assertThat(overrides.rules()).extracting(RoutingOverrides.Rule::municipalityId)
                .containsExactlyInAnyOrder(DISTRICT, CITY, "kursk-gorod-shchigry");
    }
}
