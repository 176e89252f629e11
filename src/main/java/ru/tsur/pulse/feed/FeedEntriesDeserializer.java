package ru.tsur.pulse.feed;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/**
 * Reads a {@link FeedEntries} back from its screens topic (the Kafka binding of the screens' channels): the JSON another
 * replica's producer wrote with Quarkus' object mapper. A record it cannot read reaches no screen (the channel
 * ignores it; the next change or re-read covers it).
 */
public class FeedEntriesDeserializer extends ObjectMapperDeserializer<FeedEntries> {

    public FeedEntriesDeserializer() {
        super(FeedEntries.class);
    }
}
