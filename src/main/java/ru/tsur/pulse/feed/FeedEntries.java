package ru.tsur.pulse.feed;

import io.quarkus.runtime.annotations.RegisterForReflection;
import ru.tsur.pulse.messages.RecentMessage;

import java.util.List;

/**
 * Messages one replica stored during one feed interval, oldest first, as the live feed shows them (masked text
 * only): the payload of the {@code feed-entries} channel, which under the {@code kafka} profile crosses to every
 * replica as JSON.
 */
@RegisterForReflection
public record FeedEntries(List<RecentMessage> messages) {

    public FeedEntries {
        messages = List.copyOf(messages);
    }
}
