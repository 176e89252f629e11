package ru.tsur.pulse.pipeline;

import ru.tsur.pulse.domain.StoredMessage;

/**
 * Metadata travelling with a message through the pipeline so that whoever submitted it learns the id
 * PostgreSQL gave it. Filled by the persist stage just before the message is acknowledged.
 */
public final class IngestReceipt {

    private volatile long id;
    private volatile boolean duplicate;

    void record(StoredMessage stored) {
        this.id = stored.id();
        this.duplicate = stored.duplicate();
    }

    public long id() {
        return id;
    }

    public boolean duplicate() {
        return duplicate;
    }
}
