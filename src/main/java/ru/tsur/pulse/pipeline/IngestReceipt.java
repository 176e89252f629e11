package ru.tsur.pulse.pipeline;

import ru.tsur.pulse.domain.StoredMessage;

/**
 * Metadata travelling with a message through the pipeline so that whoever submitted it learns the id
 * PostgreSQL gave it. Filled by the persist stage just before the message is acknowledged. Metadata does not
 * cross a Kafka topic: under the Kafka binding the submitter's message is acknowledged by the broker and its
 * receipt stays unrecorded (the id is not known when the API answers).
 */
public final class IngestReceipt {

    private volatile long id;
    private volatile boolean duplicate;
    private volatile boolean recorded;

    void record(StoredMessage stored) {
        this.id = stored.id();
        this.duplicate = stored.duplicate();
        this.recorded = true;
    }

    /** Whether PostgreSQL's answer reached this receipt (false when the message was acknowledged by a broker). */
    public boolean recorded() {
        return recorded;
    }

    public long id() {
        return id;
    }

    public boolean duplicate() {
        return duplicate;
    }
}
