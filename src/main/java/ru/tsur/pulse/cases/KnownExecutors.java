package ru.tsur.pulse.cases;

import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.route.RoutingTable;

import java.util.Set;

/**
 * The executors a case may be assigned to: those the region's routing table or the control room's overrides
 * name. An operator's typo, or «ООО Рога и копыта», cannot become an executor that then tops the scorecards;
 * a new body enters through the overrides file, which is validated and reviewed.
 */
@ApplicationScoped
public class KnownExecutors {

    private final Set<String> names;

    public KnownExecutors(RoutingTable routing) {
        this.names = Set.copyOf(routing.executors());
    }

    public boolean knows(String executor) {
        return executor != null && names.contains(executor.strip());
    }

    public Set<String> names() {
        return names;
    }
}
