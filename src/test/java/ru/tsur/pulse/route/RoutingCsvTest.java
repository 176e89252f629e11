package ru.tsur.pulse.route;

import ru.tsur.pulse.csv.Csv;
import ru.tsur.pulse.domain.Route;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.route.RoutingTableTrainer.LabelledRow;
import ru.tsur.pulse.route.RoutingTableTrainer.Options;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code routing.csv}: write → read gives the same rows and the same routes; the file is validated when read;
 * and the CSV dialect underneath (quotes, commas in executor names, CRLF, multi-line cells, a BOM).
 */
class RoutingCsvTest {

    private static final String HEADER = "level,topic,category,municipality,executor,deadline_class,support,total\n";

    private static String write(RoutingTable table) {
        StringWriter out = new StringWriter();
        table.write(out);
        return out.toString();
    }

    @Test
    void writeThenReadGivesTheSameTableAndTheSameRoutes() {
        List<LabelledRow> rows = new ArrayList<>(RoutingTableTest.training());
        rows.add(new LabelledRow("Тема, с запятой и \"кавычками\"", "k16-environment", "kursk-gorod-kursk",
                "Комитет социального обеспечения, материнства и детства Курской области"));
        rows.add(new LabelledRow("Тема, с запятой и \"кавычками\"", "k16-environment", "kursk-gorod-kursk",
                "Комитет социального обеспечения, материнства и детства Курской области"));
        RoutingTable trained = RoutingTableTrainer.train(rows);
        String csv = write(trained);
        RoutingTable read = RoutingTable.read(new StringReader(csv));

        assertThat(read.rows()).isEqualTo(trained.rows());
        assertThat(write(read)).isEqualTo(csv);
        List<String> topics = Arrays.asList(RoutingTableTest.TREES, RoutingTableTest.LIGHTS, RoutingTableTest.HOLES,
                "Тема, с запятой и \"кавычками\"", "Отсутствие горячей воды", "Новая тема", null);
        List<String> categories = Arrays.asList(RoutingTableTest.HOUSING, RoutingTableTest.ROADS, "k16-environment",
                "k99", null);
        List<String> places = Arrays.asList(RoutingTableTest.CITY, RoutingTableTest.LGOV, RoutingTableTest.DISTRICT,
                "unknown", null);
        int compared = 0;
        for (String topic : topics) {
            for (String category : categories) {
                for (String place : places) {
                    assertThat(read.route(topic, category, place)).as("%s / %s / %s", topic, category, place)
                            .isEqualTo(trained.route(topic, category, place));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(175);
    }

    @Test
    void theFileHasTheDocumentedColumnsAndOrder() {
        String csv = write(RoutingTableTrainer.train(RoutingTableTest.training()));
        assertThat(csv).startsWith(HEADER
                + "topic+municipality,Аварийные деревья,k03-housing-utilities,kursk-gorod-kursk,"
                + "Комитет городского хозяйства города Курска,urgent,3,4\n");
        assertThat(csv).endsWith("default,,,,Комитет жилищно-коммунального хозяйства города Курска,standard,4,14\n");
    }

    @Test
    void districtRowsRoundTripAndNeedTheDistrictFunctionAgain() {
        List<LabelledRow> rows = List.of(new LabelledRow("Наледь на крыше", "roof", "spb-mo-65", "ЖКС №1"),
                new LabelledRow("Наледь на крыше", "roof", "spb-lakhta-olgino", "ЖКС №1"));
        Map<String, String> districts = Map.of("spb-mo-65", "Приморский", "spb-lakhta-olgino", "Приморский",
                "spb-ozero-dolgoe", "Приморский");
        RoutingTable trained = RoutingTableTrainer.train(rows, Options.defaults().withDistricts(districts::get));
        String csv = write(trained);
        assertThat(csv).contains("topic+district,Наледь на крыше,roof,Приморский,ЖКС №1,urgent,2,2\n");
        RoutingTable read = RoutingTable.read(new StringReader(csv)).withDistricts(districts::get);
        assertThat(read.route("Наледь на крыше", "roof", "spb-ozero-dolgoe"))
                .isEqualTo(new Route("ЖКС №1", "urgent", "learned: topic+district (2 of 2)"))
                .isEqualTo(trained.route("Наледь на крыше", "roof", "spb-ozero-dolgoe"));
    }

    @Test
    void aBrokenTableIsRejectedWithEveryProblem() {
        String csv = HEADER
                + "topic,Ямы,k00-roads,,Комитет,standard,2,3\n"                       // 2: fine
                + "sometimes,Ямы,k00-roads,,Комитет,standard,2,3\n"                   // 3
                + "topic+municipality,Ямы,k00-roads,,Комитет,standard,2,3\n"          // 4
                + "topic,Свалки,k03,,,soon,x,-1\n"                                    // 5
                + "topic,ямы,k00-roads,,Другой,standard,1,3\n"                        // 6
                + "category,,k00-roads,,Комитет,standard,5,4\n"                       // 7
                + "category,,,,Комитет,standard\n";                                   // 8
        RoutingConfigException error = catchThrowableOfType(RoutingConfigException.class,
                () -> RoutingTable.read(new StringReader(csv)));
        assertThat(error.problems()).containsExactly(
                "line 3, column level: unknown level «sometimes»",
                "line 4, column municipality: empty in a topic+municipality row",
                "line 5, column executor: empty executor",
                "line 5, column deadline_class: unknown deadline class «soon» (expected urgent, standard or extended)",
                "line 5, column support: «x» is not a count",
                "line 5, column total: «-1» is not a count",
                "line 6: duplicate topic row, the same cell as line 2",
                "line 7, column support: 5 is more than the total 4",
                "line 8: 6 fields, expected 8");
        assertThat(error).hasMessageStartingWith("routing table: 9 problems");
    }

    @Test
    void aTableNeedsItsDefaultRowAndHeader() {
        assertThat(catchThrowableOfType(RoutingConfigException.class,
                () -> RoutingTable.read(new StringReader(HEADER + "topic,Ямы,k00-roads,,Комитет,standard,2,3\n")))
                .problems()).containsExactly("line 3: no default row");
        assertThat(catchThrowableOfType(RoutingConfigException.class,
                () -> RoutingTable.read(new StringReader("level,topic\n"))).problems())
                .containsExactly("line 1: the header must be level,topic,category,municipality,executor,"
                        + "deadline_class,support,total, found level,topic");
        RoutingTable minimal = RoutingTable.read(new StringReader(HEADER + "default,,,,Дежурный,standard,0,0\n"));
        assertThat(minimal.route("Что угодно", null, null)).isEqualTo(new Route("Дежурный", "standard", "default"));
    }

    @Test
    void csvDialect() {
        String text = "\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\n,,\nlast,\"\",end";
        List<Csv.Row> rows = Csv.read(new StringReader(text));
        assertThat(rows).containsExactly(
                new Csv.Row(1, List.of("a", "b", "c")),
                new Csv.Row(2, List.of("x, y", "say \"hi\"", "two\nlines")),
                new Csv.Row(5, List.of("", "", "")),
                new Csv.Row(6, List.of("last", "", "end")));
        StringWriter out = new StringWriter();
        Csv.writeRow(out, List.of("x, y", "say \"hi\"", "two\nlines", " padded", "plain"));
        assertThat(out).hasToString("\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",plain\n");
        assertThat(Csv.read(new StringReader(out.toString())).get(0).fields())
                .containsExactly("x, y", "say \"hi\"", "two\nlines", " padded", "plain");
    }
}
