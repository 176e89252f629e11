package ru.tsur.pulse.api;

import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.alerts.AlertsConfig;
import ru.tsur.pulse.cases.CasesConfig;
import ru.tsur.pulse.ingest.IngestConfig;

/**
 * Resolves each {@link TextLimit} to its length in characters: the configured ones from their config
 * mappings, the fixed ones from their constants. One place, so a request record, a check and the README
 * name the same number.
 */
@ApplicationScoped
public class TextLimits {

    private final AlertsConfig alerts;
    private final CasesConfig cases;
    private final IngestConfig ingest;

    public TextLimits(AlertsConfig alerts, CasesConfig cases, IngestConfig ingest) {
        this.alerts = alerts;
        this.cases = cases;
        this.ingest = ingest;
    }

    public int maxLength(TextLimit limit) {
        return switch (limit) {
            case ACTOR -> TextLimit.MAX_ACTOR_LENGTH;
            case EXECUTOR -> TextLimit.MAX_EXECUTOR_LENGTH;
            case ALERT_REASON -> alerts.maxReasonLength();
            case CASE_REASON -> cases.maxReasonLength();
            case ANSWER -> cases.maxAnswerLength();
            case MESSAGE_TEXT -> ingest.maxTextLength();
            case ADDRESS -> TextLimit.MAX_ADDRESS_LENGTH;
        };
    }
}
