package ru.tsur.pulse.inbox;

import ru.tsur.pulse.pages.CaseWords;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The Russian words of the inbox for what the service stores as ids: a case's status, the action of a case
 * event, and the way times are written on the page (in the region's time zone). An id without words is
 * shown as it is. Plain code.
 */
public final class InboxWords {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private InboxWords() {
    }

    /** A status in Russian: the console's words ({@link CaseWords}), so both pages say the same. */
    public static String status(String status) {
        return CaseWords.status(status);
    }

    public static String action(String action) {
        return CaseWords.action(action);
    }

    /** «04.12.2026 15:00» in the zone; empty for no time. */
    public static String time(Instant time, ZoneId zone) {
        return time == null ? "" : DAY_AND_TIME.format(time.atZone(zone));
    }
}
