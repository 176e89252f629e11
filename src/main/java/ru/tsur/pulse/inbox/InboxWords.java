package ru.tsur.pulse.inbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The Russian words of the inbox for what the service stores as ids: a case's status, the action of a case
 * event, and the way times are written on the page (in the region's time zone). An id without words is
 * shown as it is. Plain code.
 */
public final class InboxWords {

    private static final Map<String, String> STATUSES = Map.of(
            "new", "новое", "assigned", "назначено", "in_progress", "в работе", "answered", "дан ответ",
            "resolved", "решено", "confirmed", "подтверждено жителем", "reopened", "открыто снова",
            "rejected", "отклонено");

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("opened", "открыто"), Map.entry("assigned", "назначено маршрутизацией"),
            Map.entry("assign", "назначено"), Map.entry("reassign", "переназначено"),
            Map.entry("accept", "принято в работу"), Map.entry("answer", "ответ жителю"),
            Map.entry("resolve", "решено"), Map.entry("reject", "отклонено"),
            Map.entry("confirm", "подтверждено жителем"), Map.entry("reopen", "открыто снова"),
            Map.entry("message_joined", "добавлено сообщение"), Map.entry("came_back", "проблема вернулась"));

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private InboxWords() {
    }

    public static String status(String status) {
        return STATUSES.getOrDefault(status, status);
    }

    public static String action(String action) {
        return ACTIONS.getOrDefault(action, action);
    }

    /** «04.12.2026 15:00» in the zone; empty for no time. */
    public static String time(Instant time, ZoneId zone) {
        return time == null ? "" : DAY_AND_TIME.format(time.atZone(zone));
    }
}
