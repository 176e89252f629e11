package ru.tsur.pulse.console.measures;

import ru.tsur.pulse.prevention.measures.Verdict;
import ru.tsur.pulse.prevention.measures.WeekCount;
import ru.tsur.pulse.prevention.measures.api.MeasureEffectView;
import ru.tsur.pulse.prevention.measures.api.MeasureItem;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * One row of the console's measures table, in the words and numbers an operator reads: where and what, the
 * day it was done, messages before and after, what was expected after, the effect as a percent with its 95%
 * interval, the verdict in Russian — and a small weekly chart drawn server-side as SVG (no script): the
 * target's messages per week, and the controls' weeks scaled to the target's level before the measure (the
 * path the target would have followed with no measure), a mark at the measure. Plain code, tested alone.
 *
 * @param treatedLine  SVG polyline points of the target's weekly rate (per 7 days), or "" with no weeks
 * @param expectedLine the same for the controls scaled to the target's before level, or "" without controls
 */
public record MeasureRow(long id, String title, String description, String where, String topic, String takenOn,
                         String createdBy, long before, long after, String expected, String effect, String interval,
                         String verdict, String verdictClass, String controls, String treatedLine, String expectedLine) {

    /** Width and height of the chart's viewBox. */
    static final int CHART_WIDTH = 160;
    static final int CHART_HEIGHT = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public static MeasureRow of(MeasureItem item, List<WeekCount> weeks, ZoneId zone) {
        MeasureEffectView effect = item.effect();
        String where = item.placeLabel() == null ? item.municipalityName() : item.municipalityName() + ", " + item.placeLabel();
        String topic = item.topic() == null ? item.categoryName() : item.categoryName() + " / " + item.topic();
        boolean estimated = effect.ratio() != null;
        return new MeasureRow(item.id(), item.title(), item.description() == null ? "" : item.description(), where, topic,
                DAY.format(item.takenAt().atZone(zone)), item.createdBy(), effect.treatedBefore(), effect.treatedAfter(),
                effect.expectedAfter() == null ? "—" : decimal(effect.expectedAfter(), 1),
                estimated ? signedPercent(effect.percentChange()) : "—",
                estimated ? "от " + signedPercent((effect.lower() - 1) * 100) + " до " + signedPercent((effect.upper() - 1) * 100) : "",
                words(Verdict.valueOf(effect.verdict()), effect.daysAfter()), Verdict.valueOf(effect.verdict()).name().toLowerCase(Locale.ROOT).replace('_', '-'),
                effect.controls().size() + " для сравнения: " + effect.controlsBefore() + " → " + effect.controlsAfter(),
                line(weeks, false, effect.treatedBefore(), effect.controlsBefore()),
                effect.controls().isEmpty() ? "" : line(weeks, true, effect.treatedBefore(), effect.controlsBefore()));
    }

    /** The verdict as the table says it. */
    static String words(Verdict verdict, double daysAfter) {
        return verdict.russian(daysAfter);
    }

    /**
     * Polyline points of weekly rates (per 7 days; weeks with no days inside the window left out), both lines
     * on one scale: the target's counts, or the controls' scaled by {@code treatedBefore / controlsBefore}.
     */
    static String line(List<WeekCount> weeks, boolean controls, long treatedBefore, long controlsBefore) {
        double scale = controlsBefore == 0 ? 0 : treatedBefore / (double) controlsBefore;
        double highest = 0;
        for (WeekCount week : weeks) {
            if (week.days() > 0) {
                highest = Math.max(highest, Math.max(week.treated(), week.controls() * scale) * 7 / week.days());
            }
        }
        StringJoiner points = new StringJoiner(" ");
        double step = CHART_WIDTH / (double) Math.max(weeks.size(), 1);
        for (int index = 0; index < weeks.size(); index++) {
            WeekCount week = weeks.get(index);
            if (week.days() <= 0) {
                continue;
            }
            double rate = (controls ? week.controls() * scale : week.treated()) * 7 / week.days();
            double y = CHART_HEIGHT - 2 - (highest == 0 ? 0 : rate / highest * (CHART_HEIGHT - 4));
            points.add(decimalPoint(step * index + step / 2) + "," + decimalPoint(y));
        }
        return points.toString();
    }

    /** x of the measure's mark: between the last week before and the first after. */
    public double measureX() {
        return CHART_WIDTH / 2.0;
    }

    /** A whole percent with its sign, halves away from zero (−87.5 is −88, as +87.5 is +88). */
    static String signedPercent(double percent) {
        long magnitude = Math.round(Math.abs(percent));
        return (magnitude == 0 ? "" : percent > 0 ? "+" : "−") + magnitude + "%";
    }

    private static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value).replace('.', ',');
    }

    private static String decimalPoint(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
