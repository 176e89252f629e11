package ru.tsur.pulse.pipeline;

/**
 * PostgreSQL refused one message's row (it answered, so it is not an outage): after its batch was split
 * down to that row alone, this is what its submitter learns — the message is not stored and retrying the
 * same content will not help. Carries PostgreSQL's own reason, never the row's content.
 */
public final class RowRefusedException extends RuntimeException {

    public RowRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
