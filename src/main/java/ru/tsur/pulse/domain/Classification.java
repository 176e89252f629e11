package ru.tsur.pulse.domain;

import java.util.List;

/**
 * What the classify stage decided: the coarse category (an id of the region's taxonomy), the fine topic
 * when known, how sure it is of the category (a calibrated probability, 0..1) and how it decided
 * ({@code source}, {@code keywords}, {@code model}, {@code none}); the top candidates of each head; and
 * whether the message needs a person to triage it (the model was not sure enough).
 */
public record Classification(String categoryId, String topic, double confidence, String method,
                             List<Candidate> categoryCandidates, List<Candidate> topicCandidates, boolean triage) {

    /** A label with its calibrated probability. */
    public record Candidate(String label, double probability) {
    }

    public Classification(String categoryId, String topic, double confidence, String method) {
        this(categoryId, topic, confidence, method, List.of(), List.of(), false);
    }
}
