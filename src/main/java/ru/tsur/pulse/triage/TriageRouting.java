package ru.tsur.pulse.triage;

import ru.tsur.pulse.cases.CaseStatus;
import ru.tsur.pulse.domain.Route;

/**
 * What an operator's triage decision does to a message's route and to its case — plain rules, no framework.
 * <ul>
 * <li>An executor the operator names wins (rule {@code operator}).</li>
 * <li>Labels the operator changed route by the routing table for the new labels (overrides first, as always):
 *     the executor head reads the same text and place that made the model unsure, so it is not asked again.</li>
 * <li>Labels the operator confirmed keep the route the message has.</li>
 * </ul>
 * The case follows the route while nobody has answered it yet: a different executor takes an open, unanswered
 * case as {@code assigned} (it must accept it anew); an answered or closed case keeps its executor and status —
 * only its labels change, and the event says so.
 */
public final class TriageRouting {

    /** The rule a route chosen by the operator is shown with. */
    public static final String OPERATOR_RULE = "operator";

    private TriageRouting() {
    }

    /**
     * @param current        the message's route now
     * @param labelsChanged  whether the operator's category or topic differ from the model's
     * @param chosenExecutor the executor the operator named, or null
     * @param byTable        the routing table's route for the operator's labels
     */
    public static Route route(Route current, boolean labelsChanged, String chosenExecutor, Route byTable) {
        if (chosenExecutor != null && !chosenExecutor.isBlank()) {
            String deadline = labelsChanged ? byTable.deadlineClass() : current.deadlineClass();
            return new Route(chosenExecutor, deadline, OPERATOR_RULE);
        }
        return labelsChanged ? byTable : current;
    }

    /** What the case does: its new executor and status (the same ones when nothing moves). */
    public record CaseMove(String executor, CaseStatus status, boolean moved) {
    }

    public static CaseMove caseMove(CaseStatus status, String currentExecutor, String routedExecutor) {
        boolean unanswered = status == CaseStatus.NEW || status == CaseStatus.ASSIGNED || status == CaseStatus.IN_PROGRESS
                || status == CaseStatus.REJECTED;
        boolean differs = routedExecutor != null && !routedExecutor.equals(currentExecutor);
        if (unanswered && differs) {
            return new CaseMove(routedExecutor, CaseStatus.ASSIGNED, true);
        }
        return new CaseMove(currentExecutor, status, false);
    }
}
