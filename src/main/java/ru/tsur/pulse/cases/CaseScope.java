package ru.tsur.pulse.cases;

import ru.tsur.pulse.access.Caller;

import java.util.Set;

/**
 * The cases a caller may see and act on: all of them (both sets null), or only those of some executors (an
 * executor's own cases) and/or of some municipalities (a municipal official). A case outside the scope does
 * not exist for the caller: it is left out of lists and answered 404, never shown in part.
 *
 * @param executors      the executor names allowed, or null for any
 * @param municipalities the municipality ids allowed, or null for any
 */
public record CaseScope(Set<String> executors, Set<String> municipalities) {

    public static final CaseScope EVERYTHING = new CaseScope(null, null);

    public static CaseScope of(Caller caller) {
        return new CaseScope(caller.executorScope().orElse(null), caller.municipalityScope().orElse(null));
    }

    public boolean includes(ProblemCase problem) {
        return (executors == null || problem.executor() != null && executors.contains(problem.executor()))
                && (municipalities == null || municipalities.contains(problem.municipality()));
    }

    /** The executors as a PostgreSQL array parameter (null: no restriction). */
    String[] executorArray() {
        return executors == null ? null : executors.toArray(String[]::new);
    }

    String[] municipalityArray() {
        return municipalities == null ? null : municipalities.toArray(String[]::new);
    }
}
