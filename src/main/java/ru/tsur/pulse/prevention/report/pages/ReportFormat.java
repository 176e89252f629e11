package ru.tsur.pulse.prevention.report.pages;

import io.quarkus.qute.TemplateExtension;
import ru.tsur.pulse.prevention.report.RepeatRateSection;
import ru.tsur.pulse.prevention.report.ReportPeriod;
import ru.tsur.pulse.prevention.report.ReportText;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The report template's way to {@link ReportText}: {@code {fmt:percent(line.share)}} and the like, so the page
 * writes every figure exactly as the PDF does.
 */
@TemplateExtension(namespace = "fmt")
public class ReportFormat {

    static String percent(double share) {
        return ReportText.percent(share);
    }

    static String decimal(Double value, int digits) {
        return ReportText.decimal(value, digits);
    }

    static String effect(Double percent, Double lower, Double upper) {
        return ReportText.effect(percent, lower, upper);
    }

    static String period(ReportPeriod period) {
        return ReportText.period(period);
    }

    static String moment(Instant instant, ZoneId zone) {
        return ReportText.moment(instant, zone);
    }

    static String week(ReportPeriod.Week week) {
        return ReportText.week(week);
    }

    static String trend(RepeatRateSection.Trend trend) {
        return ReportText.trend(trend);
    }

    static String placeTrend(Double trend) {
        return ReportText.placeTrend(trend);
    }

    static String direction(RepeatRateSection.Trend trend) {
        return trend == null ? "none" : trend.direction().name().toLowerCase(java.util.Locale.ROOT);
    }
}
