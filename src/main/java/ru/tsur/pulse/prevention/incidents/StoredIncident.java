package ru.tsur.pulse.prevention.incidents;

import java.time.Instant;
import java.util.List;

/**
 * An incident as PostgreSQL keeps it: what the finder last said of it (area, time, places, messages, expected
 * count, p-value, probable cause), the municipality most of its messages are in, and what operators did
 * ({@code detected} → {@code confirmed} → {@code resolved}, or {@code dismissed}; who, when, their words).
 */
public record StoredIncident(long id, String topic, String category, String municipality, String cause,
                             Instant start, Instant end, Instant detectedAt, double latitude, double longitude,
                             double radiusMetres, List<String> places, int messageCount, double expected,
                             double pValue, String status, String statusBy, Instant statusAt, String statusNote) {

    /** Found, not yet looked at by an operator. */
    public static final String DETECTED = "detected";
    /** An operator confirmed one root cause. */
    public static final String CONFIRMED = "confirmed";
    /** An operator said it is no incident (a coincidence, a campaign). */
    public static final String DISMISSED = "dismissed";
    /** Its cases were resolved together. */
    public static final String RESOLVED = "resolved";

    public StoredIncident {
        places = List.copyOf(places);
    }

    /** Its status in the words the console and the report use («найден», «подтверждён», «отклонён», «решён»). */
    public String statusWord() {
        return switch (status) {
            case DETECTED -> "найден";
            case CONFIRMED -> "подтверждён";
            case DISMISSED -> "отклонён";
            case RESOLVED -> "решён";
            default -> status;
        };
    }

    /** Whether it still asks for attention (its alert fires while the finder still sees it). */
    public boolean open() {
        return DETECTED.equals(status) || CONFIRMED.equals(status);
    }
}
