package ru.tsur.pulse.ingest;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import ru.tsur.pulse.domain.IncomingMessage;

/**
 * Reads a submitted message back from the Kafka topic (the Kafka binding of the ingest channels): the JSON the
 * gateway's producer wrote with Quarkus' object mapper. A record it cannot read fails the deserialization, which
 * the channel's failure strategy sends to the dead-letter topic instead of blocking the partition.
 */
public class IncomingMessageDeserializer extends ObjectMapperDeserializer<IncomingMessage> {

    public IncomingMessageDeserializer() {
        super(IncomingMessage.class);
    }
}
