package ru.tsur.pulse.cases;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a case stands. {@link #RESOLVED} waits for the resident's confirmation; {@link #CONFIRMED} is final;
 * {@link #REJECTED} means the executor said it is not theirs and the control room must reroute it;
 * {@link #MERGED} is final too: an operator found the case to be the same problem as another, which took its
 * messages ({@code merged_into}) — it is never open, never overdue, and not counted again in scorecards.
 */
public enum CaseStatus {
    NEW, ASSIGNED, IN_PROGRESS, ANSWERED, RESOLVED, CONFIRMED, REOPENED, REJECTED, MERGED;

    /** Statuses in which the problem is still someone's to solve: deadlines run, new messages join. */
    public static final Set<CaseStatus> OPEN = Set.of(NEW, ASSIGNED, IN_PROGRESS, ANSWERED, REOPENED, REJECTED);

    /** The id used in the API and the database: {@code in_progress}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean open() {
        return OPEN.contains(this);
    }

    public static Optional<CaseStatus> byId(String id) {
        for (CaseStatus status : values()) {
            if (status.id().equals(id)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
