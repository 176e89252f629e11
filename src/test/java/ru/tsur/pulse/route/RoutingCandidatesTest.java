package ru.tsur.pulse.route;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.cases.RerouteSuggestion;
import ru.tsur.pulse.domain.Route;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.tsur.pulse.route.RoutingTableTest.*;

/**
 * The routing table's candidate routes, most specific first (the first is the route itself), and the rerouting
 * of a rejected case to the first candidate whose executor is not the one who rejected it.
 */
class RoutingCandidatesTest {

    private final RoutingTable table = RoutingTableTrainer.train(training());

    @Test
    void theCandidatesAreEveryLevelThatHasACellInTheOrderTriedWithTheRouteFirst() {
        List<Route> candidates = table.candidates(LIGHTS, HOUSING, LGOV);
        assertThat(candidates).containsExactly(
                new Route(LGOV_ADMIN, "standard", "learned: topic+municipality (2 of 2)"),
                new Route(LGOV_ADMIN, "standard", "learned: category+municipality (3 of 3)"),
                new Route(ZHKH, "standard", "learned: topic only (4 of 6)"),
                new Route(ZHKH, "standard", "learned: category (4 of 11)"),
                new Route(ZHKH, "standard", "default"));
        assertThat(candidates.get(0)).isEqualTo(table.route(LIGHTS, HOUSING, LGOV));
        // A message the table knows nothing specific about has the default only.
        assertThat(table.candidates(null, null, null)).containsExactly(new Route(ZHKH, "standard", "default"));
    }

    @Test
    void aRejectedCaseGoesToTheNextCandidateWithAnotherExecutor() {
        List<Route> candidates = table.candidates(LIGHTS, HOUSING, LGOV);
        assertThat(RerouteSuggestion.next(candidates, LGOV_ADMIN))
                .contains(new Route(ZHKH, "standard", "learned: topic only (4 of 6)"));
        assertThat(RerouteSuggestion.next(candidates, "кто-то другой")).contains(candidates.get(0));
        assertThat(RerouteSuggestion.next(List.of(new Route(ZHKH, "standard", "default")), ZHKH)).isEqualTo(Optional.empty());
    }
}
