package ru.tsur.pulse.domain;

/**
 * Where the locate stage placed a message: a municipality id of the region (or {@link #UNKNOWN_ID}) and
 * how it was found ({@code coordinates}, {@code hint}, {@code none}).
 */
public record Location(String municipalityId, String method) {

    /** Id of the pseudo-municipality «не определено» for messages that could not be placed. */
    public static final String UNKNOWN_ID = "unknown";

    public static Location unknown() {
        return new Location(UNKNOWN_ID, "none");
    }

    public boolean isKnown() {
        return !UNKNOWN_ID.equals(municipalityId);
    }
}
