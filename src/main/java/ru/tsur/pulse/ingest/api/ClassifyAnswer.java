package ru.tsur.pulse.ingest.api;

import java.util.List;

/**
 * Answer of {@code POST /api/v1/classify}: what the pipeline would decide about the text — category, topic,
 * calibrated confidence, whether a person should triage it, how it decided, the top candidates of both
 * heads, the municipality, the route (executor, deadline class, the rule that matched) and the masked
 * display text. Nothing is stored.
 */
public record ClassifyAnswer(NamedId category, String topic, double confidence, boolean triage, String method,
                             List<CategoryCandidate> topCategories, List<TopicCandidate> topTopics,
                             LocatedMunicipality municipality, RouteDecision route, String displayText) {

    /** A category by id and name. */
    public record NamedId(String id, String name) {
    }

    /** A candidate category with its calibrated probability. */
    public record CategoryCandidate(String id, String name, double probability) {
    }

    /** A candidate topic with its calibrated probability. */
    public record TopicCandidate(String topic, double probability) {
    }

    /** The municipality found, and how ({@code point}, {@code address}, {@code text}, …). */
    public record LocatedMunicipality(String id, String name, String method) {
    }

    /** The executor, deadline class and routing rule that matched. */
    public record RouteDecision(String executor, String deadlineClass, String rule) {
    }
}
