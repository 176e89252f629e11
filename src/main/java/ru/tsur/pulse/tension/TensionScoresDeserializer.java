package ru.tsur.pulse.tension;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/**
 * Reads a {@link TensionScores} back from its screens topic (the Kafka binding of the screens' channels): the JSON another
 * replica's producer wrote with Quarkus' object mapper. A record it cannot read reaches no screen (the channel
 * ignores it; the next change or re-read covers it).
 */
public class TensionScoresDeserializer extends ObjectMapperDeserializer<TensionScores> {

    public TensionScoresDeserializer() {
        super(TensionScores.class);
    }
}
