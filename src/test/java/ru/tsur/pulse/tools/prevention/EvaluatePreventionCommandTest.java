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
 * {@code evaluate-prevention} on a small CSV in the portal's format whose rankings can be worked out by hand.
 * Candidates as of 2024-03-01 00:00 (Moscow time; days below are to that instant):
 * <ul>
 *   <li>P1, graffiti at Садовая 1: messages 79.58, 59.58, 39.58 and 19.58 days before — 3 returns in 79.58
 *       days, 1 message in the last 30 days; back 5 days after (positive);</li>
 *   <li>P2, dirt at the same house (spelled otherwise): three messages within an hour, 1.58 days before — no
 *       return, 3 messages in the last 30 days; not back;</li>
 *   <li>P3, graffiti in a cell (no address): one message 49.58 days before; back only 40 days after;</li>
 *   <li>P4, dirt at Невская 5: one message 2.5 days before; back 10 days after (spelled otherwise).</li>
 * </ul>
 * All places: 3 returns in 133.25 days. Graffiti's rate (3 + 30 × 3/133.25) / (129.17 + 30) = 0.0231 a day,
 * dirt's (0 + 30 × 3/133.25) / (4.08 + 30) = 0.0198; scores 90 × (r + 30 m) / (T + 30): P1 3.03, P2 1.69,
 * P4 1.65, P3 0.78 — + − + −: precision at 2 = 1/2, AP = (1 + 2/3) / 2 = 0.83. Baseline by the last 30 days'
 * count: P2 (3), then P1 and P4 tied at 1, then P3 (0): precision at 2 = (0 + 2 × 1/2) / 2 = 0.50, AP =
 * (1/2 + 2/3) / 2 = 0.58 (the tie's expected value). With a 60-day horizon P3 is positive too: AP = (1 + 2/3
 * + 3/4) / 3 = 0.81 against (1/2 + 2/3 + 3/4) / 3 = 0.64.
 */
class EvaluatePreventionCommandTest {

    private static final String HEADER = "id,created_at,district,municipality,latitude,longitude,address,city_object,"
            + "category,reason,executor_org,last_status,last_status_at,first_answer_at,text";

    private static String row(int id, String createdAt, String address, String reason, String lastStatus, String lastStatusAt) {
        return id + "," + createdAt + ",Центральный,округ,59.93863,30.31413,\"" + address + "\",Дом,Благоустройство,"
                + reason + ",ЖКС-1," + lastStatus + "," + lastStatusAt + ",,text " + id;
    }

    private static Path data(Path directory) throws IOException {
        String house = "г.Санкт-Петербург, Садовая улица, дом 1, литера А";
        String sameHouse = "Санкт-Петербург, ул. Садовая, д. 1";
        String csv = String.join("\n",
                HEADER,
                row(1, "2023-12-12T10:00:00", house, "Граффити", "Завершено: Автоматически", "2023-12-20T10:00:00"),
                row(2, "2024-01-01T10:00:00", house, "Граффити", "Завершено: Автоматически", "2024-01-10T10:00:00"),
                row(3, "2024-01-21T10:00:00", house, "Граффити", "Промежуточный ответ", "2024-01-25T10:00:00"),
                row(4, "2024-02-10T10:00:00", sameHouse, "Граффити", "", ""),
                row(5, "2024-02-28T10:00:00", sameHouse, "Мусор", "", ""),
                row(6, "2024-02-28T10:20:00", house, "Мусор", "", ""),
                row(7, "2024-02-28T10:40:00", house, "Мусор", "", ""),
                row(8, "2024-01-11T10:00:00", "", "Граффити", "", ""),
                row(9, "2024-02-27T12:00:00", "ул. Невская, 5", "Мусор", "", ""),
                // after 2024-03-01
                row(10, "2024-03-06T10:00:00", house, "Граффити", "", ""),
                row(11, "2024-03-11T10:00:00", "Невская улица, дом 5", "Мусор", "", ""),
                row(12, "2024-04-10T10:00:00", "", "Граффити", "", ""),
                row(13, "2024-03-02T10:00:00", "ул. Новая, 1", "Мусор", "", ""),
                // no address, no point: skipped
                "14,2024-02-01T10:00:00,Центральный,округ,,,,Двор,Благоустройство,Мусор,,,,,text 14") + "\n";
        Path file = directory.resolve("sample.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theSummaryLineComparesTheRegistersRankingWithTheCountBaseline(@TempDir Path directory) throws IOException {
        PulseToolsTest.Run run = PulseToolsTest.run("evaluate-prevention", "--data", data(directory).toString(),
                "--until", "2024-03-01", "--k", "2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(
                "places k=2 precision=0.50 baseline_precision=0.50 ap=0.83 baseline_ap=0.58 candidates=4 positives=2\n");
        assertThat(run.err()).contains("14 rows, 13 messages with a place (1 without an address or a point)")
                .contains("building the register as of 2024-03-01 from 9 messages")
                .doesNotContain("warning");
    }

    @Test
    void listedRowsComeBeforeTheSummary(@TempDir Path directory) throws IOException {
        // P1 came back 12, 11 and 31 days after a completion (an intermediate answer is none): median 12; its
        // trend (1/30 − 3/49.58) / (1/30 + 3/49.58) = −0.29 (the data begin 79.58 days before).
        PulseToolsTest.Run run = PulseToolsTest.run("evaluate-prevention", "--data", data(directory).toString(),
                "--until", "2024-03-01", "--k", "2", "--list", "1", "--horizon-days", "60");
        assertThat(run.out()).isEqualTo("""
                place score=3.03 messages30=1 messages90=4 returns=3 after_resolution=3 median_days_to_return=12.0 \
                trend=-0.29 came_back=yes topic=Граффити at=Санкт-Петербург, ул. Садовая, д. 1
                places k=2 precision=0.50 baseline_precision=0.50 ap=0.81 baseline_ap=0.64 candidates=4 positives=3
                """);
        assertThat(run.err()).contains("warning: the data end 40.4 days after --until, before the horizon's end");
    }

    @Test
    void aMissingColumnOrAWrongOptionSaysSo(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("bad.csv");
        Files.writeString(file, "id,text\n1,x\n", StandardCharsets.UTF_8);
        PulseToolsTest.Run missing = PulseToolsTest.run("evaluate-prevention", "--data", file.toString(), "--until", "2024-03-01");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).endsWith("pulse-tools evaluate-prevention: " + file + ": no column created_at (have [id, text])\n");
        PulseToolsTest.Run wrong = PulseToolsTest.run("evaluate-prevention", "--data", file.toString(), "--until", "2024-03-01",
                "--by", "street");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("pulse-tools evaluate-prevention: --by must be topic or category, not street\n");
    }
}
