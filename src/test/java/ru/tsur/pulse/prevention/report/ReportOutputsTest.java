package ru.tsur.pulse.prevention.report;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.prevention.ChronicPlaces;
import ru.tsur.pulse.prevention.Place;
import ru.tsur.pulse.prevention.PlaceMessage;
import ru.tsur.pulse.prevention.incidents.CauseClass;
import ru.tsur.pulse.prevention.incidents.StoredIncident;
import ru.tsur.pulse.prevention.measures.EffectEstimate;
import ru.tsur.pulse.prevention.measures.Measure;
import ru.tsur.pulse.prevention.measures.MeasureResult;
import ru.tsur.pulse.prevention.measures.MeasureWindow;
import ru.tsur.pulse.prevention.measures.Verdict;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One small report built by {@link PreventionReportBuilder} and written by {@link ReportCsv}, {@link WeeklyChart}
 * and {@link ReportPdf}, every figure worked by hand: the register's two places (README «Prevention» defines
 * the score), the repeat rate of {@link RepeatRateTrendTest}'s rising case and the executors of
 * {@link ExecutorReturnsTest}, two incidents and two measures.
 */
class ReportOutputsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 21), MOSCOW);
    /** The period's end, midnight after 21 November in Moscow: the register's time. */
    private static final Instant AS_OF = Instant.parse("2026-11-21T21:00:00Z");

    static PreventionReport report() {
        // Icicles at one building: messages 60, 31 and 10 days before the end; the first two resolved 50 and
        // 20 days before it. Three episodes = 2 returns, both after a resolution (19 and 10 days later:
        // median 14.5); exposure 60 days; 1 message in the last 30 days against 2 in the 30 before (the data
        // begin 60 days before the end): trend (1 − 2)/(1 + 2) = −0.3333. Litter at another: one message 5
        // days before, exposure 5, trend 1. Pooled m = 2/65 a day; icicles' rate (2 + 30m)/90, litter's
        // (0 + 30m)/35; scores 90·(2 + 30·0.032479)/90 = 2.9744 and 90·(30·0.026374)/35 = 2.0345.
        Place building = Place.of("ул. Тестовая, 1", null, null);
        Place other = Place.of("пр. Пробный, 5", null, null);
        List<PlaceMessage> messages = List.of(
                message(building, "Наледь на крыше", "ЖКС-1", 60, 50),
                message(building, "Наледь на крыше", "ЖКС-1", 31, 20),
                message(building, "Наледь на крыше", "ЖКС-1", 10, null),
                message(other, "Мусор во дворе", "ЖКС-2", 5, null));
        PreventionReportBuilder builder = new PreventionReportBuilder(new ChronicPlaces(ChronicPlaces.Settings.defaults()),
                new PreventionReportBuilder.Names(Map.of("spb-kolpino", "Колпино"), Map.of("improvement", "Благоустройство")), 10);
        return builder.build("Колпино", "spb-kolpino", PERIOD, Instant.parse("2026-12-01T09:00:00Z"), messages,
                List.of(new RepeatRateTrend.WeekCount(0, 50, 5), new RepeatRateTrend.WeekCount(1, 50, 10),
                        new RepeatRateTrend.WeekCount(2, 50, 20)),
                List.of(new ExecutorReturns.Tally("ЖКС-1", 2, 1, 0, 1), new ExecutorReturns.Tally("ЖКС-2", 20, 5, 4, 8),
                        new ExecutorReturns.Tally("ЖКС-3", 18, 0, 0, 0)),
                // Two incidents: no hot water at 7 buildings (confirmed), graffiti at 3 places (dismissed); the larger first.
                List.of(incident(11, "Граффити на стенах", CauseClass.UNDETERMINED, 3, 4, StoredIncident.DISMISSED, "2026-11-03T07:00:00Z"),
                        incident(12, "Нет горячей воды", "теплоснабжение: авария на сети/ИТП", 7, 9, StoredIncident.CONFIRMED,
                                "2026-11-10T05:30:00Z")),
                // Two measures: a roof repaired in October, judged (45 before, 12 after against 30 expected: −60 %);
                // a yard's collection rescheduled a week before the end, too early.
                List.of(measure(22, "Вывоз мусора по новому графику", null, "2026-11-14T07:00:00Z",
                                new EffectEstimate(Verdict.TOO_EARLY, MeasureWindow.of(Instant.parse("2026-11-14T07:00:00Z"),
                                        Instant.parse("2026-12-01T09:00:00Z"), 8, 8), 10, 1, List.of(), 0, 0, null, null, null,
                                        null, null, 0.95, null, List.of())),
                        measure(21, "Ремонт кровли", "ул. Тестовая, 1", "2026-10-05T07:00:00Z",
                                new EffectEstimate(Verdict.DECREASE, MeasureWindow.of(Instant.parse("2026-10-05T07:00:00Z"),
                                        Instant.parse("2026-12-01T09:00:00Z"), 8, 8), 45, 12, List.of("a", "b", "c"), 300, 200,
                                        30.0, 0.4, -60.0, 0.25, 0.64, 0.95, 0.01, List.of()))));
    }

    private static MeasureResult measure(long id, String title, String place, String takenAt, EffectEstimate effect) {
        return new MeasureResult(new Measure(id, title, null, "spb-kolpino", "improvement", null, place == null ? null : "building:x",
                place, Instant.parse(takenAt), "operator", Instant.parse(takenAt)), effect);
    }

    private static StoredIncident incident(long id, String topic, String cause, int places, int messages, String status,
                                           String start) {
        List<String> keys = java.util.stream.IntStream.range(0, places).mapToObj(index -> "building:" + id + "-" + index).toList();
        Instant first = Instant.parse(start);
        return new StoredIncident(id, topic, "improvement", "spb-kolpino", cause, first, first.plus(Duration.ofHours(3)),
                first.plus(Duration.ofHours(1)), 59.75, 30.6, 400, keys, messages, 0.5, 1e-6, status, "operator",
                first.plus(Duration.ofHours(2)), null);
    }

    private static PlaceMessage message(Place place, String topic, String executor, int daysBefore, Integer resolvedDaysBefore) {
        return new PlaceMessage(AS_OF.minus(Duration.ofDays(daysBefore)), place, "spb-kolpino", "improvement", topic, executor,
                resolvedDaysBefore == null ? null : AS_OF.minus(Duration.ofDays(resolvedDaysBefore)), null, null);
    }

    @Test
    void theCsvHoldsEverySectionAsABlockOfItsOwnAfterAByteOrderMark() {
        assertThat(ReportCsv.write(report())).isEqualTo("""
                \uFEFFраздел,отчёт,охват,муниципалитет,с,по,построен
                report,Отчёт о профилактике,Колпино,spb-kolpino,2026-11-01,2026-11-21,2026-12-01T09:00:00Z

                раздел,место в рейтинге,место,муниципалитет,тема,сообщений за 30 дней,сообщений за 90 дней,возвратов,возвратов после решения,медиана дней до возврата,тенденция,исполнитель,оценка (возвратов за 90 дней)
                places,1,"ул. Тестовая, 1",Колпино,Наледь на крыше,1,3,2,2,14.5000,-0.3333,ЖКС-1,2.9744
                places,2,"пр. Пробный, 5",Колпино,Мусор во дворе,1,1,0,0,,1.0000,ЖКС-2,2.0345

                раздел,обращений,повторных,доля повторных,наклон в неделю,наклон: нижняя граница 95 %,наклон: верхняя граница 95 %,z,тенденция
                repeat_rate,150,35,0.2333,0.1500,0.0671,0.2329,3.5465,rising

                раздел,неделя,с,по,обращений,повторных,доля повторных
                repeat_rate_week,1,2026-11-01,2026-11-07,50,5,0.1000
                repeat_rate_week,2,2026-11-08,2026-11-14,50,10,0.2000
                repeat_rate_week,3,2026-11-15,2026-11-21,50,20,0.4000

                раздел,место в рейтинге,исполнитель,решено,переоткрыто,повторились,вернулись всего,доля вернувшихся,доля с поправкой на малое число
                executors,1,ЖКС-2,20,5,4,8,0.4000,0.3417
                executors,2,ЖКС-1,2,1,0,1,0.5000,0.2708
                executors,3,ЖКС-3,18,0,0,0,0.0000,0.0804

                раздел,инцидентов,открыто,из них подтверждено,решено,отклонено
                incidents,2,1,1,0,1

                раздел,вероятная причина,инцидентов,сообщений
                incident_causes,общая причина не определена,1,4
                incident_causes,теплоснабжение: авария на сети/ИТП,1,9

                раздел,номер,начало,муниципалитет,тема,вероятная причина,адресов,сообщений,статус
                incident,12,2026-11-10T05:30:00Z,Колпино,Нет горячей воды,теплоснабжение: авария на сети/ИТП,7,9,подтверждён
                incident,11,2026-11-03T07:00:00Z,Колпино,Граффити на стенах,общая причина не определена,3,4,отклонён

                раздел,мер,стало меньше,стало больше,явного изменения нет,рано или мало данных
                measures,2,1,0,0,1

                раздел,номер,когда,что сделано,где,тема,сообщений до,сообщений после,ожидалось после,изменение в %,нижняя граница 95 % в %,верхняя граница 95 % в %,вывод
                measure,22,2026-11-14T07:00:00Z,Вывоз мусора по новому графику,Колпино,Благоустройство,10,1,,,,,рано судить: прошло 17 дн. из 14
                measure,21,2026-10-05T07:00:00Z,Ремонт кровли,"Колпино, ул. Тестовая, 1",Благоустройство,45,12,30.0000,-60.0000,-75.0000,-36.0000,стало меньше

                """);
    }

    @Test
    void textThatBeginsLikeAFormulaStaysText() {
        assertThat(ReportCsv.text("=HYPERLINK(\"http://example.com\")")).isEqualTo("'=HYPERLINK(\"http://example.com\")");
        assertThat(ReportCsv.text("+7 999")).isEqualTo("'+7 999");
        assertThat(ReportCsv.text("-1")).isEqualTo("'-1");
        assertThat(ReportCsv.text("@home")).isEqualTo("'@home");
        assertThat(ReportCsv.text("ул. Труда, 12")).isEqualTo("ул. Труда, 12");
        assertThat(ReportCsv.text(null)).isEmpty();
        assertThat(ReportCsv.number(-0.00001)).isEqualTo("0.0000");
    }

    @Test
    void theRegisterIsTakenAtThePeriodsEndOrNowWhicheverComesFirst() {
        PreventionReport report = report();
        assertThat(report.places().asOf()).isEqualTo(AS_OF);
        assertThat(report.places().places()).isEqualTo(2);
        assertThat(PreventionReportBuilder.registerTime(PERIOD, Instant.parse("2026-11-20T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void theChartsGeometryPutsBarsGridAndTrendWhereTheSharesSay() {
        // Top of the scale 40 % (the highest share); plot 188 high from y = 12 to 200; three slots of 194.67.
        WeeklyChart chart = WeeklyChart.of(report().repeatRate());
        assertThat(chart.bars()).extracting(bar -> bar.x() + " " + bar.y() + " " + bar.width() + " " + bar.height() + " "
                        + bar.centre() + " " + bar.week() + " " + bar.cases() + " " + bar.share())
                .containsExactly("77.2 153.0 136.3 47.0 145.3 01.11 50 10,0 %", "271.9 106.0 136.3 94.0 340.0 08.11 50 20,0 %",
                        "466.5 12.0 136.3 188.0 534.7 15.11 50 40,0 %");
        assertThat(chart.grid()).extracting(line -> line.y() + " " + line.label())
                .containsExactly("200.0 0 %", "106.0 20 %", "12.0 40 %");
        assertThat(chart.trend()).isEqualTo(new WeeklyChart.Line(145.3, 160.8, 534.7, 19.8));
        assertThat(WeeklyChart.scaleTop(0)).isEqualTo(0.1);
        assertThat(WeeklyChart.scaleTop(0.41)).isEqualTo(0.5);
        assertThat(WeeklyChart.scaleTop(1)).isEqualTo(1);
    }

    @Test
    void thePdfReadsBackInRussianWithEveryFigure() throws IOException {
        byte[] pdf = new ReportPdf().write(report(), MOSCOW);
        // Kept for a look (and the README's picture of the first page): target/prevention-report-sample.pdf.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "prevention-report-sample.pdf"), pdf);
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        assertThat(text.toString()).contains("Отчёт о профилактике: Колпино", "Период: 01.11.2026 — 21.11.2026",
                "Хронические места", "ул. Тестовая, 1", "Наледь на крыше", "2,97", "пр. Пробный, 5", "2,03",
                "Доля повторных обращений", "Обращений за период — 150, повторных — 35 (23,3 %)", "растёт",
                "01.11—07.11", "40,0 %", "Исполнители, чьи решения возвращаются", "ЖКС-2", "34,2 %", "27,1 %", "8,0 %",
                "Отчёт о профилактике: Колпино, 01.11.2026 — 21.11.2026", "стр. 1", "стр. 2",
                "Инциденты с одной причиной", "начавшиеся за период: 2; открыто 1 (подтверждено 1), решено 0, отклонено 1",
                "теплоснабжение: авария на сети/ИТП", "10.11.2026 08:30", "подтверждён", "отклонён",
                "Меры и их результат", "стало меньше — 1", "Ремонт кровли", "−60 % (от −75 % до", "рано судить");
        reader.close();
    }
}
