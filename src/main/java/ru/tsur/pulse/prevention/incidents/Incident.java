package ru.tsur.pulse.prevention.incidents;

import java.time.Instant;
import java.util.List;

/**
 * Several nearby places complaining of one topic at once, as {@link IncidentFinder} found them: the first and
 * last message, the centre (mean of the points) and the radius (farthest point from it, at least the finder's
 * link distance) of the area, the topic and category, the distinct places (building or cell keys, in order of
 * first message) and the message ids (in time order), the expected number of places the topic's own background
 * gives this area over this time, the Poisson tail p-value of the places seen, when the incident first became
 * significant (the message that made it so), and its probable {@link CauseClass cause class}.
 */
public record Incident(Instant start, Instant end, double latitude, double longitude, double radiusMetres,
                       String topic, String category, List<String> places, List<String> messageIds,
                       double expected, double pValue, Instant detectedAt, String cause) {

    public Incident {
        places = List.copyOf(places);
        messageIds = List.copyOf(messageIds);
    }
}
