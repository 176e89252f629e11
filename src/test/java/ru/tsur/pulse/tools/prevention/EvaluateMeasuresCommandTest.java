package ru.tsur.pulse.tools.prevention;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.tsur.pulse.tools.PulseToolsTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code evaluate-measures} on a CSV whose every placebo is known: four municipalities with two messages of one
 * category every day for 12 weeks. Whatever municipality and day are drawn (from day 42 to day 55: 6 weeks of
 * data before, 4 after), the target has 84 messages before and 56 after, its three controls 252 and 168:
 * expected 84 × 168/252 = 56, ratio exactly 1, the controls' changes all equal (τ² = 0), so every interval
 * holds 1 and no verdict is a change. A file shorter than the windows is a usage error.
 */
class EvaluateMeasuresCommandTest {

    private static final String HEADER = "id,created_at,district,municipality,latitude,longitude,address,city_object,"
            + "category,reason,executor_org,last_status,last_status_at,first_answer_at,text";

    private static Path data(Path directory, int days) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        int id = 0;
        LocalDate start = LocalDate.parse("2024-01-01");
        for (int day = 0; day < days; day++) {
            for (String municipality : List.of("округ А", "округ Б", "округ В", "округ Г")) {
                for (String time : List.of("T10:00:00", "T15:30:00")) {
                    id++;
                    rows.add(id + "," + start.plusDays(day) + time + ",Центральный," + municipality
                            + ",59.93863,30.31413,\"ул. Садовая, 1\",Дом,Благоустройство,Мусор,,,,,text " + id);
                }
            }
        }
        Path file = directory.resolve("placebo.csv");
        Files.writeString(file, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void placeboMeasuresOnSteadySeriesAllHoldNoEffect(@TempDir Path directory) throws IOException {
        PulseToolsTest.Run run = PulseToolsTest.run("evaluate-measures", "--data", data(directory, 84).toString(),
                "--measures", "5", "--seed", "7");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("placebo measures=5 coverage95=1.00 decrease=0.00 increase=0.00 mean_ratio=1.00"
                + " median_ratio=1.00 draws=5 by=category weeks_before=6 weeks_after=4\n");
        assertThat(run.err()).contains("672 messages; 5 fake measures judged in 5 draws");
    }

    @Test
    void dataShorterThanTheWindowsAreRefused(@TempDir Path directory) throws IOException {
        PulseToolsTest.Run run = PulseToolsTest.run("evaluate-measures", "--data", data(directory, 60).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the data span less than --weeks-before + --weeks-after weeks");
    }
}
