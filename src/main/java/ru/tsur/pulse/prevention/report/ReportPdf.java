package ru.tsur.pulse.prevention.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;

/**
 * The report as a printable PDF an official takes to a meeting (OpenPDF; A4 landscape, so the tables' columns
 * fit): a title with the scope, period and build time, then every section as on the page — the repeat rate's
 * chart drawn with PDF graphics from the same {@link WeeklyChart} geometry as the page's SVG. The text is in
 * DejaVu Sans, embedded (subset) from {@code src/main/resources/fonts} (licence beside it): the PDF's standard
 * fonts have no Cyrillic. Building a PDF is CPU work: callers run it on a worker.
 */
public final class ReportPdf {

    private static final float MARGIN = 36;
    /** The chart's height on paper, in points. */
    private static final float CHART_HEIGHT = 220;
    /** A figure (right-aligned in the tables): digits with a decimal comma, maybe a percent sign, or a dash. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]+(,[0-9]+)?( %)?|—");

    private final BaseFont regular;
    private final BaseFont bold;

    public ReportPdf() {
        this.regular = font("/fonts/DejaVuSans.ttf");
        this.bold = font("/fonts/DejaVuSans-Bold.ttf");
    }

    private static BaseFont font(String resource) {
        try (InputStream input = ReportPdf.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("The font " + resource + " is missing from the jar");
            }
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, input.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("The font " + resource + " cannot be read", e);
        }
    }

    /** The report's PDF bytes; times are written in {@code zone}. */
    public byte[] write(PreventionReport report, ZoneId zone) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, MARGIN, MARGIN);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, output);
            writer.setStrictImageSequence(true);
            writer.setPageEvent(new Footer("Отчёт о профилактике: " + report.scope() + ", " + ReportText.period(report.period())));
            document.addTitle("Отчёт о профилактике — " + report.scope());
            document.addCreator("ЦУР Пульс");
            document.open();
            title(document, report, zone);
            places(document, report.places(), zone);
            repeatRate(document, writer, report.repeatRate());
            executors(document, report.executors());
            incidents(document, report.incidents(), zone);
            measures(document, report.measures(), zone);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The report's PDF cannot be built", e);
        }
        return output.toByteArray();
    }

    private void title(Document document, PreventionReport report, ZoneId zone) {
        document.add(new Paragraph("Отчёт о профилактике: " + report.scope(), new Font(bold, 16)));
        Paragraph subtitle = new Paragraph("Период: " + ReportText.period(report.period()) + ". Построен "
                + ReportText.moment(report.builtAt(), zone) + ".", new Font(regular, 10));
        subtitle.setSpacingAfter(6);
        document.add(subtitle);
    }

    private void places(Document document, TopPlacesSection section, ZoneId zone) {
        heading(document, "Хронические места");
        note(document, "Реестр хронических мест на " + ReportText.moment(section.asOf(), zone) + " по сообщениям за 90 дней: "
                + "мест × тем в реестре — " + section.places() + "; оценка — возвратов проблемы за 90 дней с поправкой на малое число.");
        if (section.lines().isEmpty()) {
            note(document, "За 90 дней до конца периода нет сообщений с адресом или точкой.");
            return;
        }
        PdfPTable table = table(new float[]{3, 20, 11, 15, 6, 6, 7, 7, 6, 19});
        headerRow(table, "№", "Место", "Муниципалитет", "Тема", "За 30 дн.", "За 90 дн.", "Возвратов",
                "После решения", "Оценка", "Исполнитель");
        for (TopPlacesSection.Line line : section.lines()) {
            row(table, Integer.toString(line.rank()), line.place(), dash(line.municipality()), line.topic(),
                    Integer.toString(line.messages30()), Integer.toString(line.messages90()), Integer.toString(line.returns()),
                    Integer.toString(line.returnsAfterResolution()), ReportText.decimal(line.score(), 2), dash(line.executor()));
        }
        document.add(table);
    }

    private void repeatRate(Document document, PdfWriter writer, RepeatRateSection section) {
        // The heading, its summary and the chart stay on one page: a new page when they would not fit.
        if (writer.getVerticalPosition(true) - document.bottom() < CHART_HEIGHT + 70) {
            document.newPage();
        }
        heading(document, "Доля повторных обращений");
        note(document, "Обращений за период — " + section.cases() + ", повторных — " + section.repeats() + " ("
                + ReportText.percent(section.rate()) + "). Тенденция по неделям: " + ReportText.trend(section.trend()) + ".");
        WeeklyChart chart = WeeklyChart.of(section);
        PdfTemplate canvas = writer.getDirectContent().createTemplate((float) WeeklyChart.WIDTH, (float) WeeklyChart.HEIGHT);
        draw(canvas, chart);
        try {
            Image image = Image.getInstance(canvas);
            image.scaleToFit(PageSize.A4.getHeight() - 2 * MARGIN, CHART_HEIGHT);
            image.setSpacingBefore(4);
            document.add(image);
        } catch (DocumentException e) {
            throw new IllegalStateException("The chart cannot be placed", e);
        }
        PdfPTable table = table(new float[]{16, 10, 10, 10});
        headerRow(table, "Неделя", "Обращений", "Повторных", "Доля повторных");
        for (RepeatRateSection.WeekRate week : section.weeks()) {
            row(table, ReportText.week(week.week()), Long.toString(week.cases()), Long.toString(week.repeats()),
                    week.cases() == 0 ? "—" : ReportText.percent(week.rate()));
        }
        table.setWidthPercentage(60);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        document.add(table);
    }

    /** The chart in PDF graphics: the PDF's y grows upwards, the geometry's downwards. */
    private void draw(PdfTemplate canvas, WeeklyChart chart) {
        float height = (float) WeeklyChart.HEIGHT;
        canvas.setLineWidth(0.5f);
        canvas.setRGBColorStroke(200, 200, 200);
        for (WeeklyChart.GridLine line : chart.grid()) {
            canvas.moveTo((float) WeeklyChart.LEFT, height - (float) line.y());
            canvas.lineTo((float) (WeeklyChart.WIDTH - WeeklyChart.RIGHT), height - (float) line.y());
        }
        canvas.stroke();
        canvas.setRGBColorFill(47, 111, 168);
        for (WeeklyChart.Bar bar : chart.bars()) {
            if (bar.height() > 0) {
                canvas.rectangle((float) bar.x(), height - (float) (bar.y() + bar.height()), (float) bar.width(), (float) bar.height());
            }
        }
        canvas.fill();
        if (chart.trend() != null) {
            canvas.setLineWidth(2);
            canvas.setRGBColorStroke(192, 57, 43);
            canvas.moveTo((float) chart.trend().x1(), height - (float) chart.trend().y1());
            canvas.lineTo((float) chart.trend().x2(), height - (float) chart.trend().y2());
            canvas.stroke();
        }
        canvas.beginText();
        canvas.setRGBColorFill(60, 60, 60);
        canvas.setFontAndSize(regular, 8);
        for (WeeklyChart.GridLine line : chart.grid()) {
            canvas.showTextAligned(Element.ALIGN_RIGHT, line.label(), (float) WeeklyChart.LEFT - 4, height - (float) line.y() - 3, 0);
        }
        for (WeeklyChart.Bar bar : chart.bars()) {
            float baseline = height - (float) WeeklyChart.baseline();
            canvas.showTextAligned(Element.ALIGN_CENTER, bar.week(), (float) bar.centre(), baseline - 12, 0);
            canvas.showTextAligned(Element.ALIGN_CENTER, "n=" + bar.cases(), (float) bar.centre(), baseline - 24, 0);
            if (!bar.share().isEmpty()) {
                canvas.showTextAligned(Element.ALIGN_CENTER, bar.share(), (float) bar.centre(), height - (float) bar.y() + 3, 0);
            }
        }
        canvas.endText();
    }

    private void executors(Document document, ExecutorReturnsSection section) {
        heading(document, "Исполнители, чьи решения возвращаются");
        note(document, "Решено за период — " + section.resolved() + ", вернулись (переоткрыты или повторились) — "
                + section.returned() + " (" + ReportText.percent(section.share()) + "). Доля с поправкой: (вернулись + "
                + ReportText.decimal(section.priorWeight(), 0) + " × общая доля) / (решено + "
                + ReportText.decimal(section.priorWeight(), 0) + ").");
        if (section.lines().isEmpty()) {
            note(document, "За период нет решённых обращений с исполнителем.");
            return;
        }
        PdfPTable table = table(new float[]{3, 35, 8, 8, 8, 8, 9, 10});
        headerRow(table, "№", "Исполнитель", "Решено", "Переоткрыто", "Повторились", "Вернулись", "Доля", "С поправкой");
        for (ExecutorReturnsSection.Line line : section.lines()) {
            row(table, Integer.toString(line.rank()), line.executor(), Long.toString(line.resolved()),
                    Long.toString(line.reopened()), Long.toString(line.cameBack()), Long.toString(line.returned()),
                    ReportText.percent(line.share()), ReportText.percent(line.adjustedShare()));
        }
        document.add(table);
    }

    private void incidents(Document document, IncidentsSection section, ZoneId zone) {
        heading(document, "Инциденты с одной причиной");
        note(document, "Одновременные жалобы на одно и то же с нескольких адресов рядом, начавшиеся за период: "
                + section.total() + "; открыто " + section.open() + " (подтверждено " + section.confirmed() + "), решено "
                + section.resolved() + ", отклонено " + section.dismissed() + ".");
        if (section.total() == 0) {
            return;
        }
        PdfPTable causes = table(new float[]{40, 10, 10});
        headerRow(causes, "Вероятная причина", "Инцидентов", "Сообщений");
        for (IncidentsSection.CauseCount cause : section.causes()) {
            row(causes, cause.cause(), Integer.toString(cause.incidents()), Integer.toString(cause.messages()));
        }
        document.add(causes);
        PdfPTable table = table(new float[]{5, 11, 14, 26, 22, 6, 7, 9});
        headerRow(table, "№", "Начало", "Муниципалитет", "Тема", "Вероятная причина", "Адресов", "Сообщений", "Статус");
        for (IncidentsSection.Line line : section.lines()) {
            row(table, Long.toString(line.id()), ReportText.moment(line.start(), zone), line.municipality(), line.topic(),
                    line.cause(), Integer.toString(line.places()), Integer.toString(line.messages()), line.status());
        }
        document.add(table);
    }

    private void measures(Document document, MeasuresSection section, ZoneId zone) {
        heading(document, "Меры и их результат");
        note(document, "Меры за период и " + MeasuresSection.EARLIER_DAYS / 7 + " недель до него: " + section.total()
                + "; стало меньше — " + section.decrease() + ", стало больше — " + section.increase()
                + ", явного изменения нет — " + section.noClearChange() + ", рано судить или мало данных — "
                + section.notYet() + ". Ожидалось — по сравнимым местам без мер (разность разностей), интервал 95 %.");
        if (section.lines().isEmpty()) {
            return;
        }
        PdfPTable table = table(new float[]{4, 10, 22, 16, 16, 6, 6, 7, 14, 13});
        headerRow(table, "№", "Когда", "Что сделано", "Где", "Тема", "До", "После", "Ожидалось", "Изменение", "Вывод");
        for (MeasuresSection.Line line : section.lines()) {
            row(table, Long.toString(line.id()), ReportText.moment(line.takenAt(), zone), line.title(), line.where(),
                    line.topic(), Long.toString(line.before()), Long.toString(line.after()),
                    ReportText.decimal(line.expected(), 1), ReportText.effect(line.percentChange(), line.lower(), line.upper()),
                    line.verdict());
        }
        document.add(table);
    }

    private void heading(Document document, String text) {
        Paragraph heading = new Paragraph(text, new Font(bold, 13));
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(3);
        document.add(heading);
    }

    private void note(Document document, String text) {
        Paragraph note = new Paragraph(text, new Font(regular, 9));
        note.setSpacingAfter(4);
        document.add(note);
    }

    private PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        return table;
    }

    private void headerRow(PdfPTable table, String... titles) {
        for (String title : titles) {
            PdfPCell cell = new PdfPCell(new Phrase(title, new Font(bold, 8)));
            cell.setGrayFill(0.9f);
            cell.setPadding(3);
            table.addCell(cell);
        }
    }

    private void row(PdfPTable table, String... values) {
        for (String value : values) {
            PdfPCell cell = new PdfPCell(new Phrase(new Chunk(value, new Font(regular, 8))));
            cell.setPadding(3);
            if (NUMBER.matcher(value).matches()) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(cell);
        }
    }

    /** Every page's foot: what the report is, and the page's number — sheets of a meeting get shuffled. */
    private final class Footer extends PdfPageEventHelper {

        private final String title;

        Footer(String title) {
            this.title = title;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            canvas.beginText();
            canvas.setRGBColorFill(90, 90, 90);
            canvas.setFontAndSize(regular, 7);
            canvas.showTextAligned(Element.ALIGN_LEFT, title, document.left(), document.bottom() - 18, 0);
            canvas.showTextAligned(Element.ALIGN_RIGHT, "стр. " + writer.getPageNumber(), document.right(), document.bottom() - 18, 0);
            canvas.endText();
        }
    }

    private static String dash(String value) {
        return value == null ? "—" : value;
    }

    /** The PDF's media type. */
    public static final String MEDIA_TYPE = "application/pdf";

    /** The file names the downloads offer. */
    public static String fileName(PreventionReport report, String extension) {
        return "prevention-report-" + (report.municipality() == null ? "all" : report.municipality()) + "-"
                + report.period().from() + "-" + report.period().to() + "." + extension;
    }
}
