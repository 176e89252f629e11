package ru.tsur.pulse.feed.api;

import ru.tsur.pulse.messages.RecentMessage;

import java.util.List;

/** Answer of {@code GET /api/v1/messages/recent}: the newest messages, newest first (masked display text only). */
public record RecentMessages(List<RecentMessage> messages) {
}
