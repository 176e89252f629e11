package ru.tsur.pulse.prevention.report;

import ru.tsur.pulse.csv.Csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as one CSV file (the project's dialect, {@link Csv#writeRow}), for a spreadsheet: a UTF-8
 * byte-order mark first, so Excel reads the Cyrillic right; then one block per section — its header row,
 * its rows, a blank line — every row opening with the section's id ({@code report}, {@code places},
 * {@code repeat_rate}, {@code repeat_rate_week}, {@code executors}, {@code incidents}, {@code incident_causes},
 * {@code incident}, {@code measures}, {@code measure}), so a filter on the first column gives
 * one section's table. One file rather than a zip of one file per section: an official opens one file,
 * and each section is still a table of its own. Headers are Russian (people read them); figures are plain
 * numbers — a dot, shares as fractions from 0 to 1, days as ISO dates — so the spreadsheet computes with them.
 * Text that residents wrote (an address, a topic) and names are written as text even when they begin like a
 * formula ({@code =}, {@code +}, {@code -}, {@code @}): a leading apostrophe keeps a spreadsheet from running
 * "=HYPERLINK(…)" that a message carried in.
 */
public final class ReportCsv {

    /** The byte-order mark that makes Excel read UTF-8. */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    private ReportCsv() {
    }

    public static String write(PreventionReport report) {
        StringWriter output = new StringWriter();
        output.write(BYTE_ORDER_MARK);
        header(output, report);
        places(output, report.places());
        repeatRate(output, report.repeatRate());
        executors(output, report.executors());
        incidents(output, report.incidents());
        measures(output, report.measures());
        return output.toString();
    }

    private static void header(Writer output, PreventionReport report) {
        Csv.writeRow(output, List.of("раздел", "отчёт", "охват", "муниципалитет", "с", "по", "построен"));
        Csv.writeRow(output, List.of("report", "Отчёт о профилактике", text(report.scope()), text(report.municipality()),
                report.period().from().toString(), report.period().to().toString(), report.builtAt().toString()));
        blank(output);
    }

    private static void places(Writer output, TopPlacesSection section) {
        Csv.writeRow(output, List.of("раздел", "место в рейтинге", "место", "муниципалитет", "тема",
                "сообщений за 30 дней", "сообщений за 90 дней", "возвратов", "возвратов после решения",
                "медиана дней до возврата", "тенденция", "исполнитель", "оценка (возвратов за 90 дней)"));
        for (TopPlacesSection.Line line : section.lines()) {
            Csv.writeRow(output, List.of("places", Integer.toString(line.rank()), text(line.place()), text(line.municipality()),
                    text(line.topic()), Integer.toString(line.messages30()), Integer.toString(line.messages90()),
                    Integer.toString(line.returns()), Integer.toString(line.returnsAfterResolution()),
                    number(line.medianDaysToReturn()), number(line.trend()), text(line.executor()), number(line.score())));
        }
        blank(output);
    }

    private static void repeatRate(Writer output, RepeatRateSection section) {
        RepeatRateSection.Trend trend = section.trend();
        Csv.writeRow(output, List.of("раздел", "обращений", "повторных", "доля повторных", "наклон в неделю",
                "наклон: нижняя граница 95 %", "наклон: верхняя граница 95 %", "z", "тенденция"));
        Csv.writeRow(output, List.of("repeat_rate", Long.toString(section.cases()), Long.toString(section.repeats()),
                number(section.rate()), trend == null ? "" : number(trend.slopePerWeek()),
                trend == null ? "" : number(trend.low()), trend == null ? "" : number(trend.high()),
                trend == null ? "" : number(trend.z()),
                trend == null ? "insufficient" : trend.direction().name().toLowerCase(Locale.ROOT)));
        blank(output);
        Csv.writeRow(output, List.of("раздел", "неделя", "с", "по", "обращений", "повторных", "доля повторных"));
        for (RepeatRateSection.WeekRate week : section.weeks()) {
            Csv.writeRow(output, List.of("repeat_rate_week", Integer.toString(week.week().index() + 1),
                    week.week().first().toString(), week.week().last().toString(), Long.toString(week.cases()),
                    Long.toString(week.repeats()), week.cases() == 0 ? "" : number(week.rate())));
        }
        blank(output);
    }

    private static void executors(Writer output, ExecutorReturnsSection section) {
        Csv.writeRow(output, List.of("раздел", "место в рейтинге", "исполнитель", "решено", "переоткрыто",
                "повторились", "вернулись всего", "доля вернувшихся", "доля с поправкой на малое число"));
        for (ExecutorReturnsSection.Line line : section.lines()) {
            List<String> fields = new ArrayList<>(List.of("executors", Integer.toString(line.rank()), text(line.executor()),
                    Long.toString(line.resolved()), Long.toString(line.reopened()), Long.toString(line.cameBack()),
                    Long.toString(line.returned()), number(line.share()), number(line.adjustedShare())));
            Csv.writeRow(output, fields);
        }
        blank(output);
    }

    private static void incidents(Writer output, IncidentsSection section) {
        Csv.writeRow(output, List.of("раздел", "инцидентов", "открыто", "из них подтверждено", "решено", "отклонено"));
        Csv.writeRow(output, List.of("incidents", Integer.toString(section.total()), Integer.toString(section.open()),
                Integer.toString(section.confirmed()), Integer.toString(section.resolved()), Integer.toString(section.dismissed())));
        blank(output);
        Csv.writeRow(output, List.of("раздел", "вероятная причина", "инцидентов", "сообщений"));
        for (IncidentsSection.CauseCount cause : section.causes()) {
            Csv.writeRow(output, List.of("incident_causes", text(cause.cause()), Integer.toString(cause.incidents()),
                    Integer.toString(cause.messages())));
        }
        blank(output);
        Csv.writeRow(output, List.of("раздел", "номер", "начало", "муниципалитет", "тема", "вероятная причина", "адресов",
                "сообщений", "статус"));
        for (IncidentsSection.Line line : section.lines()) {
            Csv.writeRow(output, List.of("incident", Long.toString(line.id()), line.start().toString(),
                    text(line.municipality()), text(line.topic()), text(line.cause()), Integer.toString(line.places()),
                    Integer.toString(line.messages()), line.status()));
        }
        blank(output);
    }

    private static void measures(Writer output, MeasuresSection section) {
        Csv.writeRow(output, List.of("раздел", "мер", "стало меньше", "стало больше", "явного изменения нет", "рано или мало данных"));
        Csv.writeRow(output, List.of("measures", Integer.toString(section.total()), Integer.toString(section.decrease()),
                Integer.toString(section.increase()), Integer.toString(section.noClearChange()), Integer.toString(section.notYet())));
        blank(output);
        Csv.writeRow(output, List.of("раздел", "номер", "когда", "что сделано", "где", "тема", "сообщений до", "сообщений после",
                "ожидалось после", "изменение в %", "нижняя граница 95 % в %", "верхняя граница 95 % в %", "вывод"));
        for (MeasuresSection.Line line : section.lines()) {
            Csv.writeRow(output, List.of("measure", Long.toString(line.id()), line.takenAt().toString(), text(line.title()),
                    text(line.where()), text(line.topic()), Long.toString(line.before()), Long.toString(line.after()),
                    number(line.expected()), number(line.percentChange()), number(line.lower()), number(line.upper()),
                    line.verdict()));
        }
        blank(output);
    }

    /** Four decimals, a dot; empty for null. */
    static String number(Double value) {
        if (value == null) {
            return "";
        }
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.equals("-0.0000") ? "0.0000" : text;
    }

    /** Text as text: empty for null; a leading formula character (= + - @, tab, carriage return) behind an apostrophe. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void blank(Writer output) {
        try {
            output.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
