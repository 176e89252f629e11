package ru.tsur.pulse.cases;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legal moves of a case: which action may be taken in which status, and where it leads.
 * <pre>
 * new ─assign→ assigned ─accept→ in_progress ─answer→ answered ─resolve→ resolved ─confirm→ confirmed
 *                                                                              └─reopen→ reopened
 * reject (new, assigned, in_progress) → rejected ─reassign→ assigned
 * </pre>
 * Reassign also moves a case between executors while it is open; resolve is allowed without a separate
 * answer (the resolution is then the first reply). Anything else is refused (409 in the API).
 */
public final class CaseLifecycle {

    /** What an executor, operator or resident does to a case. */
    public enum Action {
        ASSIGN, ACCEPT, ANSWER, RESOLVE, REJECT, REASSIGN, CONFIRM, REOPEN
    }

    private record Move(Set<CaseStatus> from, CaseStatus to) {
    }

    private static final Map<Action, Move> MOVES = new EnumMap<>(Action.class);

    static {
        MOVES.put(Action.ASSIGN, new Move(EnumSet.of(CaseStatus.NEW, CaseStatus.REJECTED), CaseStatus.ASSIGNED));
        MOVES.put(Action.ACCEPT, new Move(EnumSet.of(CaseStatus.NEW, CaseStatus.ASSIGNED, CaseStatus.REOPENED),
                CaseStatus.IN_PROGRESS));
        MOVES.put(Action.ANSWER, new Move(EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED),
                CaseStatus.ANSWERED));
        MOVES.put(Action.RESOLVE, new Move(EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED,
                CaseStatus.REOPENED), CaseStatus.RESOLVED));
        MOVES.put(Action.REJECT, new Move(EnumSet.of(CaseStatus.NEW, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS),
                CaseStatus.REJECTED));
        MOVES.put(Action.REASSIGN, new Move(EnumSet.of(CaseStatus.NEW, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS,
                CaseStatus.REJECTED, CaseStatus.REOPENED), CaseStatus.ASSIGNED));
        MOVES.put(Action.CONFIRM, new Move(EnumSet.of(CaseStatus.RESOLVED), CaseStatus.CONFIRMED));
        MOVES.put(Action.REOPEN, new Move(EnumSet.of(CaseStatus.RESOLVED), CaseStatus.REOPENED));
    }

    private CaseLifecycle() {
    }

    /** The status the action leads to from {@code from}; empty when it is not allowed there. */
    public static Optional<CaseStatus> next(CaseStatus from, Action action) {
        Move move = MOVES.get(action);
        return move.from().contains(from) ? Optional.of(move.to()) : Optional.empty();
    }

    /** The statuses in which the action is allowed, for error messages. */
    public static Set<CaseStatus> allowedFrom(Action action) {
        return MOVES.get(action).from();
    }
}
