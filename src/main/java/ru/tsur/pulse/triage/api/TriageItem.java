package ru.tsur.pulse.triage.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import ru.tsur.pulse.domain.Classification;

import java.time.Instant;
import java.util.List;

/**
 * A message waiting for an operator's triage, as the queue shows it: the masked text, the point, the model's
 * labels with its top candidates of each head (as the region's current model scores the text), the located
 * municipality and the routed executor with the rule that matched, and its case if one is open already.
 */
@RegisterForReflection
public record TriageItem(long messageId, Instant createdAt, Instant receivedAt, String text, Double lat, Double lon,
                         String municipality, String municipalityName, String category, String categoryName,
                         String topic, double confidence, String executor, String rule, Long caseId,
                         List<Classification.Candidate> categoryCandidates,
                         List<Classification.Candidate> topicCandidates) {
}
