package ru.tsur.pulse.prevention.report;

import java.time.Instant;
import java.util.List;

/**
 * The report's top chronic places: the chronic-places register ({@code prevention.ChronicPlaces}, its score
 * and figures unchanged) as of the end of the period, from the messages of the 90 days before it, first
 * {@code lines.size()} rows.
 *
 * @param asOf   the register's time: the end of the period
 * @param places place × topic rows the register holds
 * @param lines  the first of them, best first
 */
public record TopPlacesSection(Instant asOf, int places, List<Line> lines) {

    public TopPlacesSection {
        lines = List.copyOf(lines);
    }

    /**
     * One place × topic, with names for people.
     *
     * @param rank                   1 for the top place
     * @param place                  the address as written, or the cell
     * @param municipality           the municipality's name (null if unknown)
     * @param topic                  the topic, else the category's name
     * @param messages30             messages in the 30 days before the period's end
     * @param messages90             in the 90 days before it
     * @param returns                times the problem came back
     * @param returnsAfterResolution of them, after a resolution
     * @param medianDaysToReturn     median days from the resolution to the return; null without such returns
     * @param trend                  the register's trend from −1 to 1; null when the data do not reach back
     * @param executor               the executor with most of its messages (null if none)
     * @param score                  the register's score: returns per 90 days, shrunk towards the topic's rate
     */
    public record Line(int rank, String place, String municipality, String topic, int messages30, int messages90,
                       int returns, int returnsAfterResolution, Double medianDaysToReturn, Double trend,
                       String executor, double score) {
    }
}
