package ru.tsur.pulse.api;

/**
 * The bounded kinds of free text an operator, executor or integrator sends in a request body, each with
 * its length limit (fixed here or configured, see {@link TextLimits}) and whether it may span lines. The
 * README's «Limits» table lists them; the JSON reader ({@code StrictJson}) already refuses control
 * characters other than tab and line breaks in every string.
 */
public enum TextLimit {

    /** Who acts ({@code "by"}): a person's or a service's name, one line. */
    ACTOR(false),
    /** An executor's name (assign, reassign): one line, as long as the routing table's longest. */
    EXECUTOR(false),
    /** Why an alert is silenced ({@code pulse.alerts.max-reason-length}). */
    ALERT_REASON(true),
    /** A rejection reason, or a resident's comment on confirm or reopen ({@code pulse.cases.max-reason-length}). */
    CASE_REASON(true),
    /** An executor's answer to a case ({@code pulse.cases.max-answer-length}). */
    ANSWER(true),
    /** The text given to {@code POST /api/v1/classify} (the ingest's {@code pulse.ingest.max-text-length}). */
    MESSAGE_TEXT(true),
    /** A postal address given with a text to classify (the same bound as the ingest's address). */
    ADDRESS(false);

    /** Longest {@link #ACTOR}. */
    public static final int MAX_ACTOR_LENGTH = 200;
    /** Longest {@link #EXECUTOR}. */
    public static final int MAX_EXECUTOR_LENGTH = 300;
    /** Longest {@link #ADDRESS}. */
    public static final int MAX_ADDRESS_LENGTH = 500;

    private final boolean multiline;

    TextLimit(boolean multiline) {
        this.multiline = multiline;
    }

    /** Whether tab and line breaks are allowed (the JSON reader lets them through in every string). */
    public boolean multiline() {
        return multiline;
    }
}
