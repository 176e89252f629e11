package ru.tsur.pulse.triage.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a triage decision did: the message's labels and route now, whether the operator changed the model's
 * labels, and its case (null when the intake has not opened one yet — it will open it with these values) with
 * the case's executor and status after the decision.
 */
@RegisterForReflection
public record TriageOutcome(long messageId, String category, String topic, String executor, String rule,
                            boolean corrected, Long caseId, String caseExecutor, String caseStatus) {
}
