package ru.tsur.pulse.prevention;

import java.time.Instant;
import java.util.List;

/**
 * One row of the chronic-places register: a place × topic and what its messages of the last
 * {@value ChronicPlaces#WINDOW_DAYS} days say about it, with its rank score ({@link ChronicPlaces} defines
 * every figure and argues the score).
 *
 * @param placeKey              the place's key ({@code building:…} or {@code cell:…})
 * @param kind                  building or cell
 * @param label                 the address as last written, or the cell's centre
 * @param latitude              the building's mean point or the cell's centre; null for a building with no point
 * @param longitude             as latitude
 * @param municipality          the municipality most of its messages name (null if none does)
 * @param category              the category of the topic (the most frequent among its messages)
 * @param topic                 the topic; null when the messages had none and the category stands for it
 * @param messages30            messages in the 30 days before the register's time
 * @param messages90            messages in the 90 days before it
 * @param episodes              occurrences: runs of messages with no gap longer than the episode gap (24 h)
 * @param returns               episodes after the first: the times the problem came back
 * @param returnsAfterResolution returns that began after an earlier message here had been resolved
 * @param medianDaysToReturn    median days from that resolution to the return; null without such returns
 * @param trend                 messages per day in the last 30 days against the 60 before, as
 *                              (recent − before) / (recent + before), from −1 (stopped) to 1 (new); null when
 *                              the data do not reach back before the last 30 days
 * @param executors             who handled its messages, most messages first
 * @param firstMessageAt        its first message in the window
 * @param lastMessageAt         its latest message
 * @param exposureDays          days from the first message to the register's time
 * @param returnsPer90Days      returns per 90 days of exposure, as observed
 * @param topicReturnsPer90Days the topic's pooled rate over all places, the prior the score shrinks towards
 * @param score                 the rank score: returns per 90 days, shrunk towards the topic's rate
 */
public record ChronicPlace(String placeKey, Place.Kind kind, String label, Double latitude, Double longitude,
                           String municipality, String category, String topic, int messages30, int messages90,
                           int episodes, int returns, int returnsAfterResolution, Double medianDaysToReturn,
                           Double trend, List<ExecutorCount> executors, Instant firstMessageAt, Instant lastMessageAt,
                           double exposureDays, double returnsPer90Days, double topicReturnsPer90Days, double score) {

    /** One executor of a place's messages and how many it had. */
    public record ExecutorCount(String executor, int messages) {
    }

    public ChronicPlace {
        executors = List.copyOf(executors);
    }

    /** The place × topic this row is about. */
    public PlaceTopic placeTopic() {
        return new PlaceTopic(placeKey, topic != null ? topic : category);
    }
}
