package ru.tsur.pulse.route;

import java.util.List;

/**
 * A routing file (the learned {@code routing.csv} or the control room's overrides) cannot be used. Lists every
 * problem found, each naming its line and, where it applies, its column, so one pass over the file fixes them all.
 */
public final class RoutingConfigException extends RuntimeException {

    private final List<String> problems;

    public RoutingConfigException(String file, List<String> problems) {
        super(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, e.g. {@code line 4, column municipality: unknown municipality «Льгв»}. */
    public List<String> problems() {
        return problems;
    }
}
