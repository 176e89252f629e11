package ru.tsur.pulse.cases.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import ru.tsur.pulse.cases.CaseRepository;
import ru.tsur.pulse.cases.ProblemCase;

import java.util.List;

/**
 * Answer of {@code GET /api/v1/cases/{id}}: the case, its messages (masked display text only) and its
 * events, oldest first. The case travels as {@code "case"}, a word Java keeps for itself.
 */
public record CaseDetail(@JsonProperty("case") ProblemCase problemCase, List<CaseRepository.CaseMessage> messages,
                         List<CaseRepository.CaseEvent> events) {
}
