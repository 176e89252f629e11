package ru.tsur.pulse.prevention.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the report writes its figures for people, alike on the page and in the PDF: Russian decimal commas,
 * percentages with one decimal, days as dd.MM.yyyy, the trend in words. The CSV keeps plain machine numbers
 * (a dot, shares as fractions) so a spreadsheet reads them as numbers.
 */
public final class ReportText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private ReportText() {
    }

    /** 0.125 → «12,5 %». */
    public static String percent(double share) {
        return decimal(share * 100, 1) + " %";
    }

    /** A signed change of a share in percentage points: 0.012 → «+1,2 п. п.». */
    public static String points(double change) {
        String text = decimal(Math.abs(change) * 100, 1);
        return (change > 0 && !text.equals("0,0") ? "+" : change < 0 && !text.equals("0,0") ? "−" : "") + text + " п. п.";
    }

    /**
     * A measure's effect, whole percents with a sign, and its interval: («−23 % (от −40 % до −2 %)»); «—» when
     * not judged.
     */
    public static String effect(Double percent, Double lower, Double upper) {
        if (percent == null) {
            return "—";
        }
        return signed(percent) + " (от " + signed(lower) + " до " + signed(upper) + ")";
    }

    private static String signed(double percent) {
        long magnitude = Math.round(Math.abs(percent));
        return (magnitude == 0 ? "" : percent > 0 ? "+" : "−") + magnitude + " %";
    }

    /** A number with {@code digits} decimals and a decimal comma; «—» for null. */
    public static String decimal(Double value, int digits) {
        if (value == null) {
            return "—";
        }
        return String.format(Locale.ROOT, "%." + digits + "f", value).replace('.', ',');
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public static String shortDay(LocalDate day) {
        return SHORT_DAY.format(day);
    }

    public static String moment(Instant instant, ZoneId zone) {
        return MOMENT.format(instant.atZone(zone));
    }

    /** The period in words: «01.11.2026 — 30.11.2026». */
    public static String period(ReportPeriod period) {
        return day(period.from()) + " — " + day(period.to());
    }

    /** A week as «02.11—08.11». */
    public static String week(ReportPeriod.Week week) {
        return shortDay(week.first()) + "—" + shortDay(week.last());
    }

    /** The trend of the repeat rate in words. */
    public static String trend(RepeatRateSection.Trend trend) {
        if (trend == null) {
            return "недостаточно данных: меньше " + RepeatRateTrend.MIN_WEEKS + " недель с обращениями";
        }
        String words = switch (trend.direction()) {
            case RISING -> "растёт";
            case FALLING -> "снижается";
            case FLAT -> "без выраженной тенденции";
        };
        return words + ": " + points(trend.slopePerWeek()) + " в неделю (95 % интервал от " + points(trend.low())
                + " до " + points(trend.high()) + ")";
    }

    /** The register's trend from −1 to 1 in words. */
    public static String placeTrend(Double trend) {
        if (trend == null) {
            return "—";
        }
        return trend > 0.2 ? "чаще" : trend < -0.2 ? "реже" : "так же";
    }
}
