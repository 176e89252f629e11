package ru.tsur.pulse.cases;

import ru.tsur.pulse.domain.Route;

import java.util.List;
import java.util.Optional;

/**
 * Where a rejected case should go next: the first of the routing table's candidate routes for the case
 * ({@code RoutingTable#candidates}, most specific first) whose executor is not the one who rejected it.
 *
 * <p>Why the routing table and not the trained executor head's second choice: the table's next candidate is a
 * rule the control room can read and check ("learned: category+municipality (40 of 52)") and it stays inside
 * the practice of the case's own place — the next level up is the executor that usually takes this topic or
 * category at all. The head's second choice is the runner-up of a probability over every executor of the region;
 * after its first choice was wrong for this text it has no better claim than a rule, cannot say why, and in a
 * city of district housing services the runner-up is often the neighbouring district's (the same text, another
 * place). So the table wins; a case whose every candidate is the rejecting executor gets no suggestion and the
 * operator chooses from the known executors.
 */
public final class RerouteSuggestion {

    private RerouteSuggestion() {
    }

    /** The next route for a case that {@code rejectedBy} rejected; empty when the table has no other executor. */
    public static Optional<Route> next(List<Route> candidates, String rejectedBy) {
        return candidates.stream()
                .filter(route -> route.executor() != null && !route.executor().isBlank())
                .filter(route -> rejectedBy == null || !route.executor().equals(rejectedBy))
                .findFirst();
    }
}
