package ru.tsur.pulse.pipeline;

/**
 * Names of the pipeline's channels: the one door of every flow, from the sources to the stores and from the
 * stores to the screens (no stage calls a screen stream directly). In-process by default; each payload carries
 * what a replica elsewhere would need, so a channel can be bound to a Kafka topic by configuration alone. The
 * ingest path is two connector channels, {@link #MESSAGES_SUBMITTED} → {@link #MESSAGES_IN}, linked in the
 * process by {@link InProcessConnector} unless the {@code kafka} profile binds both to the topic
 * (docs/kafka-binding-spike.md). What reaches screens travels the same way, from an outgoing channel to its
 * {@code -in} end: in-process one replica hears itself; under {@code kafka} the ends are a one-partition topic
 * that every replica reads with a group of its own, so every replica's screens see every replica's changes.
 * Alerts are the exception: they reach the other replicas as PostgreSQL notifications (AlertBroadcaster).
 */
public final class Channels {

    /**
     * Validated messages from every source as the gateway submits them (an outgoing connector channel: the
     * in-process link or the Kafka topic).
     */
    public static final String MESSAGES_SUBMITTED = "messages-submitted";

    /**
     * Validated messages from every source, before normalization, as the pipeline consumes them (an incoming
     * connector channel: the other end of {@link #MESSAGES_SUBMITTED}'s link or topic).
     */
    public static final String MESSAGES_IN = "messages-in";

    /** Messages committed in PostgreSQL for the first time (duplicates are not forwarded). */
    public static final String MESSAGES_STORED = "messages-stored";

    /**
     * Which municipalities' counts moved in Redis: the results of counting rounds, of the catch-up job and of
     * rebuilds, as this replica made them (an outgoing connector channel with two upstreams, merged: the
     * in-process link to {@link #COUNTS_CHANGED_IN}, or under {@code kafka} the one-partition topic every
     * replica reads).
     */
    public static final String COUNTS_CHANGED = "counts-changed";

    /**
     * Which municipalities' counts moved, on any replica: read by the heat map, which re-reads those
     * municipalities' windows (Redis is shared by replicas).
     */
    public static final String COUNTS_CHANGED_IN = "counts-changed-in";

    /**
     * The tension detector's scores after each round, complete (only the latest matters), sent by the replica
     * that holds the detector's publishing lease (an outgoing connector channel, linked to
     * {@link #TENSION_SCORES_IN}).
     */
    public static final String TENSION_SCORES = "tension-scores";

    /** The tension detector's scores as every replica receives them: read by the heat map. */
    public static final String TENSION_SCORES_IN = "tension-scores-in";

    /**
     * Messages this replica stored, as the live feed shows them, a batch per feed interval (an outgoing
     * connector channel, linked to {@link #FEED_ENTRIES_IN}).
     */
    public static final String FEED_ENTRIES = "feed-entries";

    /** Feed batches from every replica: read by the live feed. */
    public static final String FEED_ENTRIES_IN = "feed-entries-in";

    /** Alerts changed on this replica (raised, resolved, acknowledged, silenced), in full. */
    public static final String ALERT_CHANGES = "alert-changes";

    private Channels() {
    }
}
