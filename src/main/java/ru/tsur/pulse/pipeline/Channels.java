package ru.tsur.pulse.pipeline;

/**
 * Names of the pipeline's channels. In-process by default; {@link #MESSAGES_IN} can be bound to a Kafka
 * topic by configuration alone ({@code mp.messaging.*.messages-in.connector=smallrye-kafka}).
 */
public final class Channels {

    /** Validated messages from every source, before normalization. */
    public static final String MESSAGES_IN = "messages-in";

    /** Messages committed in PostgreSQL for the first time (duplicates are not forwarded). */
    public static final String MESSAGES_STORED = "messages-stored";

    /** Results of counting rounds: which municipalities' counts moved. */
    public static final String COUNTS_CHANGED = "counts-changed";

    private Channels() {
    }
}
