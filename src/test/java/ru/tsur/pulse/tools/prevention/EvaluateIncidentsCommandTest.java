package ru.tsur.pulse.tools.prevention;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.tsur.pulse.tools.PulseToolsTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code evaluate-incidents} on a small CSV in the portal's format (Moscow time):
 * <ul>
 *   <li>1: litter far away on 2024-02-01 10:00 — the history starts exactly 28 days (672 h) before the cluster;</li>
 *   <li>2–5: no hot water in Садовая 1–4, a 110 × 110 m block, hourly from 2024-02-29 10:00 — the incident: no
 *       background, μ = 1 × 12 / 672 = 1/56, P(X ≥ 4) = 4.2e-09; significant at the third building, 12:00
 *       (P(X ≥ 3) = 9.4e-07); centre 59.93050, 30.36100, radius the least, 400 m;</li>
 *   <li>6–10: a lift, five messages from one building — not an incident;</li>
 *   <li>11–14: graffiti the same morning at four points 2 km apart — not an incident.</li>
 * </ul>
 * Injected: three buildings at one point (R = 0) over 2 hours from 2024-03-05 08:00 — messages at 08:00, 08:40,
 * 09:20, found at the third (after 1h20m) with the same μ (28 days of history before it, none of its topic
 * within 400 m); and two buildings, fewer than an incident needs — not found.
 */
class EvaluateIncidentsCommandTest {

    private static final String HEADER = "id,created_at,district,municipality,latitude,longitude,address,city_object,"
            + "category,reason,executor_org,last_status,last_status_at,first_answer_at,text";

    private static String row(int id, String createdAt, String latitude, String longitude, String address, String category,
                              String reason) {
        return id + "," + createdAt + ",Центральный,округ," + latitude + "," + longitude + ",\"" + address + "\",Дом,"
                + category + "," + reason + ",ЖКС-1,,,,text " + id;
    }

    private static Path data(Path directory) throws IOException {
        String hot = "Отсутствие горячей воды";
        String csv = String.join("\n",
                HEADER,
                row(1, "2024-02-01T10:00:00", "59.99000", "30.50000", "ул. Дальняя, 1", "Благоустройство", "Мусор"),
                row(2, "2024-02-29T10:00:00", "59.93000", "30.36000", "Садовая улица, дом 1", "Водоснабжение", hot),
                row(3, "2024-02-29T11:00:00", "59.93100", "30.36000", "Садовая улица, дом 2", "Водоснабжение", hot),
                row(4, "2024-02-29T12:00:00", "59.93000", "30.36200", "Садовая улица, дом 3", "Водоснабжение", hot),
                row(5, "2024-02-29T13:00:00", "59.93100", "30.36200", "Садовая улица, дом 4", "Водоснабжение", hot),
                row(6, "2024-02-29T10:00:00", "59.95000", "30.40000", "Невская улица, дом 5", "Содержание МКД", "Лифт"),
                row(7, "2024-02-29T10:30:00", "59.95000", "30.40000", "ул. Невская, д. 5", "Содержание МКД", "Лифт"),
                row(8, "2024-02-29T11:00:00", "59.95000", "30.40000", "Невская улица, дом 5", "Содержание МКД", "Лифт"),
                row(9, "2024-02-29T11:30:00", "59.95000", "30.40000", "Невская улица, дом 5", "Содержание МКД", "Лифт"),
                row(10, "2024-02-29T12:00:00", "59.95000", "30.40000", "Невская улица, дом 5", "Содержание МКД", "Лифт"),
                row(11, "2024-02-29T09:00:00", "59.85000", "30.20000", "Первая улица, дом 1", "Благоустройство", "Граффити"),
                row(12, "2024-02-29T09:10:00", "59.86800", "30.20000", "Вторая улица, дом 1", "Благоустройство", "Граффити"),
                row(13, "2024-02-29T09:20:00", "59.88600", "30.20000", "Третья улица, дом 1", "Благоустройство", "Граффити"),
                row(14, "2024-02-29T09:30:00", "59.90400", "30.20000", "Четвертая улица, дом 1", "Благоустройство", "Граффити"))
                + "\n";
        Path file = directory.resolve("incidents.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static final String CLUSTER = "incident start=2024-02-29T10:00 detected=2024-02-29T12:00 area=r=400m@59.93050,30.36100"
            + " topic=\"Отсутствие горячей воды\" buildings=4 messages=4 p=4.2e-09 cause=\"теплоснабжение: авария на сети/ИТП\"\n";
    private static final String INJECTED = "incident start=2024-03-05T08:00 detected=2024-03-05T09:20 area=r=400m@59.80000,30.20000"
            + " topic=\"Отсутствие горячей воды\" buildings=3 messages=3 p=9.4e-07 cause=\"теплоснабжение: авария на сети/ИТП\"\n";

    @Test
    void printsEachIncidentAndWhetherTheInjectedOutagesWereFound(@TempDir Path directory) throws IOException {
        PulseToolsTest.Run run = PulseToolsTest.run("evaluate-incidents", "--data", data(directory).toString(),
                "--inject", "3,0,2,2024-03-05T08:00,59.80,30.20,Отсутствие горячей воды",
                "--inject", "2,0,2,2024-03-06T08:00,59.70,30.10,Отсутствие горячей воды");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(CLUSTER + INJECTED + "incidents=2\n"
                + "injected k=3 r=0m hours=2 at=59.8,30.2 topic=\"Отсутствие горячей воды\" found=yes after=1h20m\n"
                + "injected k=2 r=0m hours=2 at=59.7,30.1 topic=\"Отсутствие горячей воды\" found=no\n");
        assertThat(run.err()).contains("14 rows, 14 messages with a point");
    }

    @Test
    void fromAndToChooseTheIncidentsPrinted(@TempDir Path directory) throws IOException {
        Path file = data(directory);
        assertThat(PulseToolsTest.run("evaluate-incidents", "--data", file.toString()).out()).isEqualTo(CLUSTER + "incidents=1\n");
        assertThat(PulseToolsTest.run("evaluate-incidents", "--data", file.toString(), "--from", "2024-03-01").out())
                .isEqualTo("incidents=0\n");
        // Replayed up to 2024-02-29 00:00 the block's messages are not seen yet.
        assertThat(PulseToolsTest.run("evaluate-incidents", "--data", file.toString(), "--to", "2024-02-29").out())
                .isEqualTo("incidents=0\n");
    }

    @Test
    void aMalformedInjectionIsAUsageError(@TempDir Path directory) throws IOException {
        PulseToolsTest.Run run = PulseToolsTest.run("evaluate-incidents", "--data", data(directory).toString(),
                "--inject", "8,300,6,tomorrow,59.9,30.3,Лифт");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--inject 8,300,6,tomorrow,59.9,30.3,Лифт");
    }
}
