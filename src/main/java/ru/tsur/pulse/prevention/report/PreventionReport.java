package ru.tsur.pulse.prevention.report;

import java.time.Instant;

/**
 * The prevention report of one municipality, an official's municipalities or the region for a period: one
 * record per section, in the order the page, the CSV and the PDF show them. A new section is one more
 * record field here, built in {@link PreventionReportBuilder}, and one block in each of the page's template
 * ({@code templates/reports/prevention.html}), {@link ReportCsv} and {@link ReportPdf} — README «The
 * prevention report» lists the steps.
 *
 * @param scope      what the report covers, in words («Колпино», «весь регион», «ваши муниципалитеты»)
 * @param municipality the municipality's id, null for several
 * @param period     the days it covers
 * @param builtAt    when it was built
 * @param places     top chronic places as of the period's end
 * @param repeatRate the repeat rate and its weekly trend
 * @param executors  executors whose resolutions come back most
 * @param incidents  incidents with one root cause that began in the period
 * @param measures   measures taken in the period or the weeks before it, with their effects
 */
public record PreventionReport(String scope, String municipality, ReportPeriod period, Instant builtAt,
                               TopPlacesSection places, RepeatRateSection repeatRate,
                               ExecutorReturnsSection executors, IncidentsSection incidents,
                               MeasuresSection measures) {
}
