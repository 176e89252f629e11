package ru.tsur.pulse.prevention.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The repeat-rate chart's geometry, computed once and drawn twice — as inline SVG on the page and with
 * OpenPDF's graphics in the PDF: a bar per week (its repeat share; the week's cases written under it), the
 * trend's fitted line over the weeks with cases, and three horizontal grid lines with their percentages. In a
 * {@value #WIDTH} × {@value #HEIGHT} box, y growing downwards (the PDF flips it).
 *
 * @param bars   one per week
 * @param grid   the grid lines, bottom (0 %) first
 * @param trend  the fitted line; null without a trend
 */
public record WeeklyChart(List<Bar> bars, List<GridLine> grid, Line trend) {

    public static final double WIDTH = 640;
    public static final double HEIGHT = 240;
    static final double LEFT = 48;
    static final double RIGHT = 8;
    static final double TOP = 12;
    static final double BOTTOM = 40;

    /** A week's bar: its box, the centre under it, the week's label, its cases and share as text. */
    public record Bar(double x, double y, double width, double height, double centre, String week, String cases,
                      String share) {
    }

    /** A grid line at height y and its label. */
    public record GridLine(double y, String label) {
    }

    /** A straight line. */
    public record Line(double x1, double y1, double x2, double y2) {
    }

    public WeeklyChart {
        bars = List.copyOf(bars);
        grid = List.copyOf(grid);
    }

    /** The bottom of the plot (0 %). */
    public static double baseline() {
        return HEIGHT - BOTTOM;
    }

    public static WeeklyChart of(RepeatRateSection section) {
        List<RepeatRateSection.WeekRate> weeks = section.weeks();
        double highest = 0;
        for (RepeatRateSection.WeekRate week : weeks) {
            highest = Math.max(highest, week.rate());
        }
        RepeatRateSection.Trend trend = section.trend();
        if (trend != null) {
            highest = Math.max(highest, Math.max(trend.fittedFirst(), trend.fittedLast()));
        }
        double top = scaleTop(highest);
        double plotHeight = baseline() - TOP;
        double slot = (WIDTH - LEFT - RIGHT) / Math.max(1, weeks.size());
        double width = slot * 0.7;
        List<Bar> bars = new ArrayList<>();
        for (RepeatRateSection.WeekRate week : weeks) {
            double left = LEFT + slot * week.week().index();
            double height = plotHeight * week.rate() / top;
            bars.add(new Bar(round(left + (slot - width) / 2), round(baseline() - height), round(width), round(height),
                    round(left + slot / 2), ReportText.shortDay(week.week().first()), Long.toString(week.cases()),
                    week.cases() == 0 ? "" : ReportText.percent(week.rate())));
        }
        List<GridLine> grid = new ArrayList<>();
        for (int step = 0; step <= 2; step++) {
            double value = top * step / 2;
            grid.add(new GridLine(round(baseline() - plotHeight * step / 2), ReportText.decimal(value * 100, 0) + " %"));
        }
        Line line = null;
        if (trend != null) {
            line = new Line(round(LEFT + slot * (trend.firstWeek() + 0.5)), round(y(trend.fittedFirst(), top, plotHeight)),
                    round(LEFT + slot * (trend.lastWeek() + 0.5)), round(y(trend.fittedLast(), top, plotHeight)));
        }
        return new WeeklyChart(bars, grid, line);
    }

    /** The scale's top: the next 10 % above the highest share (at least 10 %, at most 100 %). */
    static double scaleTop(double highest) {
        return Math.min(1, Math.max(0.1, Math.ceil(highest * 10 - 1e-9) / 10));
    }

    private static double y(double share, double top, double plotHeight) {
        double clipped = Math.max(0, Math.min(top, share));
        return baseline() - plotHeight * clipped / top;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
