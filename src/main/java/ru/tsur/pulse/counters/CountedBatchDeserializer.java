package ru.tsur.pulse.counters;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/**
 * Reads a {@link CountedBatch} back from its screens topic (the Kafka binding of the screens' channels): the JSON another
 * replica's producer wrote with Quarkus' object mapper. A record it cannot read reaches no screen (the channel
 * ignores it; the next change or re-read covers it).
 */
public class CountedBatchDeserializer extends ObjectMapperDeserializer<CountedBatch> {

    public CountedBatchDeserializer() {
        super(CountedBatch.class);
    }
}
